import { describe, expect, inject, it } from 'vitest';
import { call, createEvent, uniqueEmail, waitForMail } from '../support/local-stack';

const organiser = () => inject('organiserToken');

describe('check-in at the door', () => {
  it('checks in by id or by the code from the confirmation mail, only people with a seat, and can be undone', async () => {
    const event = await createEvent({ capacity: 1, language: 'en' });
    const [seatedEmail, waitingEmail] = [uniqueEmail('door'), uniqueEmail('door-wait')];
    const seated = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Ada', email: seatedEmail, consent: true } });
    const waiting = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Bea', email: waitingEmail, consent: true } });
    const [confirmation] = await waitForMail((mail) => mail.destination.to.includes(seatedEmail), (found) => found.length === 1);
    const code = /code for the door: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(confirmation!.body.text ?? '')?.[1];
    expect(code).toBeDefined();

    const byCode = await call('POST', `/admin/events/${event.id}/check-in`, { token: organiser(), body: { code: code!.toLowerCase().replace('-', ' ') } });
    const twice = await call('POST', `/admin/events/${event.id}/registrations/${seated.json.registrationId}/check-in`, { token: organiser() });
    const notSeated = await call('POST', `/admin/events/${event.id}/registrations/${waiting.json.registrationId}/check-in`, { token: organiser() });
    const unknownCode = await call('POST', `/admin/events/${event.id}/check-in`, { token: organiser(), body: { code: 'ZZZZ-ZZZZ' } });
    const foreign = await call('POST', `/admin/events/${event.id}/check-in`, { token: inject('otherOrganiserToken'), body: { code } });

    expect(byCode.json).toMatchObject({ registrationId: seated.json.registrationId, name: 'Ada', status: 'confirmed', checkedInAt: expect.any(String) });
    expect(twice.json.checkedInAt).toBe(byCode.json.checkedInAt);
    expect([notSeated.status, notSeated.json.type]).toEqual([409, 'urn:event-registration:problem:not-confirmed']);
    expect([unknownCode.status, foreign.status]).toEqual([404, 404]);

    const csv = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser(), headers: { accept: 'text/csv' } });
    expect(csv.text.split('\r\n')[0]).toContain('"checkedInAt"');
    expect(csv.text).toContain(byCode.json.checkedInAt);

    const undone = await call('DELETE', `/admin/events/${event.id}/registrations/${seated.json.registrationId}/check-in`, { token: organiser() });
    expect(undone.json).not.toHaveProperty('checkedInAt');
    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    expect(list.json.items[0].checkedInAt).toBeUndefined();
  });

  it('keeps the earliest check-in: one made offline and sent later wins over one made online in between', async () => {
    const event = await createEvent({ capacity: 2 });
    const seated = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Ada', email: uniqueEmail('late-sync'), consent: true } });
    const path = `/admin/events/${event.id}/registrations/${seated.json.registrationId}/check-in`;
    const tappedOffline = new Date(Date.now() - 20 * 60_000).toISOString();

    const online = await call('POST', path, { token: organiser() });
    const synced = await call('POST', path, { token: organiser(), body: { at: tappedOffline } });
    const later = await call('POST', path, { token: organiser(), body: { at: new Date(Date.now() - 60_000).toISOString() } });
    const tooOld = await call('POST', path, { token: organiser(), body: { at: new Date(Date.now() - 49 * 3600_000).toISOString() } });
    const future = await call('POST', path, { token: organiser(), body: { at: new Date(Date.now() + 3600_000).toISOString() } });

    expect(online.status).toBe(200);
    expect(new Date(synced.json.checkedInAt).toISOString()).toBe(tappedOffline);
    expect(later.json.checkedInAt).toBe(synced.json.checkedInAt);
    expect([tooOld.status, tooOld.json.errors]).toEqual([400, [{ field: 'at', message: 'is more than 48 hours ago: a door list lives that long on a device' }]]);
    expect([future.status, future.json.errors[0].field]).toEqual([400, 'at']);
  });
});
