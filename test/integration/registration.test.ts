import { describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, settle, uniqueEmail } from '../support/local-stack';

const person = (label: string, extra: Record<string, unknown> = {}) => ({ name: `${label} Zoë Ça Ğ`, email: uniqueEmail(label), consent: true, ...extra });

describe('registering through the local API', () => {
  it('confirms up to capacity and then waitlists in order', async () => {
    const event = await createEvent({ capacity: 2 });

    const results = [];
    for (const label of ['ann', 'bob', 'cas', 'dirk']) results.push((await call('POST', `/events/${event.id}/registrations`, { body: person(label) })).json);

    expect(results.map((result) => [result.status, result.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const admin = await call('GET', `/admin/events/${event.id}`, { token: inject('organiserToken') });
    expect(admin.json.counts).toMatchObject({ confirmed: 2, waitlisted: 2, cancelled: 0 });
    const list = await call('GET', '/admin/events', { token: inject('organiserToken') });
    expect(list.json.items.find((item: { id: string }) => item.id === event.id).counts).toMatchObject({ confirmed: 2, waitlisted: 2, cancelled: 0 });
  });

  it('shows the public what they need and nothing personal', async () => {
    const event = await createEvent({ capacity: 1 });
    const secret = person('private');
    await call('POST', `/events/${event.id}/registrations`, { body: secret });

    const response = await call('GET', `/events/${event.id}`);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ capacity: 1, seatsAvailable: 0, waitlistOpen: true, registrationOpen: true, timeZone: 'Europe/Amsterdam' });
    expect(response.text).not.toContain(secret.email);
    expect(response.text).not.toContain('org-integration');
  });

  it('refuses a second registration with the same email in another case', async () => {
    const event = await createEvent();
    const first = person('dup');
    await call('POST', `/events/${event.id}/registrations`, { body: first });

    const again = await call('POST', `/events/${event.id}/registrations`, { body: { ...first, email: first.email.toUpperCase() } });

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.json.type).toBe('urn:event-registration:problem:already-registered');
  });

  it('answers event-full when there is no waitlist, and registration-closed outside the window', async () => {
    const noWaitlist = await createEvent({ capacity: 1, waitlistEnabled: false });
    await call('POST', `/events/${noWaitlist.id}/registrations`, { body: person('one') });
    const full = await call('POST', `/events/${noWaitlist.id}/registrations`, { body: person('two') });

    const later = await createEvent({ registrationOpensAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString() });
    const early = await call('POST', `/events/${later.id}/registrations`, { body: person('early') });

    expect([full.status, full.json.type]).toEqual([409, 'urn:event-registration:problem:event-full']);
    expect([early.status, early.json.type]).toEqual([409, 'urn:event-registration:problem:registration-closed']);
  });

  it('takes an internationalised domain as typed, mails its ASCII form, and counts both spellings as one address', async () => {
    const event = await createEvent({ capacity: 5 });
    const local = `jan.${Date.now()}`;

    const typed = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Jan', email: `${local}@Gemeënte.nl`, consent: true } });
    const ascii = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Jan', email: `${local}@xn--gemente-uya.nl`, consent: true } });

    expect(typed.status).toBe(201);
    expect([ascii.status, ascii.json.type]).toEqual([409, 'urn:event-registration:problem:already-registered']);
    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: inject('organiserToken') });
    expect(list.json.items.map((item: { email: string }) => item.email)).toEqual([`${local}@Gemeënte.nl`]);
    await settle();
    expect((await allMail()).filter((mail) => mail.destination.to.includes(`${local}@xn--gemente-uya.nl`))).toHaveLength(1);
  });

  it('refuses names and titles that hide or reorder text', async () => {
    const event = await createEvent();

    const spoofed = await call('POST', `/events/${event.id}/registrations`, {
      body: { name: 'Ada\u202Egnp.exe', email: uniqueEmail('bidi'), organisation: 'Gemeente\u200BUtrecht', consent: true },
    });
    const title = await call('POST', '/admin/events', {
      token: inject('organiserToken'),
      body: { title: '\u0301\u0308', startsAt: event.startsAt, endsAt: event.endsAt, venue: { name: 'Stadhuis' }, capacity: 5 },
    });

    expect([spoofed.status, spoofed.json.errors]).toEqual([
      400,
      [
        { field: 'name', message: 'must not contain invisible or direction-changing characters' },
        { field: 'organisation', message: 'must not contain invisible or direction-changing characters' },
      ],
    ]);
    expect([title.status, title.json.errors]).toEqual([400, [{ field: 'title', message: 'must contain at least one visible character' }]]);
  });

  it('gives clear client errors: validation, malformed JSON, media type, size, unknown event', async () => {
    const event = await createEvent();
    const path = `/events/${event.id}/registrations`;

    const invalid = await call('POST', path, { body: { name: '', email: 'nope', consent: false, status: 'confirmed' } });
    const malformed = await call('POST', path, { body: '{"name":' });
    const xml = await call('POST', path, { body: '<x/>', headers: { 'content-type': 'application/xml' } });
    const huge = await call('POST', path, { body: { ...person('big'), accessibilityNeeds: 'x'.repeat(20_000) } });
    const unknown = await call('POST', '/events/01UNKNOWNEVENT0000000000000/registrations', { body: person('lost') });

    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((error: { field: string }) => error.field).sort()).toEqual(['consent', 'email', 'name', 'status']);
    expect([malformed.status, xml.status, huge.status, unknown.status]).toEqual([400, 415, 413, 404]);
  });
});

describe('organiser API', () => {
  it('needs a valid token on every admin route', async () => {
    const noToken = await call('GET', '/admin/events');
    const forged = await call('GET', '/admin/events', { token: `${inject('organiserToken').slice(0, -4)}abcd` });
    expect([noToken.status, forged.status]).toEqual([401, 401]);
  });

  it("keeps each organisation's events to itself", async () => {
    const event = await createEvent();

    const mine = await call('GET', '/admin/events', { token: inject('organiserToken') });
    const theirs = await call('GET', '/admin/events', { token: inject('otherOrganiserToken') });
    const peek = await call('GET', `/admin/events/${event.id}`, { token: inject('otherOrganiserToken') });
    const peekRegistrations = await call('GET', `/admin/events/${event.id}/registrations`, { token: inject('otherOrganiserToken') });

    expect(mine.json.items.map((item: { id: string }) => item.id)).toContain(event.id);
    expect(theirs.json.items.map((item: { id: string }) => item.id)).not.toContain(event.id);
    expect([peek.status, peekRegistrations.status]).toEqual([404, 404]);
  });

  it('validates new events with per-field errors', async () => {
    const response = await call('POST', '/admin/events', {
      token: inject('organiserToken'),
      body: { title: 'x', startsAt: 'tomorrow', endsAt: '2026-12-07T17:30:00+01:00', venue: {}, capacity: 0, timeZone: 'Mars/Olympus' },
    });

    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['startsAt', 'venue.name', 'capacity', 'timeZone']));
  });

  it('lists registrations with needs and positions, and exports them as CSV for Excel', async () => {
    const event = await createEvent({ capacity: 1 });
    const seated = person('seated', { organisation: '=cmd|calc', dietaryNeeds: 'Halal', accessibilityNeeds: 'Rolstoel', needsConsent: true });
    const waiting = person('waiting', { name: 'Αλέξανδρος Ωμέγα' });
    await call('POST', `/events/${event.id}/registrations`, { body: seated });
    await call('POST', `/events/${event.id}/registrations`, { body: waiting });

    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: inject('organiserToken') });
    const csv = await call('GET', `/admin/events/${event.id}/registrations`, { token: inject('organiserToken'), headers: { accept: 'text/csv' } });

    expect(list.json.items).toEqual([
      expect.objectContaining({ email: seated.email, status: 'confirmed', dietaryNeeds: 'Halal', accessibilityNeeds: 'Rolstoel', organisation: '=cmd|calc' }),
      expect.objectContaining({ name: 'Αλέξανδρος Ωμέγα', status: 'waitlisted', waitlistPosition: 1 }),
    ]);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(`"'=cmd|calc"`);
    expect(csv.text).toContain('"Αλέξανδρος Ωμέγα"');
  });
});

describe('OpenAPI', () => {
  it('serves the document', async () => {
    const response = await call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
  });
});
