import { describe, expect, inject, it } from 'vitest';
import { schemaErrorsOf } from '../support/state-change-schema';
import { call, createEvent, personalLinkFor, publishedEvents, settle, uniqueEmail, type PublishedEvent } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const register = (eventId: string, name: string, email: string) => call('POST', `/events/${eventId}/registrations`, { body: { name, email, consent: true, organisation: 'Waterschap Vallei' } });
const confirmAddress = async (email: string) => {
  const link = await personalLinkFor(email);
  const confirmed = await call('POST', `/registrations/${link.registrationId}/confirm`, { body: { token: link.token } });
  expect(confirmed.status).toBe(200);
  return link;
};

/** One line per published event, in the order the bus received them: type, whose, status. */
const lines = (events: PublishedEvent[], names: Record<string, string>) =>
  events.map(({ detail }) =>
    [detail.type, detail.registrationId ? names[detail.registrationId] : undefined, detail.status, detail.previousStatus].filter(Boolean).join(' '),
  );

describe('state changes published for other systems', () => {
  it('publishes each change of a registration, its certificate and its event once, in the versioned schema, without personal data', async () => {
    const event = await createEvent({ capacity: 1, emailConfirmation: 'required', language: 'en' });
    const [ana, ben, cas] = ['ana', 'ben', 'cas'].map((label) => uniqueEmail(`published-${label}`)) as [string, string, string];

    await register(event.id, 'Ana Aksoy', ana);
    const anaLink = await confirmAddress(ana);
    await register(event.id, 'Ben Bakker', ben);
    const benLink = await confirmAddress(ben);
    // Ana gives up her seat: Ben, first on the waitlist, gets it.
    expect((await call('POST', `/registrations/${anaLink.registrationId}/cancel`, { body: { token: anaLink.token } })).status).toBe(200);
    const checkIn = `/admin/events/${event.id}/registrations/${benLink.registrationId}/check-in`;
    await call('POST', checkIn, { token: organiser() });
    await call('DELETE', checkIn, { token: organiser() });
    await call('POST', checkIn, { token: organiser() });
    // Cas never confirms; the organiser removes the registration.
    await register(event.id, 'Cas Cohen', cas);
    const casLink = await personalLinkFor(cas);
    expect((await call('POST', `/admin/events/${event.id}/registrations/${casLink.registrationId}/cancel`, { token: organiser() })).status).toBe(200);
    await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { title: `${event.title} (zaal 2)` } });
    const ended = new Date(Date.now() - 3_600_000);
    await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { startsAt: new Date(ended.getTime() - 6 * 3_600_000).toISOString(), endsAt: ended.toISOString() } });
    expect((await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser() })).json).toEqual({ total: 1 });
    await settle();
    expect((await call('DELETE', `/admin/events/${event.id}`, { token: organiser() })).status).toBe(200);
    await settle();

    const events = await publishedEvents(event.id);
    const names = { [anaLink.registrationId]: 'ana', [benLink.registrationId]: 'ben', [casLink.registrationId]: 'cas' };
    const of = (who: string) => lines(events, names).filter((line) => line.startsWith('registration.') && line.split(' ')[1] === who);
    // Within one item DynamoDB's stream keeps the order of writes; across items it does not, so each is checked on its own.
    expect(of('ana')).toEqual([
      'registration.pending ana pending',
      'registration.confirmed ana confirmed pending',
      'registration.cancelled ana cancelled confirmed',
      'registration.erased ana cancelled',
    ]);
    expect(of('ben')).toEqual([
      'registration.pending ben pending',
      'registration.waitlisted ben waitlisted pending',
      'registration.promoted ben confirmed waitlisted',
      'registration.checked-in ben confirmed',
      'registration.check-in-undone ben confirmed',
      'registration.checked-in ben confirmed',
      'registration.erased ben confirmed',
    ]);
    expect(of('cas')).toEqual(['registration.pending cas pending', 'registration.cancelled cas cancelled pending']);
    expect(lines(events, names).filter((line) => line.startsWith('certificate') || line.startsWith('event'))).toEqual([
      'event.created',
      'event.changed',
      'event.changed',
      'certificate.issued ben',
      'event.deleted',
    ]);
    expect(events.filter(({ detail }) => detail.type === 'event.changed').map(({ detail }) => detail.changedFields)).toEqual([['title'], ['endsAt', 'registrationClosesAt', 'startsAt']]);

    for (const published of events) {
      expect(schemaErrorsOf(published), published.detail.type).toBeUndefined();
      expect(published.detail.organisationId).toBe('org-integration');
      expect(published['detail-type']).toBe(published.detail.type);
    }
    expect(new Set(events.map(({ detail }) => detail.id)).size).toBe(events.length);
    const carried = JSON.stringify(events);
    for (const personal of ['Ana Aksoy', 'Ben Bakker', 'Cas Cohen', ana, ben, cas, 'Waterschap Vallei']) expect(carried).not.toContain(personal);
  });

  it('publishes a cancelled event, and nothing for reads or refused writes', async () => {
    const event = await createEvent({ capacity: 5 });
    await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    await call('GET', `/events/${event.id}`);
    expect((await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Zonder Toestemming', email: uniqueEmail('refused') } })).status).toBe(400);
    expect((await call('POST', `/admin/events/${event.id}/cancel`, { token: organiser(), body: {} })).status).toBe(200);
    await settle();

    expect((await publishedEvents(event.id)).map(({ detail }) => detail.type)).toEqual(['event.created', 'event.cancelled']);
  });
});
