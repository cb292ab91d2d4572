import { describe, expect, inject, it } from 'vitest';
import { call, createEvent, uniqueEmail } from '../support/local-stack';

describe('a rush on a small event', () => {
  it('200 concurrent registrations on 20 seats: exactly 20 confirmed, waitlist 1..180 in commit order', async () => {
    // Warm the handlers first: this test is about correctness under contention, not cold starts.
    const warmUp = await createEvent({ capacity: 5 });
    await Promise.all([1, 2, 3].map((n) => call('POST', `/events/${warmUp.id}/registrations`, { body: { name: `Warm ${n}`, email: uniqueEmail('warm'), consent: true } })));
    const event = await createEvent({ capacity: 20 });

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        call('POST', `/events/${event.id}/registrations`, { body: { name: `Deelnemer ${index}`, email: uniqueEmail(`rush${index}`), consent: true } }),
      ),
    );

    expect(responses.filter((response) => response.status !== 201).map((response) => `${response.status} ${response.text}`)).toEqual([]);
    const confirmed = responses.filter((response) => response.json.status === 'confirmed');
    const positions = responses.filter((response) => response.json.status === 'waitlisted').map((response) => response.json.waitlistPosition as number);
    expect(confirmed).toHaveLength(20);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, index) => index + 1));

    const admin = await call('GET', `/admin/events/${event.id}/registrations`, { token: inject('organiserToken') });
    const stored = admin.json.items as Array<{ registrationId: string; status: string; waitlistPosition?: number }>;
    expect(stored.filter((item) => item.status === 'confirmed')).toHaveLength(20);
    // What each person was told is what the organiser sees.
    const told = new Map(responses.map((response) => [response.json.registrationId, response.json.waitlistPosition]));
    for (const item of stored) expect(item.waitlistPosition).toBe(told.get(item.registrationId));
  });
});
