import { describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, settle, uniqueEmail } from '../support/local-stack';

const organiser = () => inject('organiserToken');

describe('cancellations and new registrations at the same moment', () => {
  it('50 cancellations and 50 registrations on a full event: never above capacity, each freed seat promoted once, positions gap-free', async () => {
    const capacity = 60;
    const event = await createEvent({ capacity, language: 'en' });
    const seated: string[] = [];
    const waiting: string[] = [];
    const run = Date.now();
    for (let index = 0; index < capacity + 80; index++) {
      const email = `race${index}.${run}@example.org`;
      const response = await call('POST', `/events/${event.id}/registrations`, { body: { name: `Person ${index}`, email, consent: true } });
      (response.json.status === 'confirmed' ? seated : waiting).push(response.json.registrationId);
    }
    const firstWaiting = waiting.slice(0, 50);

    const cancellations = seated.slice(0, 50).map((registrationId) =>
      call('POST', `/admin/events/${event.id}/registrations/${registrationId}/cancel`, { token: organiser() }),
    );
    const newcomers = Array.from({ length: 50 }, (_, index) =>
      call('POST', `/events/${event.id}/registrations`, { body: { name: `Late ${index}`, email: uniqueEmail(`late${index}`), consent: true } }),
    );
    const [cancelled, registered] = await Promise.all([Promise.all(cancellations), Promise.all(newcomers)]);

    expect(cancelled.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(registered.map((response) => response.json.status)).toEqual(Array(50).fill('waitlisted'));

    const list = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser() });
    const items = list.json.items as Array<{ registrationId: string; status: string; waitlistPosition?: number }>;
    const confirmed = items.filter((item) => item.status === 'confirmed').map((item) => item.registrationId);
    expect(confirmed).toHaveLength(capacity);
    // The 50 freed seats went to the first 50 who were waiting, not to anyone who came later.
    expect(new Set(confirmed)).toEqual(new Set([...seated.slice(50), ...firstWaiting]));
    const positions = items.filter((item) => item.status === 'waitlisted').map((item) => item.waitlistPosition!).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 80 }, (_, index) => index + 1));
    const admin = await call('GET', `/admin/events/${event.id}`, { token: organiser() });
    expect(admin.json.counts).toMatchObject({ confirmed: capacity, waitlisted: 80, cancelled: 50 });

    await settle();
    const promotions = (await allMail()).filter((mail) => mail.subject === `A seat is yours: ${event.title}`);
    expect(promotions).toHaveLength(50);
    expect(new Set(promotions.map((mail) => mail.destination.to[0])).size).toBe(50);
  });
});
