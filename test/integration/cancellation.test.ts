import { describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, pathOf, personalLinkFor, settle, uniqueEmail, waitForMail } from '../support/local-stack';

const register = (eventId: string, email: string, name = 'Deelnemer') => call('POST', `/events/${eventId}/registrations`, { body: { name, email, consent: true } });
const organiser = () => inject('organiserToken');

describe('self-service cancellation and promotion', () => {
  it('frees the seat for the first person waiting, who is told at once; everyone behind moves up; nobody gets a mail twice', async () => {
    const event = await createEvent({ capacity: 2, language: 'en' });
    const [ann, bob, cas, dirk] = ['ann', 'bob', 'cas', 'dirk'].map(uniqueEmail);
    for (const email of [ann!, bob!, cas!, dirk!]) await register(event.id, email);

    const link = await personalLinkFor(ann!);
    const page = await call('GET', pathOf(link.url));
    const pageHtml = page.text;
    expect(page.status).toBe(200);
    expect(pageHtml).toContain('You are registered.');

    const cancelled = await call('POST', pathOf(link.url.replace(/\?token=.*/, '/cancel')), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: link.token }).toString(),
    });
    expect(cancelled.status).toBe(303);
    expect((await call('GET', pathOf(cancelled.headers.get('location')!))).text).toContain('Your registration is cancelled.');

    const [promotion] = await waitForMail((mail) => mail.destination.to.includes(cas!) && mail.subject.startsWith('A seat is yours'), (found) => found.length === 1);
    expect(promotion!.attachments.some((attachment) => attachment.contentType.startsWith('text/calendar'))).toBe(true);
    expect(promotion!.body.text).toMatch(/\/registrations\/[^?]+\?token=/);
    await waitForMail((mail) => mail.destination.to.includes(ann!) && mail.subject.startsWith('Cancelled'), (found) => found.length === 1);

    const dirkLink = await personalLinkFor(dirk!);
    const dirkStatus = await call('GET', `/registrations/${dirkLink.registrationId}?token=${dirkLink.token}`, { headers: { accept: 'application/json' } });
    expect(dirkStatus.json).toEqual({ registrationId: dirkLink.registrationId, eventId: event.id, status: 'waitlisted', waitlistPosition: 1 });
    const admin = await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    expect(admin.json.counts).toMatchObject({ confirmed: 2, waitlisted: 1, cancelled: 1 });

    await settle();
    const mine = (await allMail()).filter((mail) => [ann, bob, cas, dirk].some((email) => mail.destination.to.includes(email!)));
    expect(mine.map((mail) => mail.subject.split(':')[0]).sort()).toEqual(
      ['A seat is yours', 'Cancelled', 'You are on the waitlist', 'You are on the waitlist', 'You are registered', 'You are registered'].sort(),
    );
  });

  it('is idempotent, never changes on a GET, and lets the person register again afterwards', async () => {
    const event = await createEvent({ capacity: 3 });
    const email = uniqueEmail('twice');
    await register(event.id, email);
    const link = await personalLinkFor(email);

    await call('GET', `/registrations/${link.registrationId}?token=${link.token}`);
    await call('GET', `/registrations/${link.registrationId}?token=${link.token}`, { headers: { accept: 'application/json' } });
    const stillThere = await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    const first = await call('POST', `/registrations/${link.registrationId}/cancel`, { body: { token: link.token } });
    const second = await call('POST', `/registrations/${link.registrationId}/cancel`, { body: { token: link.token } });
    const again = await register(event.id, email);

    expect(stillThere.json.counts.confirmed).toBe(1);
    expect([first.status, first.json]).toEqual([200, { status: 'cancelled' }]);
    expect([second.status, second.json]).toEqual([200, { status: 'cancelled' }]);
    expect(again.status).toBe(201);
  });

  it('answers every wrong token with the same 404 as an unknown registration', async () => {
    const event = await createEvent({ capacity: 3 });
    const [mine, theirs] = [uniqueEmail('mine'), uniqueEmail('theirs')];
    await register(event.id, mine);
    await register(event.id, theirs);
    const myLink = await personalLinkFor(mine);
    const theirLink = await personalLinkFor(theirs);
    const tampered = `${myLink.token.slice(0, -2)}${myLink.token.endsWith('AA') ? 'BB' : 'AA'}`;

    const attempts = await Promise.all([
      call('GET', `/registrations/${myLink.registrationId}?token=${theirLink.token}`),
      call('GET', `/registrations/${myLink.registrationId}?token=${tampered}`),
      call('GET', `/registrations/${myLink.registrationId}?token=`),
      call('GET', `/registrations/${myLink.registrationId}`),
      call('GET', `/registrations/01UNKNOWNREGISTRATION00000?token=${myLink.token}`),
      call('POST', `/registrations/${myLink.registrationId}/cancel`, { body: { token: theirLink.token } }),
      call('POST', `/registrations/${myLink.registrationId}/cancel`, { body: { token: '' } }),
      call('POST', `/registrations/${myLink.registrationId}/cancel`, { body: {} }),
    ]);

    expect(attempts.map((attempt) => attempt.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    const bodies = new Set(attempts.map((attempt) => JSON.stringify({ ...attempt.json, instance: undefined })));
    expect(bodies.size).toBe(1);
    const stillMine = await call('GET', `/registrations/${myLink.registrationId}?token=${myLink.token}`, { headers: { accept: 'application/json' } });
    expect(stillMine.json.status).toBe('confirmed');
  });
});

describe('organiser changes', () => {
  it('cancels on behalf of a participant with the same effect', async () => {
    const event = await createEvent({ capacity: 1 });
    const first = await register(event.id, uniqueEmail('seat'));
    const waiting = uniqueEmail('wait');
    await register(event.id, waiting);

    const response = await call('POST', `/admin/events/${event.id}/registrations/${first.json.registrationId}/cancel`, { token: organiser() });
    const foreign = await call('POST', `/admin/events/${event.id}/registrations/${first.json.registrationId}/cancel`, { token: inject('otherOrganiserToken') });

    expect(response.json).toEqual({ status: 'cancelled' });
    expect(foreign.status).toBe(404);
    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    expect(list.json.items.map((item: { email: string; status: string }) => [item.email, item.status])).toEqual([
      [expect.any(String), 'cancelled'],
      [waiting, 'confirmed'],
    ]);
  });

  it('promotes as many as fit when capacity grows, and refuses to shrink it below the confirmed seats', async () => {
    const event = await createEvent({ capacity: 2 });
    for (let index = 0; index < 6; index++) await register(event.id, uniqueEmail(`grow${index}`));

    const grown = await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { capacity: 5 } });
    const shrunk = await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { capacity: 4 } });
    const renamed = await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { title: 'Nieuwe titel' } });
    const unknownField = await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { confirmedCount: 0 } });

    expect(grown.json.counts).toMatchObject({ confirmed: 5, waitlisted: 1, cancelled: 0 });
    expect([shrunk.status, shrunk.json.type]).toEqual([409, 'urn:event-registration:problem:capacity-below-confirmed']);
    expect(renamed.json).toMatchObject({ title: 'Nieuwe titel', capacity: 5, counts: { confirmed: 5, waitlisted: 1 } });
    expect(unknownField.status).toBe(400);
  });
});
