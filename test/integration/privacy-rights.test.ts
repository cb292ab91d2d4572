import { GetCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { documentClient } from '../../shared/adapters/dynamo/client';
import { keys } from '../../shared/adapters/dynamo/keys';
import { MailOutbox } from '../../shared/adapters/dynamo/mail-outbox';
import { mailFor } from '../../shared/domain/mail';
import { newId } from '../../shared/use-cases/deps';
import { allMail, call, createEvent, pathOf, personalLinkFor, settle, uniqueEmail, waitForMail } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const table = () => inject('tableName');
const register = (eventId: string, body: Record<string, unknown>) => call('POST', `/events/${eventId}/registrations`, { body: { consent: true, ...body } });
const registrationsOf = async (eventId: string) => (await call('GET', `/admin/events/${eventId}/registrations`, { token: organiser() })).json.items as Array<Record<string, any>>;
const item = async (key: { PK: string; SK: string }) => (await documentClient.send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;

/** Every item of the table, as text: where a person's data could still be. */
async function everythingStored(): Promise<string> {
  const items: unknown[] = [];
  for await (const page of paginateScan({ client: documentClient }, { TableName: table(), ConsistentRead: true })) items.push(...(page.Items ?? []));
  return JSON.stringify(items);
}

describe('accessibility and dietary needs (special categories)', () => {
  it('need a consent of their own, and are kept in an item of their own that expires needsRetention after the end', async () => {
    const event = await createEvent({ capacity: 3, needsRetention: 'P7D' });
    const email = uniqueEmail('needs');

    const refused = await register(event.id, { name: 'Wensen Zonder Akkoord', email, dietaryNeeds: 'glutenvrij' });
    const form = await call('POST', `/events/${event.id}/registrations`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ language: 'nl', name: 'Via Formulier', email: uniqueEmail('needsform'), dietaryNeeds: 'halal', consent: 'true', website: '' }).toString(),
    });
    const accepted = await register(event.id, { name: 'Wensen Met Akkoord', email, dietaryNeeds: 'glutenvrij', accessibilityNeeds: 'rolstoelplek', needsConsent: true });

    expect([refused.status, refused.json.errors]).toEqual([400, [expect.objectContaining({ field: 'needsConsent' })]]);
    expect(form.status).toBe(400);
    expect(form.text).toContain('id="field-needsConsent-error"');
    expect(accepted.status).toBe(201);
    const registrationId = accepted.json.registrationId as string;
    const registration = await item(keys.registration(registrationId));
    const needs = await item(keys.needs(registrationId));
    expect(registration).not.toHaveProperty('dietaryNeeds');
    expect(registration).not.toHaveProperty('accessibilityNeeds');
    expect(needs).toMatchObject({ dietaryNeeds: 'glutenvrij', accessibilityNeeds: 'rolstoelplek' });
    // Seven days after the end, on the event's calendar; the registration itself a year after.
    expect(needs!.expiresAt).toBe(Math.floor((Date.parse(event.endsAt) + 7 * 86_400_000) / 1000));
    expect(new Date(registration!.expiresAt * 1000).toISOString().slice(0, 10)).toBe(`${Number(event.endsAt.slice(0, 4)) + 1}${event.endsAt.slice(4, 10)}`);
    expect((await registrationsOf(event.id)).find((listed) => listed.registrationId === registrationId)).toMatchObject({ dietaryNeeds: 'glutenvrij', accessibilityNeeds: 'rolstoelplek' });
    const [confirmation] = await waitForMail((mail) => mail.destination.to.includes(email), (found) => found.length === 1);
    expect(confirmation!.body.text).toContain('glutenvrij');
  });

  it('sums the needs of the people with a seat up for the caterer, without names unless asked', async () => {
    const event = await createEvent({ capacity: 3 });
    const seated = [
      { name: 'Ada Vegan', dietaryNeeds: 'Vegan' },
      { name: 'Bo Vegan', dietaryNeeds: '  vegan ' },
      { name: 'Cas Halal', dietaryNeeds: 'Halal', accessibilityNeeds: 'Doventolk' },
    ];
    for (const person of seated) await register(event.id, { ...person, email: uniqueEmail('caterer'), needsConsent: true });
    await register(event.id, { name: 'Dirk Wacht', email: uniqueEmail('caterer'), dietaryNeeds: 'Kosher', needsConsent: true });
    const path = `/admin/events/${event.id}/needs-summary`;

    const plain = await call('GET', path, { token: organiser() });
    const named = await call('GET', `${path}?names=true`, { token: organiser() });

    expect(plain.json).toEqual({
      seated: 3,
      dietary: [
        { need: 'Vegan', count: 2 },
        { need: 'Halal', count: 1 },
      ],
      accessibility: [{ need: 'Doventolk' }],
    });
    expect(named.json.dietary[0]).toEqual({ need: 'Vegan', count: 2, names: ['Ada Vegan', 'Bo Vegan'] });
    expect(named.json.accessibility).toEqual([{ need: 'Doventolk', name: 'Cas Halal' }]);
    expect((await call('GET', path, { token: inject('doorToken') })).status).toBe(403);
  });
});

describe('retention that follows the event', () => {
  it('moves every expiry of every registration when the event moves or its retention changes', async () => {
    const event = await createEvent({ capacity: 1 });
    const [seated, waiting] = [uniqueEmail('keep'), uniqueEmail('keepwait')];
    const first = await register(event.id, { name: 'Blijft Even', email: seated, dietaryNeeds: 'vegan', needsConsent: true });
    const second = await register(event.id, { name: 'Wacht Even', email: waiting });
    const moved = { startsAt: new Date(Date.parse(event.startsAt) + 2 * 86_400_000).toISOString(), endsAt: new Date(Date.parse(event.endsAt) + 2 * 86_400_000).toISOString() };

    expect((await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { ...moved, retention: 'P6M', needsRetention: 'P3D' } })).status).toBe(200);
    await settle();

    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    const sixMonthsAfter = new Date(moved.endsAt);
    sixMonthsAfter.setUTCMonth(sixMonthsAfter.getUTCMonth() + 6);
    // Six months on the event's calendar: summer time in June moves the UTC hour, so compare the date only.
    const expiryDay = (expiresAt: number) => new Date(expiresAt * 1000).toISOString().slice(0, 10);
    const registration = await item(keys.registration(first.json.registrationId));
    const waitingRegistration = await item(keys.registration(second.json.registrationId));
    expect(expiryDay(registration!.expiresAt)).toBe(sixMonthsAfter.toISOString().slice(0, 10));
    expect(registration!.retainUntil).toBe(new Date(registration!.expiresAt * 1000).toISOString());
    for (const key of [
      keys.emailLock(event.id, seated.toLowerCase()),
      keys.checkInCode(event.id, registration!.checkInCode),
      keys.emailLock(event.id, waiting.toLowerCase()),
      keys.waitlistEntry(event.id, waitingRegistration!.waitlistSeq),
    ]) {
      expect((await item(key))!.expiresAt, key.PK).toBe(registration!.expiresAt);
    }
    const needs = await item(keys.needs(first.json.registrationId));
    expect(needs!.expiresAt).toBe(seconds(moved.endsAt) + 3 * 86_400);
    expect(registration!.needsRetainUntil).toBe(needs!.keptUntil);
  });

  it('refuses a retention longer than two years, or needs kept longer than the rest', async () => {
    const tooLong = await call('POST', '/admin/events', {
      token: organiser(),
      body: { title: 'Te lang', startsAt: '2027-03-01T09:00:00+01:00', endsAt: '2027-03-01T17:00:00+01:00', venue: { name: 'Hier' }, capacity: 5, retention: 'P3Y', needsRetention: 'P4Y' },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors.map((error: { field: string }) => error.field).sort()).toEqual(['needsRetention', 'retention']);
  });
});

describe('data rights, self-service', () => {
  it('gives a person everything stored about them, behind their link', async () => {
    const event = await createEvent({ capacity: 2, language: 'en' });
    const email = uniqueEmail('access');
    await register(event.id, { name: 'Inzage Persoon', email, organisation: 'Waterschap', role: 'Adviseur', dietaryNeeds: 'vegetarisch', needsConsent: true });
    const link = await personalLinkFor(email);
    await settle();

    const page = await call('GET', pathOf(link.url));
    const data = await call('GET', `/registrations/${link.registrationId}/data?token=${link.token}`);
    const wrong = await call('GET', `/registrations/${link.registrationId}/data?token=wrong`);

    expect(page.text).toContain(`/registrations/${link.registrationId}/data?token=`);
    expect(data.headers.get('content-disposition')).toBe(`attachment; filename="my-data-${link.registrationId}.json"`);
    expect(data.json.registration).toMatchObject({ name: 'Inzage Persoon', email, organisation: 'Waterschap', role: 'Adviseur', dietaryNeeds: 'vegetarisch', status: 'confirmed', personalLinks: 1 });
    expect(data.json.registration).not.toHaveProperty('accessTokenHashes');
    expect(data.json.mails).toEqual([{ kind: 'registration-confirmed', subject: `You are registered: ${event.title}`, sentAt: expect.any(String) }]);
    expect(data.json).toMatchObject({ checkedInAt: null, certificateNumber: null, event: { id: event.id, title: event.title } });
    expect(wrong.status).toBe(404);
  });

  it('erases a person on request: their seat goes to the next in line, nothing of them stays, and mail still on its way is dropped', async () => {
    const event = await createEvent({ capacity: 1, language: 'en' });
    const [leaver, waiting] = [uniqueEmail('erase'), uniqueEmail('next')];
    const name = `Wis Mij ${Date.now()}`;
    await register(event.id, { name, email: leaver, organisation: 'Gemeente Wis', accessibilityNeeds: 'ringleiding', needsConsent: true });
    await register(event.id, { name: 'Volgende', email: waiting });
    const link = await personalLinkFor(leaver);

    const ask = await call('GET', `${pathOf(link.url)}&erase=1`);
    expect(ask.text).toContain(`action="/registrations/${link.registrationId}/erase"`);
    const erased = await call('POST', `/registrations/${link.registrationId}/erase`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: link.token, language: 'en' }).toString(),
    });
    expect([erased.status, erased.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    expect(erased.text).toContain('We have erased your data.');

    await waitForMail((mail) => mail.destination.to.includes(waiting) && mail.subject.startsWith('A seat is yours'), (found) => found.length === 1);
    // A reminder that was already on its way when the person was erased.
    await new MailOutbox(table(), 1).addOnce(mailFor('reminder', { eventId: event.id, registrationId: link.registrationId }, `late-${newId()}`, new Date()));
    await settle();

    expect((await allMail()).filter((mail) => mail.destination.to.includes(leaver)).map((mail) => mail.subject)).toEqual([`You are registered: ${event.title}`]);
    expect((await call('GET', pathOf(link.url))).status).toBe(404);
    const stored = await everythingStored();
    for (const personal of [name, leaver, leaver.toLowerCase(), 'Gemeente Wis', 'ringleiding']) expect(stored).not.toContain(personal);
    const listed = await registrationsOf(event.id);
    expect(listed.map((entry) => [entry.name, entry.status, Boolean(entry.erasedAt)])).toEqual([
      ['', 'cancelled', true],
      ['Volgende', 'confirmed', false],
    ]);
    expect((await call('GET', `/admin/events/${event.id}`, { token: organiser() })).json.counts).toMatchObject({ confirmed: 1, waitlisted: 0, cancelled: 1 });
    // Erasing twice is erasing once; a wrong token learns nothing.
    expect((await call('POST', `/registrations/${link.registrationId}/erase`, { body: { token: link.token } })).status).toBe(404);
  });

  it('lets the organiser erase a person who asked by phone', async () => {
    const event = await createEvent({ capacity: 2 });
    const email = uniqueEmail('phone');
    const registered = await register(event.id, { name: 'Belde Ons', email });
    const path = `/admin/events/${event.id}/registrations/${registered.json.registrationId}`;

    const first = await call('DELETE', path, { token: organiser() });
    const again = await call('DELETE', path, { token: organiser() });

    expect([first.status, first.json, again.json]).toEqual([200, { status: 'erased' }, { status: 'erased' }]);
    expect(await everythingStored()).not.toContain(email);
    expect((await call('DELETE', path, { token: inject('doorToken') })).status).toBe(403);
  });
});

describe('deleting an event that is over', () => {
  it("is refused before the end; after it, the event is gone and so is every registration's personal data", async () => {
    const event = await createEvent({ capacity: 1 });
    const [seated, waiting] = [uniqueEmail('gone'), uniqueEmail('gonewait')];
    const name = `Verdwijnt ${Date.now()}`;
    await register(event.id, { name, email: seated, dietaryNeeds: 'lactosevrij-weg', needsConsent: true });
    await register(event.id, { name: 'Wachtte Nog', email: waiting });

    const early = await call('DELETE', `/admin/events/${event.id}`, { token: organiser() });
    expect([early.status, early.json.type]).toEqual([409, 'urn:event-registration:problem:event-not-ended']);

    const ended = new Date(Date.now() - 3_600_000);
    await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { startsAt: new Date(ended.getTime() - 3_600_000).toISOString(), endsAt: ended.toISOString() } });
    const deleted = await call('DELETE', `/admin/events/${event.id}`, { token: organiser() });
    await settle();

    expect([deleted.status, deleted.json]).toEqual([200, { status: 'deleted' }]);
    expect((await call('GET', `/admin/events/${event.id}`, { token: organiser() })).status).toBe(404);
    expect((await call('GET', `/events/${event.id}`)).status).toBe(404);
    expect((await call('GET', '/admin/events', { token: organiser() })).json.items.map((listed: { id: string }) => listed.id)).not.toContain(event.id);
    const stored = await everythingStored();
    for (const personal of [name, seated, waiting, 'Wachtte Nog', 'lactosevrij-weg']) expect(stored).not.toContain(personal);
  });
});
