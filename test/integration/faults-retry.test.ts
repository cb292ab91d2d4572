import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultStack, type FaultStack } from '../support/fault-stack';

/**
 * A timeout after commit, on the real local stack: the registration transaction goes through
 * and its answer is lost (`dynamodb.TransactWriteItems:lost=1`), as when a Lambda function is
 * cut off at its deadline after the write. The client got a 503 (or nothing) and sends the
 * same request again.
 */
describe('a registration retried after a timeout after commit', () => {
  let stack: FaultStack;
  const run = Date.now();

  beforeAll(async () => {
    stack = await startFaultStack('retry', 'off');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const register = (eventId: string, body: Record<string, unknown>, key?: string) =>
    stack.call('POST', `/events/${eventId}/registrations`, { body: { consent: true, ...body }, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });

  /** The first attempt commits and answers 503; the answer to the retry is returned. */
  async function lostThenRetried(eventId: string, body: Record<string, unknown>, key?: string) {
    stack.faults('dynamodb.TransactWriteItems:lost=1');
    const first = await register(eventId, body, key);
    stack.faults('off');
    expect([first.status, first.json.type, first.headers.get('retry-after')]).toEqual([503, 'urn:event-registration:problem:temporarily-unavailable', '2']);
    return register(eventId, body, key);
  }

  const registrationsOf = async (eventId: string) => (await stack.items('REG#')).filter((item) => item.eventId === eventId);

  it('answers the retry as the first attempt registered: the same status and registration id, for a seat and for a waitlist place, with and without Idempotency-Key', async () => {
    const event = await stack.createEvent({ capacity: 1 });
    const ada = { name: 'Ada Retry', email: `ada.${run}@example.org` };
    const bea = { name: 'Bea Retry', email: `bea.${run}@example.org` };
    const cas = { name: 'Cas Retry', email: `cas.${run}@example.org` };

    const adaAgain = await lostThenRetried(event.id, ada, `ada-${run}`);
    // Cas fills the waitlist's first place (and opens it), so Bea's lost transaction is her registration.
    expect((await register(event.id, cas)).json).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const beaAgain = await lostThenRetried(event.id, bea);
    // And once more each, as a client whose answer was lost on the way back would.
    const adaThird = await register(event.id, ada, `ada-${run}`);
    const beaThird = await register(event.id, bea);

    const stored = await registrationsOf(event.id);
    expect(stored.map((item) => [item.email, item.status]).sort()).toEqual([
      [ada.email, 'confirmed'],
      [bea.email, 'waitlisted'],
      [cas.email, 'waitlisted'],
    ]);
    const idOf = (email: string) => stored.find((item) => item.email === email)!.registrationId;
    expect([adaAgain.status, adaAgain.json]).toEqual([201, { registrationId: idOf(ada.email), status: 'confirmed' }]);
    expect([beaAgain.status, beaAgain.json]).toEqual([201, { registrationId: idOf(bea.email), status: 'waitlisted', waitlistPosition: 2 }]);
    expect([adaThird.json, beaThird.json]).toEqual([adaAgain.json, beaAgain.json]);
    expect(stack.injected()['dynamodb.TransactWriteItems:lost']).toBeGreaterThanOrEqual(2);

    await stack.settle();
    const mails = await stack.mails();
    expect(mails.filter((mail) => mail.destination.to.includes(ada.email)).map((mail) => mail.subject)).toEqual([`You are registered: ${event.title}`]);
    expect(mails.filter((mail) => mail.destination.to.includes(bea.email)).map((mail) => mail.subject)).toEqual([`You are on the waitlist: ${event.title}`]);
    // The waitlist is as if each had asked once: one ticket, no voided one.
    expect((await stack.items(`EVENT#${event.id}`)).filter((item) => String(item.SK).startsWith('WAITLEFT#'))).toEqual([]);
  });

  it('is not a retry with another body, another key or another spelling of the address: 409 already-registered', async () => {
    const event = await stack.createEvent({ capacity: 5 });
    const cor = { name: 'Cor Retry', email: `cor.${run}@example.org` };
    expect((await lostThenRetried(event.id, cor, `cor-${run}`)).status).toBe(201);

    const answers = await Promise.all([
      register(event.id, { ...cor, name: 'Cor Retried' }, `cor-${run}`),
      register(event.id, cor, `cor-other-${run}`),
      register(event.id, cor),
      register(event.id, { ...cor, email: cor.email.toUpperCase() }, `cor-${run}`),
    ]);

    expect(answers.map((answer) => [answer.status, answer.json.type])).toEqual(Array(4).fill([409, 'urn:event-registration:problem:already-registered']));
    expect(await registrationsOf(event.id)).toHaveLength(1);
  });

  it('where addresses are confirmed, the retry answers 202 again and the address gets one confirmation request, not a second mail', async () => {
    const event = await stack.createEvent({ capacity: 5, emailConfirmation: 'required' });
    const dirk = { name: 'Dirk Retry', email: `dirk.${run}@example.org` };

    const again = await lostThenRetried(event.id, dirk);

    expect([again.status, again.json]).toEqual([202, { status: 'pending' }]);
    expect(await registrationsOf(event.id)).toHaveLength(1);
    await stack.settle();
    expect((await stack.mails()).filter((mail) => mail.destination.to.includes(dirk.email)).map((mail) => mail.subject)).toEqual([`Confirm your registration: ${event.title}`]);
  });

  it("keeps an organiser's change, once committed, with what it calls for: the notice of a moved event and the cancellation notice", async () => {
    const event = await stack.createEvent({ capacity: 3, language: 'en' });
    const eve = { name: 'Eve Retry', email: `eve.${run}@example.org` };
    expect((await register(event.id, eve)).status).toBe(201);
    const moved = new Date(Date.now() + 9 * 86_400_000);
    moved.setUTCMinutes(0, 0, 0);
    const change = { startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 3 * 3_600_000).toISOString() };
    const lostThenRetriedAdmin = async (method: string, route: string, body?: unknown) => {
      stack.faults('dynamodb.TransactWriteItems:lost=1');
      const first = await stack.call(method, route, { token: 'organiser', body });
      stack.faults('off');
      expect(first.status).toBe(503);
      return stack.call(method, route, { token: 'organiser', body });
    };

    expect((await lostThenRetriedAdmin('PATCH', `/admin/events/${event.id}`, change)).status).toBe(200);
    await stack.settle();
    expect((await stack.mails()).filter((mail) => mail.destination.to.includes(eve.email)).map((mail) => mail.subject)).toEqual([
      `You are registered: ${event.title}`,
      `Changed: ${event.title}`,
    ]);

    expect((await lostThenRetriedAdmin('POST', `/admin/events/${event.id}/cancel`, {})).status).toBe(200);
    await stack.settle();
    expect((await stack.mails()).filter((mail) => mail.destination.to.includes(eve.email)).map((mail) => mail.subject)).toEqual([
      `You are registered: ${event.title}`,
      `Changed: ${event.title}`,
      `Called off: ${event.title}`,
    ]);
  });
});
