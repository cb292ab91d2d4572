import { describe, expect, inject, it } from 'vitest';
import { EventRepository } from '../../shared/adapters/dynamo/event-repository';
import { RegistrationRepository } from '../../shared/adapters/dynamo/registration-repository';
import { releaseLapsedHolds } from '../../shared/use-cases/address-confirmation';
import type { RegistrationDeps } from '../../shared/use-cases/deps';
import { allMail, call, createEvent, pathOf, personalLinkFor, settle, uniqueEmail, waitForMail, type StoredMail } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const register = (eventId: string, body: Record<string, unknown>) => call('POST', `/events/${eventId}/registrations`, { body: { consent: true, ...body } });
const postForm = (path: string, fields: Record<string, string>) =>
  call('POST', path, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const to = (email: string) => (mail: StoredMail) => mail.destination.to.includes(email);
const registrationsOf = async (eventId: string) => (await call('GET', `/admin/events/${eventId}/registrations`, { token: organiser() })).json.items as Array<Record<string, any>>;
const countsOf = async (eventId: string) => (await call('GET', `/admin/events/${eventId}`, { token: organiser() })).json.counts;
const confirmedEvent = (overrides: Record<string, unknown> = {}) => createEvent({ emailConfirmation: 'required', language: 'en', ...overrides });

describe('confirmed addresses (double opt-in)', () => {
  it('holds the seat until the address is confirmed; the request carries nothing the requester typed; the button confirms once', async () => {
    const event = await confirmedEvent({ capacity: 1 });
    const email = uniqueEmail('optin');
    const lure = 'Your account is locked - verify at https://evil.example/login';

    const answer = await register(event.id, { name: lure, email, organisation: 'Evil Corp', dietaryNeeds: 'Click https://evil.example', needsConsent: true });

    expect([answer.status, answer.json]).toEqual([202, { status: 'pending' }]);
    const [request] = await waitForMail(to(email), (found) => found.length === 1);
    expect(request!.subject).toBe(`Confirm your registration: ${event.title}`);
    for (const part of [request!.body.text ?? '', request!.body.html ?? '']) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('Evil Corp');
    }
    expect(request!.attachments).toEqual([]);
    expect(await countsOf(event.id)).toMatchObject({ confirmed: 1, pending: 1 });
    const [pending] = await registrationsOf(event.id);
    expect(pending).toMatchObject({ status: 'pending', email });
    expect(Date.parse(pending!.confirmBy) - Date.now()).toBeGreaterThan(110 * 60_000);

    // Opening the link shows the button and changes nothing (a mail scanner may open links).
    const link = await personalLinkFor(email);
    const page = await call('GET', pathOf(link.url));
    expect(page.text).toContain(`action="/registrations/${link.registrationId}/confirm"`);
    expect(page.text).not.toContain('evil.example');
    expect((await registrationsOf(event.id))[0]).toMatchObject({ status: 'pending' });

    const confirmed = await postForm(`/registrations/${link.registrationId}/confirm`, { token: link.token });
    expect(confirmed.status).toBe(303);
    expect((await call('GET', pathOf(confirmed.headers.get('location')!))).text).toContain('You are registered.');
    const again = await call('POST', `/registrations/${link.registrationId}/confirm`, { body: { token: link.token } });
    expect([again.status, again.json]).toEqual([200, { registrationId: link.registrationId, status: 'confirmed' }]);
    const wrongToken = await call('POST', `/registrations/${link.registrationId}/confirm`, { body: { token: 'not-the-token' } });
    expect(wrongToken.status).toBe(404);

    await settle();
    const mails = (await allMail()).filter(to(email));
    expect(mails.map((mail) => mail.subject)).toEqual([`Confirm your registration: ${event.title}`, `You are registered: ${event.title}`]);
    expect(mails[1]!.attachments.some((attachment) => attachment.contentType.startsWith('text/calendar'))).toBe(true);
    expect(await countsOf(event.id)).toMatchObject({ confirmed: 1, pending: 0 });
  });

  it('answers an address that is registered already exactly as a new one, and mails its owner their link at most once an hour', async () => {
    const event = await confirmedEvent({ capacity: 5 });
    const email = uniqueEmail('twice');
    await register(event.id, { name: 'Ada', email });
    const link = await personalLinkFor(email);
    await call('POST', `/registrations/${link.registrationId}/confirm`, { body: { token: link.token } });

    const fresh = await register(event.id, { name: 'Someone new', email: uniqueEmail('fresh') });
    const repeat = await register(event.id, { name: 'Ada again', email: email.toUpperCase() });
    const third = await register(event.id, { name: 'Ada thrice', email });

    expect([repeat.status, repeat.text]).toEqual([fresh.status, fresh.text]);
    expect(third.text).toBe(fresh.text);
    await settle();
    const mails = (await allMail()).filter(to(email));
    // Two mails written moments apart may reach SES in either order (the stream keeps order per item, not across items).
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      `Confirm your registration: ${event.title}`,
      `You are already registered: ${event.title}`,
      `You are registered: ${event.title}`,
    ]);
    const already = mails.find((mail) => mail.subject.startsWith('You are already registered'))!;
    expect(already.body.text).toContain(`/registrations/${link.registrationId}?token=`);
    expect(already.body.text).not.toContain('Ada');
    expect((await registrationsOf(event.id)).filter((item) => item.email.toLowerCase() === email.toLowerCase())).toHaveLength(1);
  });

  it('lets a lapsed hold go as a cancellation would: the seat goes to the first person waiting, and the holder is deleted', async () => {
    const event = await confirmedEvent({ capacity: 1 });
    const bot = uniqueEmail('bot');
    const person = uniqueEmail('person');
    await register(event.id, { name: 'Bot', email: bot });
    await register(event.id, { name: 'Echt Mens', email: person });
    const personLink = await personalLinkFor(person);
    const joined = await call('POST', `/registrations/${personLink.registrationId}/confirm`, { body: { token: personLink.token } });
    expect(joined.json.status).toBe('waitlisted');

    // The sweep, run three hours on: the bot's two-hour window has passed.
    const later = { now: () => new Date(Date.now() + 3 * 3_600_000) };
    const deps: RegistrationDeps = { events: new EventRepository(inject('tableName')), registrations: new RegistrationRepository(inject('tableName')), clock: later };
    const released = await releaseLapsedHolds(deps, { limit: 1000, stopBy: Date.now() + 30_000 });
    expect(released).toBeGreaterThanOrEqual(1);
    expect(await releaseLapsedHolds(deps, { limit: 1000, stopBy: Date.now() + 30_000 })).toBe(0);

    await waitForMail((mail) => to(person)(mail) && mail.subject.startsWith('A seat is yours'), (found) => found.length === 1);
    const items = await registrationsOf(event.id);
    expect(items.map((item) => [item.email, item.status])).toEqual([[person, 'confirmed']]);
    expect(await countsOf(event.id)).toMatchObject({ confirmed: 1, waitlisted: 0, cancelled: 0, pending: 0 });
    // Its address is free again, and the bot's one mail was the confirmation request.
    expect((await register(event.id, { name: 'Bot', email: bot })).status).toBe(202);
    await settle();
    expect((await allMail()).filter(to(bot)).map((mail) => mail.subject)).toEqual([`Confirm your registration: ${event.title}`, `Confirm your registration: ${event.title}`]);
  });

  it('lets the organiser confirm a pending registration, or remove one so that nothing of it stays', async () => {
    const event = await confirmedEvent({ capacity: 2 });
    const [phoned, unknown] = [uniqueEmail('phoned'), uniqueEmail('unknown')];
    await register(event.id, { name: 'Belde Op', email: phoned });
    await register(event.id, { name: 'Onbekend', email: unknown });
    const items = await registrationsOf(event.id);
    const idOf = (email: string) => items.find((item) => item.email === email)!.registrationId as string;

    const confirmed = await call('POST', `/admin/events/${event.id}/registrations/${idOf(phoned)}/confirm`, { token: organiser() });
    const removed = await call('POST', `/admin/events/${event.id}/registrations/${idOf(unknown)}/cancel`, { token: organiser() });

    expect([confirmed.status, confirmed.json]).toEqual([200, { registrationId: idOf(phoned), status: 'confirmed' }]);
    expect([removed.status, removed.json]).toEqual([200, { status: 'cancelled' }]);
    expect((await registrationsOf(event.id)).map((item) => [item.email, item.status])).toEqual([[phoned, 'confirmed']]);
    expect(await countsOf(event.id)).toMatchObject({ confirmed: 1, cancelled: 0, pending: 0 });
    await waitForMail((mail) => to(phoned)(mail) && mail.subject.startsWith('You are registered'), (found) => found.length === 1);
  });

  it('keeps the setting an organiser changes: switched off, registration answers at once', async () => {
    const event = await confirmedEvent({ capacity: 2 });

    const changed = await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { emailConfirmation: 'off', confirmationWindow: 'PT30M' } });
    const read = await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    const registered = await register(event.id, { name: 'Meteen', email: uniqueEmail('atonce') });

    expect(changed.json).toMatchObject({ emailConfirmation: 'off', confirmationWindow: 'PT30M' });
    expect(read.json).toMatchObject({ emailConfirmation: 'off', confirmationWindow: 'PT30M' });
    expect([registered.status, registered.json.status]).toEqual([201, 'confirmed']);
  });

  it('has nothing to confirm once the event is called off', async () => {
    const event = await confirmedEvent({ capacity: 2 });
    const email = uniqueEmail('calledoff');
    await register(event.id, { name: 'Te Laat', email });
    const link = await personalLinkFor(email);

    expect((await call('POST', `/admin/events/${event.id}/cancel`, { token: organiser() })).status).toBe(200);
    const page = await call('GET', pathOf(link.url));
    const confirmed = await call('POST', `/registrations/${link.registrationId}/confirm`, { body: { token: link.token } });

    expect(page.text).toContain('This event has been called off.');
    expect(page.text).not.toContain('/confirm"');
    expect([confirmed.status, confirmed.json.type]).toEqual([409, 'urn:event-registration:problem:event-cancelled']);
    await settle();
    expect((await allMail()).filter(to(email)).map((mail) => mail.subject)).toEqual([`Confirm your registration: ${event.title}`]);
  });

  it("sends a corrected pending registration a new request with a whole window, and the old address's link stops working", async () => {
    const event = await confirmedEvent({ capacity: 2 });
    const typo = uniqueEmail('typo');
    await register(event.id, { name: 'Tik Fout', email: typo });
    const oldLink = await personalLinkFor(typo);
    const [before] = await registrationsOf(event.id);

    const fixed = uniqueEmail('fixedpending');
    const corrected = await call('PUT', `/admin/events/${event.id}/registrations/${before!.registrationId}/email`, { token: organiser(), body: { email: fixed } });

    expect(corrected.json).toMatchObject({ email: fixed, status: 'pending' });
    expect(Date.parse(corrected.json.confirmBy)).toBeGreaterThan(Date.parse(before!.confirmBy));
    expect((await call('GET', pathOf(oldLink.url))).status).toBe(404);
    const newLink = await personalLinkFor(fixed);
    const confirmed = await call('POST', `/registrations/${newLink.registrationId}/confirm`, { body: { token: newLink.token } });
    expect(confirmed.json).toEqual({ registrationId: before!.registrationId, status: 'confirmed' });
  });

  it('explains the step on the hosted form, and tells a bot in the honeypot the same', async () => {
    const event = await confirmedEvent({ language: 'nl' });

    const form = await call('GET', `/events/${event.id}/register`);
    const person = await postForm(`/events/${event.id}/registrations`, { language: 'nl', name: 'Ada', email: uniqueEmail('formoptin'), consent: 'true', website: '' });
    const bot = await postForm(`/events/${event.id}/registrations`, { language: 'nl', name: 'Bot', email: uniqueEmail('honeypot'), consent: 'true', website: 'http://spam.example' });
    const result = await call('GET', pathOf(person.headers.get('location')!));
    const english = await call('GET', `${pathOf(person.headers.get('location')!).replace('lang=nl', 'lang=en')}`);

    expect(form.text).toContain('Pas als je daarop klikt, ben je aangemeld.');
    expect(person.headers.get('location')).toMatch(/status=pending$/);
    expect(bot.headers.get('location')).toBe(person.headers.get('location'));
    expect(result.text).toContain('Bijna klaar: kijk in je mail.');
    expect(english.text).toContain('Almost done: check your email.');
  });
});

describe('bounces and complaints (SES mailbox simulator)', () => {
  it('records deliveries, and stops mailing an address that bounced or complained: later mail is suppressed, not retried or parked', async () => {
    const event = await createEvent({ capacity: 5, language: 'en' });
    const label = Date.now().toString(36);
    const [delivered, bounced, complained] = ['success', 'bounce', 'complaint'].map((kind) => `${kind}+${label}@simulator.amazonses.com`);
    for (const email of [delivered!, bounced!, complained!]) expect((await register(event.id, { name: 'Simulator', email })).status).toBe(201);
    await settle();

    const byEmail = async () => Object.fromEntries((await registrationsOf(event.id)).map((item) => [item.email, item]));
    let items = await byEmail();
    expect(items[delivered!]).toMatchObject({ mailStatus: 'delivered' });
    expect(items[delivered!]).not.toHaveProperty('addressUndeliverable');
    expect(items[bounced!]).toMatchObject({ mailStatus: 'bounced', addressUndeliverable: 'bounced' });
    expect(items[complained!]).toMatchObject({ mailStatus: 'complained', addressUndeliverable: 'complained' });
    expect((await countsOf(event.id)).mail).toEqual({ delivered: 2, bounced: 1, complained: 1, suppressed: 0 });

    // A change of time mails everyone with a seat: not the two bad addresses.
    const before = (await allMail()).length;
    const moved = await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { endsAt: new Date(Date.parse(event.endsAt) + 3_600_000).toISOString() } });
    expect(moved.status).toBe(200);
    await settle();
    const after = (await allMail()).slice(before);
    expect(after.filter(to(delivered!)).map((mail) => mail.subject)).toEqual([`Changed: ${event.title}`]);
    expect(after.filter((mail) => to(bounced!)(mail) || to(complained!)(mail))).toEqual([]);
    items = await byEmail();
    expect(items[bounced!]).toMatchObject({ mailStatus: 'suppressed', addressUndeliverable: 'bounced' });
    expect((await countsOf(event.id)).mail).toMatchObject({ suppressed: 2 });
    expect((await call('GET', `/admin/events/${event.id}/failed-mail`, { token: organiser() })).json.items).toEqual([]);

    const csv = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser(), headers: { accept: 'text/csv' } });
    expect(csv.text.split('\r\n')[0]).toContain('"mailStatus","addressUndeliverable"');
    expect(csv.text).toContain(`"${bounced}"`);
  });

  it('lets the organiser correct a bounced address: the mark goes, and the confirmation goes to the new address', async () => {
    const event = await createEvent({ capacity: 5, language: 'en' });
    const typo = `bounce+typo${Date.now().toString(36)}@simulator.amazonses.com`;
    const other = uniqueEmail('other');
    await register(event.id, { name: 'Tik Fout', email: typo });
    await register(event.id, { name: 'Ander', email: other });
    await settle();
    const registrationId = (await registrationsOf(event.id)).find((item) => item.email === typo)!.registrationId;
    const path = `/admin/events/${event.id}/registrations/${registrationId}/email`;

    const invalid = await call('PUT', path, { token: organiser(), body: { email: 'tik@' } });
    const taken = await call('PUT', path, { token: organiser(), body: { email: other } });
    const fixed = uniqueEmail('fixed');
    const corrected = await call('PUT', path, { token: organiser(), body: { email: fixed } });

    expect([invalid.status, invalid.json.errors?.[0]?.field]).toEqual([400, 'email']);
    expect([taken.status, taken.json.type]).toEqual([409, 'urn:event-registration:problem:already-registered']);
    expect(corrected.status).toBe(200);
    expect(corrected.json).toMatchObject({ registrationId, email: fixed, status: 'confirmed' });
    expect(corrected.json).not.toHaveProperty('addressUndeliverable');
    const [mail] = await waitForMail(to(fixed), (found) => found.length === 1);
    expect(mail!.subject).toBe(`You are registered: ${event.title}`);
    // The old address is free for someone else; the new one is taken by this registration.
    expect((await register(event.id, { name: 'Nieuw', email: typo })).status).toBe(201);
    expect((await register(event.id, { name: 'Dubbel', email: fixed })).status).toBe(409);
  });
});
