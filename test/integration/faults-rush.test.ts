import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inParallel, startFaultStack, type Answer, type FaultStack } from '../support/fault-stack';

/** What DynamoDB throws under a rush and DynamoDB Local never does: 10 % of transactions cancelled by a conflict, 5 % of all calls throttled. */
const RUSH_FAULTS = 'dynamodb:conflict=0.1,throttle=0.05;seed=42';

describe('a 1,000-person rush on 100 seats with conflicts and throttling', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack('rush', 'off');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('exactly 100 confirmed, waitlist 1..900 gap-free, every answer 201 or a 503 with Retry-After that left nothing behind', async () => {
    const event = await stack.createEvent({ capacity: 100 });
    const people = Array.from({ length: 1000 }, (_, index) => ({ name: `Deelnemer ${index}`, email: `rush${index}.${event.id}@example.org`.toLowerCase(), consent: true }));
    const register = (person: (typeof people)[number]) => stack.call('POST', `/events/${event.id}/registrations`, { body: person });
    stack.faults(RUSH_FAULTS);

    // The rush: everyone at once (60 connections at a time on this small machine).
    const first = await inParallel(60, people.map((person) => () => register(person)));

    const unexpected = (answers: Answer[]) =>
      answers.filter((answer) => ![201, 503].includes(answer.status) || (answer.status === 503 && answer.headers.get('retry-after') !== '2')).map((answer) => `${answer.status} ${answer.text}`);
    expect(unexpected(first)).toEqual([]);
    const refused = people.filter((_, index) => first[index]!.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(first.filter((answer) => answer.status === 503).map((answer) => answer.json.type)).toEqual(refused.map(() => 'urn:event-registration:problem:temporarily-unavailable'));

    // A 503 left nothing behind: no lock on the address, no registration, no mail in the outbox.
    const [locks, registrations, outbox] = await Promise.all([stack.items(`EMAIL#${event.id}#`), stack.items('REG#'), stack.items('MAIL#')]);
    const ofEvent = registrations.filter((item) => item.eventId === event.id);
    const refusedEmails = new Set(refused.map((person) => person.email));
    expect(locks.filter((lock) => refusedEmails.has(String(lock.PK).split('#')[2]!))).toEqual([]);
    expect(ofEvent.filter((item) => refusedEmails.has(item.email))).toEqual([]);
    expect(ofEvent).toHaveLength(1000 - refused.length);
    const registered = new Set(ofEvent.map((item) => item.registrationId));
    const firstMails = outbox.filter((mail) => mail.eventId === event.id && ['registration-confirmed', 'registration-waitlisted'].includes(mail.kind));
    expect(firstMails.filter((mail) => !registered.has(mail.registrationId))).toEqual([]);
    expect(firstMails).toHaveLength(ofEvent.length);

    // Those who got a 503 try again, as a real client would, until they are answered.
    const retried: Answer[] = [];
    let pending = refused;
    for (let round = 1; pending.length > 0 && round <= 20; round++) {
      const answers = await inParallel(60, pending.map((person) => () => register(person)));
      retried.push(...answers);
      pending = pending.filter((_, index) => answers[index]!.status === 503);
    }
    expect(pending).toEqual([]);
    expect(unexpected(retried)).toEqual([]);
    stack.faults('off');

    const answered = [...first, ...retried].filter((answer) => answer.status === 201);
    expect(answered).toHaveLength(1000);
    expect(answered.filter((answer) => answer.json.status === 'confirmed')).toHaveLength(100);

    // Positions as they stand (the organiser's list, the personal page): 1..900, no gap, no double.
    const list = await stack.call('GET', `/admin/events/${event.id}/registrations`, { token: 'organiser' });
    const stored = list.json.items as Array<{ registrationId: string; status: string; waitlistPosition?: number }>;
    expect(stored).toHaveLength(1000);
    expect(stored.filter((item) => item.status === 'confirmed')).toHaveLength(100);
    expect(stored.flatMap((item) => (item.status === 'waitlisted' ? [item.waitlistPosition!] : [])).sort((a, b) => a - b)).toEqual(Array.from({ length: 900 }, (_, index) => index + 1));
    // What each person was told is where they are, or more: a join ahead still in flight when they
    // were answered counts as ahead (README "Waitlist positions"); one that then failed (a 503)
    // voided its ticket, and everyone behind it moved up one. Never less, and never more than the
    // tickets voided (two failed joins ahead of one person make two: seen in CI).
    const voided = (await stack.items(`EVENT#${event.id}`)).filter((item) => String(item.SK).startsWith('WAITLEFT#')).length;
    const toldMinusNow = answered
      .filter((answer) => answer.json.status === 'waitlisted')
      .map((answer) => answer.json.waitlistPosition - stored.find((item) => item.registrationId === answer.json.registrationId)!.waitlistPosition!);
    expect(toldMinusNow.filter((difference) => difference < 0 || difference > voided)).toEqual([]);
    const admin = await stack.call('GET', `/admin/events/${event.id}`, { token: 'organiser' });
    expect(admin.json.counts).toMatchObject({ confirmed: 100, waitlisted: 900 });
    // One first mail per registration, in the outbox with its registration: none lost, none doubled.
    const finalOutbox = (await stack.items('MAIL#')).filter((mail) => mail.eventId === event.id && ['registration-confirmed', 'registration-waitlisted'].includes(mail.kind));
    expect(new Set(finalOutbox.map((mail) => mail.registrationId))).toEqual(new Set(stored.map((item) => item.registrationId)));
    expect(finalOutbox).toHaveLength(1000);

    // The faults did happen, at about their rates.
    const injected = stack.injected();
    expect(injected['dynamodb.TransactWriteItems:conflict']).toBeGreaterThan(50);
    expect(Object.entries(injected).filter(([name]) => name.endsWith(':throttle')).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(50);
  });
});
