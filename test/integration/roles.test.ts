import { describe, expect, inject, it } from 'vitest';
import { httpFunctions } from '../../infra/catalogue';
import { call, createEvent, uniqueEmail } from '../support/local-stack';

/** What a door account may use; every other /admin route is for organisers only. */
const DOOR_ROUTES = [
  'GET /admin/door-events',
  'GET /admin/events/{eventId}/door-list',
  'POST /admin/events/{eventId}/check-in',
  'POST /admin/events/{eventId}/registrations/{registrationId}/check-in',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}/check-in',
];

const ORGANISER_ONLY_ROUTES = [
  'POST /admin/events',
  'GET /admin/events',
  'GET /admin/events/{eventId}',
  'GET /admin/events/{eventId}/registrations',
  'GET /admin/events/{eventId}/needs-summary',
  'GET /admin/events/{eventId}/reach',
  'PATCH /admin/events/{eventId}',
  'DELETE /admin/events/{eventId}',
  'POST /admin/events/{eventId}/registrations/{registrationId}/cancel',
  'POST /admin/events/{eventId}/registrations/{registrationId}/confirm',
  'PUT /admin/events/{eventId}/registrations/{registrationId}/email',
  'DELETE /admin/events/{eventId}/registrations/{registrationId}',
  'GET /admin/events/{eventId}/reminders',
  'POST /admin/events/{eventId}/cancel',
  'POST /admin/events/{eventId}/certificates',
  'GET /admin/events/{eventId}/certificates',
  'POST /admin/events/{eventId}/messages',
  'GET /admin/events/{eventId}/messages',
  'GET /admin/events/{eventId}/failed-mail',
];

const door = () => inject('doorToken');

async function seatedRegistration() {
  const event = await createEvent({ capacity: 5 });
  const registration = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Zoë de Vries', email: uniqueEmail('role'), consent: true } });
  expect(registration.status).toBe(201);
  return { eventId: event.id, registrationId: registration.json.registrationId as string };
}

describe('roles', () => {
  it('classifies every /admin route in the catalogue as a door route or an organiser-only route', () => {
    const adminRoutes = httpFunctions()
      .filter((spec) => spec.trigger.path.startsWith('/admin/'))
      .map((spec) => `${spec.trigger.method} ${spec.trigger.path}`);
    expect([...adminRoutes].sort()).toEqual([...DOOR_ROUTES, ...ORGANISER_ONLY_ROUTES].sort());
  });

  it('refuses a door account on every organiser-only route with 403 problem+json, before anything changes', async () => {
    const { eventId, registrationId } = await seatedRegistration();

    for (const route of ORGANISER_ONLY_ROUTES) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace('{eventId}', eventId).replace('{registrationId}', registrationId);
      const response = await call(method, path, { token: door(), body: method === 'GET' ? undefined : {} });

      expect([response.status, response.headers.get('content-type'), response.json?.type], route).toEqual([403, 'application/problem+json; charset=utf-8', 'urn:event-registration:problem:forbidden']);
    }
    const registrations = await call('GET', `/admin/events/${eventId}/registrations`, { token: inject('organiserToken') });
    expect(registrations.json.items.map((item: { status: string }) => item.status)).toEqual(['confirmed']);
  });

  it('lets a door account read the door list and check people in and out, seeing nothing more than it needs', async () => {
    const { eventId, registrationId } = await seatedRegistration();

    const list = await call('GET', `/admin/events/${eventId}/door-list`, { token: door() });
    expect(list.status).toBe(200);
    expect(Object.keys(list.json.items[0]).sort()).toEqual(['checkInCode', 'name', 'registrationId', 'status']);
    expect(list.json.items[0]).toMatchObject({ registrationId, name: 'Zoë de Vries', status: 'confirmed', checkInCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/) });

    const checkedIn = await call('POST', `/admin/events/${eventId}/check-in`, { token: door(), body: { code: list.json.items[0].checkInCode } });
    expect([checkedIn.status, checkedIn.json.checkedInAt]).toEqual([200, expect.any(String)]);
    const after = await call('GET', `/admin/events/${eventId}/door-list`, { token: door() });
    expect(after.json.items[0].checkedInAt).toBe(checkedIn.json.checkedInAt);

    const undone = await call('DELETE', `/admin/events/${eventId}/registrations/${registrationId}/check-in`, { token: door() });
    const again = await call('POST', `/admin/events/${eventId}/registrations/${registrationId}/check-in`, { token: door() });
    expect([undone.status, again.status]).toEqual([200, 200]);
  });

  it("lists for a door account its organisation's events that are not over, with no settings or counts", async () => {
    const { eventId } = await seatedRegistration();
    const past = await createEvent({ capacity: 1 });
    await call('PATCH', `/admin/events/${past.id}`, { token: inject('organiserToken'), body: { startsAt: '2026-01-10T09:00:00Z', endsAt: '2026-01-10T17:00:00Z' } });

    const mine = await call('GET', '/admin/door-events', { token: door() });
    const others = await call('GET', '/admin/door-events', { token: inject('otherOrganiserToken') });

    expect(mine.status).toBe(200);
    const listed = mine.json.items.find((item: { id: string }) => item.id === eventId);
    expect(Object.keys(listed).sort()).toEqual(['endsAt', 'id', 'startsAt', 'timeZone', 'title', 'venue']);
    expect(mine.json.items.map((item: { id: string }) => item.id)).not.toContain(past.id);
    expect(others.json.items.map((item: { id: string }) => item.id)).not.toContain(eventId);
  });

  it("answers another organisation's organiser 404 on door routes, as if the event did not exist", async () => {
    const { eventId, registrationId } = await seatedRegistration();
    const other = inject('otherOrganiserToken');

    const list = await call('GET', `/admin/events/${eventId}/door-list`, { token: other });
    const checkIn = await call('POST', `/admin/events/${eventId}/registrations/${registrationId}/check-in`, { token: other });

    expect([list.status, checkIn.status]).toEqual([404, 404]);
  });

  it('keeps the door list to people with a seat', async () => {
    const event = await createEvent({ capacity: 1 });
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Ada', email: uniqueEmail('seat'), consent: true } });
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Bea', email: uniqueEmail('wait'), consent: true } });

    const list = await call('GET', `/admin/events/${event.id}/door-list`, { token: door() });

    expect(list.json.items.map((item: { name: string }) => item.name)).toEqual(['Ada']);
  });
});
