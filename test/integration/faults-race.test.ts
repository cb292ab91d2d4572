import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inParallel, startFaultStack, untilAnswered, type Answer, type FaultStack } from '../support/fault-stack';

/** The rush's faults: 10 % of transactions cancelled by a conflict, 5 % of all DynamoDB calls throttled. */
const RACE_FAULTS = 'dynamodb:conflict=0.1,throttle=0.05;seed=7';

/**
 * cancellation-race.test.ts under the faults DynamoDB throws under load and DynamoDB Local never
 * does: 50 organiser cancellations racing 50 newcomers on a full event. Every client retries a 503
 * (with Retry-After) until answered, as a real one would.
 */
describe('cancellations racing registrations with conflicts and throttling', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    // About 150 mails under faults: their retries wait out backoffs of a quarter second doubling, not a second.
    stack = await startFaultStack('race', 'off', { mailRetryBaseSeconds: 0.25 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('every freed seat is promoted exactly once, to the first in line, in waitlist order; nobody jumps the queue', async () => {
    const capacity = 60;
    const event = await stack.createEvent({ capacity });
    const run = Date.now();
    const register = (body: Record<string, unknown>) => untilAnswered(() => stack.call('POST', `/events/${event.id}/registrations`, { body: { consent: true, ...body } }));

    // 140 people, one after another (so the waitlist's order is theirs): 60 seats, 80 waiting. The
    // rush test covers registering under faults; here the faults are for the race.
    const seated: string[] = [];
    const waiting: Array<{ registrationId: string; email: string }> = [];
    for (let index = 0; index < capacity + 80; index++) {
      const email = `race${index}.${run}@example.org`;
      const answer = await register({ name: `Person ${index}`, email });
      expect([answer.status, answer.json.status]).toEqual([201, index < capacity ? 'confirmed' : 'waitlisted']);
      if (index < capacity) seated.push(answer.json.registrationId);
      else waiting.push({ registrationId: answer.json.registrationId, email });
    }
    const firstWaiting = waiting.slice(0, 50);
    await stack.settle();
    stack.faults(RACE_FAULTS);

    // The race: 50 cancellations and 50 newcomers at once, each retried on a 503 until answered.
    const unavailable: Answer[] = [];
    const cancellations = seated
      .slice(0, 50)
      .map((registrationId) => () => untilAnswered(() => stack.call('POST', `/admin/events/${event.id}/registrations/${registrationId}/cancel`, { token: 'organiser' }), (answer) => unavailable.push(answer)));
    const newcomers = Array.from({ length: 50 }, (_, index) => () =>
      untilAnswered(() => stack.call('POST', `/events/${event.id}/registrations`, { body: { name: `Late ${index}`, email: `late${index}.${run}@example.org`, consent: true } }), (answer) => unavailable.push(answer)),
    );
    // Interleaved, so cancellations and registrations reach the stack at the same moments.
    const answers = await inParallel(40, cancellations.flatMap((cancellation, index) => [cancellation, newcomers[index]!]));
    const cancelled = answers.filter((_, index) => index % 2 === 0);
    const registered = answers.filter((_, index) => index % 2 === 1);

    expect(cancelled.map((answer) => [answer.status, answer.json])).toEqual(Array(50).fill([200, { status: 'cancelled' }]));
    expect(registered.map((answer) => [answer.status, answer.json.status])).toEqual(Array(50).fill([201, 'waitlisted']));
    // Every refusal on the way was a 503 problem with Retry-After, nothing else.
    expect(unavailable.filter((answer) => answer.json?.type !== 'urn:event-registration:problem:temporarily-unavailable' || answer.headers.get('retry-after') !== '2')).toEqual([]);

    // Promotions deferred by a failure are finished by the table-changes function; faults stay on meanwhile.
    const report = await stack.settle();
    stack.faults('off');
    expect(report.interruptedClaims).toBe(0);

    const list = await stack.call('GET', `/admin/events/${event.id}/registrations`, { token: 'organiser' });
    const items = list.json.items as Array<{ registrationId: string; status: string; waitlistPosition?: number }>;
    const confirmed = items.filter((item) => item.status === 'confirmed').map((item) => item.registrationId);
    expect(confirmed).toHaveLength(capacity);
    // The 50 freed seats went to the first 50 in line, not to anyone behind them or later.
    expect(new Set(confirmed)).toEqual(new Set([...seated.slice(50), ...firstWaiting.map((person) => person.registrationId)]));
    // The rest kept their order: the 30 still waiting from before are 1..30, in the order they came; the newcomers follow, 31..80.
    const positionOf = new Map(items.map((item) => [item.registrationId, item.waitlistPosition]));
    expect(waiting.slice(50).map((person) => positionOf.get(person.registrationId))).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(registered.map((answer) => positionOf.get(answer.json.registrationId)!).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 31));
    const admin = await stack.call('GET', `/admin/events/${event.id}`, { token: 'organiser' });
    expect(admin.json.counts).toMatchObject({ confirmed: capacity, waitlisted: 80, cancelled: 50 });

    // Promoted exactly once: one promotion recorded, one promotion mail queued and one delivered per promoted person.
    const promotedIds = firstWaiting.map((person) => person.registrationId).sort();
    const changes = new Map(
      stack.runtime
        .publishedEvents()
        .map((published) => published.detail as { id: string; type: string; eventId: string; registrationId?: string })
        .filter((detail) => detail.eventId === event.id && detail.type === 'registration.promoted')
        // Delivery is at least once; a consumer drops an id it has seen (events/schemas/state-change.v1.json).
        .map((detail) => [detail.id, detail.registrationId]),
    );
    expect([...changes.values()].sort()).toEqual(promotedIds);
    const outbox = (await stack.items('MAIL#')).filter((mail) => mail.eventId === event.id && mail.kind === 'registration-promoted');
    expect(outbox.map((mail) => mail.registrationId).sort()).toEqual(promotedIds);
    const promotionMails = (await stack.mails()).filter((mail) => mail.subject === `A seat is yours: ${event.title}`);
    expect(promotionMails.map((mail) => mail.destination.to[0]).sort()).toEqual(firstWaiting.map((person) => person.email).sort());

    // The faults did happen.
    const injected = stack.injected();
    expect(injected['dynamodb.TransactWriteItems:conflict']).toBeGreaterThan(0);
    expect(Object.entries(injected).filter(([name]) => name.endsWith(':throttle')).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(0);
  }, 120_000);
});
