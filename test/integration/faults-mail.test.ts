import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultStack, untilAnswered, type FaultStack } from '../support/fault-stack';

/**
 * SES failing 30 % of its answers: 20 % throttled (429), 10 % a 5xx. `layer=attempt` because that is
 * what a deployment sees: SES answers each HTTP request, and the SDK's standard retry strategy
 * retries throttling and 5xx (3 attempts) before our code hears of it. What gets through (about
 * 0.3³ ≈ 2.7 % of sends) is our retry queue's to handle: six attempts with backoff, so a mail is
 * parked only if all six fail (about 0.027⁶, never in practice).
 */
const SES_FAULTS = 'ses:throttle=0.2,5xx=0.1,layer=attempt';
/**
 * And DynamoDB throttling 5 % of every call above the SDK's retries (`layer=call`): throttles
 * that reach our code everywhere, the organiser's changes, the mailings' fan-out, the claim, the
 * reads before the send and the writes that record the outcome included.
 */
const DYNAMODB_THROTTLES = 'dynamodb:throttle=0.05';

const PEOPLE = 20;
/** The mails each person is owed, by the start of their subject (the event's title follows). */
const OWED = ['Changed', 'Reminder', 'You are registered', 'Your certificate'];

describe('reminders and certificates while SES fails 30 % of the time', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    // About 80 mails per case under faults: retries back off from a quarter second, not a second.
    stack = await startFaultStack('mail', 'off', { mailRetryBaseSeconds: 0.25 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const organiser = { token: 'organiser' as const };

  /**
   * 20 people register, a reminder falls due, the event is moved into the past (everyone is told)
   * and certificates go to everyone with a seat; all of it with `faults` on, every 503 retried as
   * a client would, except the organiser's own requests, which run under `organiserFaults`.
   * Returns once the system is quiet.
   */
  async function mailEverything(faults: string, organiserFaults = faults) {
    const startsAt = new Date(Date.now() + 30 * 60_000);
    startsAt.setUTCSeconds(0, 0);
    const event = await stack.createEvent({ capacity: PEOPLE, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), reminders: [] });
    stack.faults(faults);
    const run = Date.now();
    const people: Array<{ email: string; registrationId: string }> = [];
    for (let index = 0; index < PEOPLE; index++) {
      const email = `mail${index}.${run}@example.org`;
      const answer = await untilAnswered(() => stack.call('POST', `/events/${event.id}/registrations`, { body: { name: `Post ${index}`, email, consent: true } }));
      expect([answer.status, answer.json.status]).toEqual([201, 'confirmed']);
      people.push({ email, registrationId: answer.json.registrationId });
    }

    // A reminder due two seconds from now, after everyone registered.
    const dueAt = Math.ceil(Date.now() / 1000) * 1000 + 2000;
    const before = (startsAt.getTime() - dueAt) / 1000;
    stack.faults(organiserFaults);
    const reminder = await untilAnswered(() => stack.call('PATCH', `/admin/events/${event.id}`, { ...organiser, body: { reminders: [`PT${Math.floor(before / 60)}M${before % 60}S`] } }));
    expect(reminder.status).toBe(200);
    stack.faults(faults);
    // The system's own clock: the reminder is not due before then (settle waits for due work only).
    await delay(Math.max(0, dueAt - Date.now()));
    await stack.settle();

    const ended = new Date(Date.now() - 3_600_000);
    stack.faults(organiserFaults);
    const moved = await untilAnswered(() => stack.call('PATCH', `/admin/events/${event.id}`, { ...organiser, body: { startsAt: new Date(ended.getTime() - 3 * 3_600_000).toISOString(), endsAt: ended.toISOString() } }));
    expect(moved.status).toBe(200);
    const certificates = await untilAnswered(() => stack.call('POST', `/admin/events/${event.id}/certificates`, { ...organiser, body: { include: 'confirmed' } }));
    expect([certificates.status, certificates.json]).toEqual([202, { total: PEOPLE }]);
    stack.faults(faults);
    const report = await stack.settle();
    stack.faults('off');
    return { event, people, report };
  }

  /** Every mail of the event: as the outbox records it, as it arrived, and as the organiser sees the parked ones. */
  async function accountFor(event: { id: string; title: string }, people: Array<{ email: string; registrationId: string }>) {
    const emails = new Set(people.map((person) => person.email));
    const outbox = (await stack.items('MAIL#')).filter((mail) => mail.eventId === event.id);
    const delivered = (await stack.mails()).filter((mail) => emails.has(mail.destination.to[0]!));
    const parked = (await stack.call('GET', `/admin/events/${event.id}/failed-mail`, organiser)).json.items as Array<{ mailId: string; lastError?: string }>;
    const owedOf = (subject: string) => OWED.find((start) => subject.startsWith(`${start}: ${event.title}`)) ?? subject;
    const kindOf = (mail: Record<string, any>) => ({ 'event-moved': 'Changed', reminder: 'Reminder', 'registration-confirmed': 'You are registered', certificate: 'Your certificate' })[String(mail.kind)] ?? mail.kind;
    return {
      outbox,
      delivered,
      parked,
      /** Per person: what arrived, and what the outbox holds for them (sent or parked), by subject. */
      perPerson: people.map((person) => ({
        email: person.email,
        arrived: delivered.filter((mail) => mail.destination.to[0] === person.email).map((mail) => owedOf(mail.subject)).sort(),
        recorded: outbox.filter((mail) => mail.registrationId === person.registrationId).map(kindOf).sort(),
        sent: outbox.filter((mail) => mail.registrationId === person.registrationId && mail.status === 'sent').map(kindOf).sort(),
      })),
    };
  }

  /** Never twice, never silently lost: each owed mail either arrived exactly once, recorded as sent, or is parked where the organiser sees it. */
  function expectEveryMailAccountedFor(account: Awaited<ReturnType<typeof accountFor>>) {
    // Nothing still on its way, nothing stuck mid-send.
    expect(account.outbox.filter((mail) => mail.status !== 'sent' && mail.status !== 'failed').map((mail) => `${mail.kind} ${mail.status}`)).toEqual([]);
    // One outbox mail per person and kind: all four owed.
    expect(account.perPerson.filter((person) => JSON.stringify(person.recorded) !== JSON.stringify(OWED))).toEqual([]);
    // What arrived is exactly what the outbox records as sent: one delivery per sent record (same SES message id), none twice,
    // and nothing that arrived is recorded as parked.
    expect(account.delivered.map((mail) => mail.messageId).sort()).toEqual(account.outbox.filter((mail) => mail.status === 'sent').map((mail) => mail.messageId).sort());
    expect(account.perPerson.filter((person) => JSON.stringify(person.arrived) !== JSON.stringify(person.sent))).toEqual([]);
    // What did not arrive is parked, and the organiser sees it.
    expect(account.parked.map((mail) => mail.mailId).sort()).toEqual(account.outbox.filter((mail) => mail.status === 'failed').map((mail) => mail.mailId).sort());
  }

  it('every confirmation, reminder, change notice and certificate arrives exactly once; none parked', async () => {
    const { event, people, report } = await mailEverything(`${SES_FAULTS};seed=11`);

    expect(report).toMatchObject({ waitingMail: 0, interruptedClaims: 0 });
    const account = await accountFor(event, people);
    expectEveryMailAccountedFor(account);
    // At 0.3 per attempt the design delivers every mail: nothing parked, all four arrived, once each.
    expect(account.parked).toEqual([]);
    expect(account.perPerson.filter((person) => JSON.stringify(person.arrived) !== JSON.stringify(OWED))).toEqual([]);
    const injected = stack.injected();
    expect((injected['ses.SendEmail:throttle'] ?? 0) + (injected['ses.SendEmail:5xx'] ?? 0)).toBeGreaterThan(0);
  }, 90_000);

  it('with DynamoDB throttling everything too: every mail arrives once, no mail stays claimed, none delivered and recorded as parked, none sent twice', async () => {
    const { event, people, report } = await mailEverything(`${DYNAMODB_THROTTLES};${SES_FAULTS};seed=12`);

    // A claim left `sending` would be parked only when its 15-minute lease ends, as "may or may not have arrived".
    expect(report).toMatchObject({ waitingMail: 0, interruptedClaims: 0 });
    const account = await accountFor(event, people);
    expectEveryMailAccountedFor(account);
    // A parked mail is one whose six attempts failed, never one interrupted mid-send.
    expect(account.parked.filter((mail) => /Interrupted/.test(mail.lastError ?? ''))).toEqual([]);
    // Throttles are passing trouble: the organiser's changes and the fan-outs are retried, so everyone gets everything.
    expect(account.perPerson.filter((person) => JSON.stringify(person.arrived) !== JSON.stringify(OWED))).toEqual([]);
    expect(Object.entries(stack.injected()).filter(([name]) => name.startsWith('dynamodb.') && name.endsWith(':throttle')).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(0);
  }, 90_000);
});
