import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/register/handler';
import { metrics } from '../../../shared/observability/metrics';
import { counterItems } from '../../../shared/adapters/dynamo/seat-counters';
import { anEvent, someSeats } from '../../support/fixtures';
import { context, sampleEvent } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);

const body = { name: 'Zoë Ça Ğ', email: 'Zoe@Example.org', consent: true };
// Each test gets its own event: the handler keeps a one-second copy of events it has read.
let eventId = '';
let testNumber = 0;
/** Registered at once unless a test asks for address confirmation. */
const event = (overrides: Parameters<typeof anEvent>[0] = {}) => anEvent({ id: eventId, emailConfirmation: 'off', ...overrides });
/** The event item and its seat counters as DynamoDB would return them. */
function given(overrides: Parameters<typeof anEvent>[0] = {}, seats: Parameters<typeof someSeats>[0] = {}) {
  const item = event(overrides);
  dynamo.on(GetCommand).resolves({ Item: item });
  dynamo.on(GetCommand, { Key: { SK: 'EMAIL' } }).resolves({});
  dynamo.on(QueryCommand).resolves({ Items: counters(item, seats) });
}
const counters = (item: ReturnType<typeof event>, seats: Parameters<typeof someSeats>[0] = {}) => counterItems(item.id, someSeats(seats, item));
const request = (payload: unknown = body) =>
  sampleEvent('register.json', { pathParameters: { eventId }, body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

const cancelled = (reasons: Array<{ Code: string; Item?: Record<string, unknown> }>) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map((reason) => ({ Code: reason.Code, Item: reason.Item ? marshall(reason.Item, { removeUndefinedValues: true }) : undefined })),
  });

const none = { Code: 'None' };
const parse = (response: Awaited<ReturnType<typeof handler>>) => JSON.parse(response.body ?? '{}');

beforeEach(() => {
  eventId = `event-${++testNumber}`;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T10:00:00Z'));
});

afterEach(() => {
  dynamo.reset();
  vi.useRealTimers();
});

describe('register handler', () => {
  it('confirms a seat in one transaction with the email lock, the seat counter and the mail', async () => {
    given({ capacity: 2 });
    dynamo.on(TransactWriteCommand).resolves({});

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(201);
    expect(parse(response)).toMatchObject({ status: 'confirmed' });
    const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((item) => Object.keys(item)[0])).toEqual(['Put', 'Update', 'Put', 'Put', 'Put']);
    expect(items[1]!.Update!.Key).toEqual({ PK: `EVENT#${eventId}`, SK: 'SEATS#00' });
    expect(items[1]!.Update!.ConditionExpression).toContain('taken < #capacity');
    // Everything but the counter has a partition of its own.
    expect(items[2]!.Put!.Item).toMatchObject({ PK: expect.stringMatching(/^REG#/), SK: 'REG', GSI1PK: `EVENTREGS#${eventId}` });
    expect(items[4]!.Put!.Item).toMatchObject({ PK: expect.stringMatching(new RegExp(`^CHECKIN#${eventId}#[0-9A-Z]{4}-[0-9A-Z]{4}$`)) });
    expect(items[0]!.Put!.Item).toMatchObject({ PK: `EMAIL#${eventId}#zoe@example.org` });
    expect(items[3]!.Put!.Item).toMatchObject({ kind: 'registration-confirmed', status: 'pending' });
    // Deleted by DynamoDB TTL a year after the event ends, as the consent text promises.
    const yearAfterEnd = Math.floor(Date.parse('2027-12-07T16:30:00.000Z') / 1000);
    expect(items[2]!.Put!.Item).toMatchObject({ retainUntil: '2027-12-07T16:30:00.000Z', expiresAt: yearAfterEnd });
    expect(items[0]!.Put!.Item).toMatchObject({ expiresAt: yearAfterEnd });
  });

  it('counts a seat as a registration and a waitlist place as a registration and a waitlisted one, and a refusal as neither', async () => {
    const counted = vi.spyOn(metrics, 'addMetric');
    given({ capacity: 1 });
    dynamo.on(TransactWriteCommand).resolves({});

    await handler(request(), context);
    eventId = `event-${++testNumber}`;
    given({ capacity: 1 }, { confirmed: 1, waiting: 1 });
    dynamo.on(UpdateCommand).resolves({ Attributes: { next: 2 } });
    dynamo.on(QueryCommand, { Select: 'COUNT' }).resolves({ Count: 0 });
    await handler(request({ ...body, email: 'bea@example.org' }), context);
    dynamo.on(TransactWriteCommand).rejects(cancelled([{ Code: 'ConditionalCheckFailed' }, none, none, none, none]));
    await handler(request({ ...body, email: 'cor@example.org' }), context);

    expect(counted.mock.calls.map(([name, unit, value]) => [name, unit, value])).toEqual([
      ['Registrations', 'Count', 1],
      ['Registrations', 'Count', 1],
      ['Waitlisted', 'Count', 1],
    ]);
    counted.mockRestore();
  });

  it('answers a known address on a full event without taking a waitlist ticket', async () => {
    given({ capacity: 1 }, { confirmed: 1, waiting: 1 });
    dynamo.on(GetCommand, { Key: { SK: 'EMAIL' } }).resolves({ Item: { registrationId: 'earlier' } });

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(409);
    expect(parse(response).type).toBe('urn:event-registration:problem:already-registered');
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('answers 409 already-registered when the email lock exists', async () => {
    given();
    dynamo.on(TransactWriteCommand).rejects(cancelled([{ Code: 'ConditionalCheckFailed' }, none, none, none, none]));

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(409);
    expect(parse(response).type).toBe('urn:event-registration:problem:already-registered');
  });

  it('opens the waitlist and joins it with a ticket when the last seat went between read and write', async () => {
    given({ capacity: 1 });
    const full = counters(event({ capacity: 1 }), { confirmed: 1, waiting: 1 });
    dynamo.on(QueryCommand).resolvesOnce({ Items: counters(event({ capacity: 1 })) }).resolves({ Items: full });
    dynamo.on(QueryCommand, { Select: 'COUNT' }).resolves({ Count: 0 });
    dynamo.on(GetCommand, { Key: { PK: `EVENT#${eventId}`, SK: 'SEATS#WAITLIST' } }).resolves({ Item: { promoted: 0 } });
    dynamo.on(UpdateCommand).resolves({ Attributes: { next: 2 } });
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled([none, { Code: 'ConditionalCheckFailed', Item: full[0] }, none, none, none]))
      .resolves({});

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(201);
    // Ticket 2: one person was already waiting.
    expect(parse(response)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const [, seal, join] = dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems!);
    expect(seal!.map((item) => Object.keys(item)[0])).toEqual(['ConditionCheck', 'Update']);
    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({ UpdateExpression: 'SET #next = #next + :one', ReturnValues: 'UPDATED_OLD' });
    // The join itself does not write the waitlist counter: it only checks its ticket was not voided.
    expect(join![1]).toEqual({ ConditionCheck: expect.objectContaining({ Key: { PK: `EVENT#${eventId}`, SK: 'WAITLEFT#0000000002' } }) });
    expect(join![3]!.Put!.Item).toMatchObject({ SK: 'WAIT#0000000002', seq: 2 });
  });

  it('lets the transaction, not a stale copy of the event, decide that registration has closed', async () => {
    given();
    const [closedShard] = counters(event({ registrationClosesAt: '2026-11-29T09:00:00.000Z' }));
    dynamo.on(TransactWriteCommand).rejects(cancelled([none, { Code: 'ConditionalCheckFailed', Item: closedShard }, none, none, none]));

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(409);
    expect(parse(response).type).toBe('urn:event-registration:problem:registration-closed');
    expect(dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![1]!.Update!.ConditionExpression).toContain('registrationClosesAt > :now');
  });

  it('answers 409 event-full when full and there is no waitlist', async () => {
    given({ capacity: 1, waitlistEnabled: false }, { confirmed: 1 });

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(409);
    expect(parse(response).type).toBe('urn:event-registration:problem:event-full');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('retries transaction conflicts on the hot event item and then succeeds', async () => {
    given();
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled([none, { Code: 'TransactionConflict' }, none, none, none]))
      .rejectsOnce(cancelled([none, { Code: 'TransactionConflict' }, none, none, none]))
      .resolves({});

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(201);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('answers 503 with Retry-After when DynamoDB throttles, and claims no success', async () => {
    given();
    dynamo.on(TransactWriteCommand).rejects(Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' }));

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    expect(parse(response)).toMatchObject({ type: 'urn:event-registration:problem:temporarily-unavailable', detail: expect.stringContaining('try again') });
  });

  it('answers 503 when the database call times out', async () => {
    dynamo.on(GetCommand).rejects(Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' }));

    const response = await handler(request(), context);

    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('3000 ms');
  });

  describe('a retried request', () => {
    const withKey = (key: string, payload: unknown = body) => {
      const event = request(payload);
      event.headers = { ...event.headers, 'Idempotency-Key': key };
      return event;
    };
    /** The first attempt commits: what it wrote is what DynamoDB then holds (the lock and the registration). */
    async function firstAttemptCommits(first: ReturnType<typeof request>) {
      given({ capacity: 2 });
      dynamo.on(TransactWriteCommand).resolves({});
      const answer = await handler(first, context);
      const items = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
      const [lock, registration] = [items[0]!.Put!.Item!, items[2]!.Put!.Item!];
      dynamo.resetHistory();
      // The retry's transaction meets the lock the first one wrote; DynamoDB returns it with the failed condition.
      dynamo.on(TransactWriteCommand).rejects(cancelled([{ Code: 'ConditionalCheckFailed', Item: lock }, none, none, none, none]));
      dynamo.on(GetCommand, { Key: { PK: registration.PK, SK: 'REG' } }).resolves({ Item: registration });
      return { answer, lock, registration };
    }

    it('writes the request key onto the address lock, in the registration transaction, and asks DynamoDB to return the lock if it is taken', async () => {
      const { lock } = await firstAttemptCommits(withKey('order-7'));

      expect(lock).toMatchObject({ retryKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), retryUntil: '2026-11-30T10:00:00.000Z' });
      expect(lock.retryKey).not.toContain('order-7');
    });

    it('with the same Idempotency-Key and body, is answered as the first attempt was: 201, the same registration, nothing written or mailed again', async () => {
      const { answer, registration } = await firstAttemptCommits(withKey('order-7'));

      const again = await handler(withKey('order-7'), context);

      expect(answer.statusCode).toBe(201);
      expect([again.statusCode, parse(again)]).toEqual([201, { registrationId: registration.registrationId, status: 'confirmed' }]);
      expect(parse(answer)).toEqual(parse(again));
      expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    });

    it('without the header, the same JSON body is a retry for ten minutes; after that it is 409 already-registered', async () => {
      const { registration } = await firstAttemptCommits(request());

      const soon = await handler(request(), context);
      vi.setSystemTime(new Date('2026-11-29T10:10:01Z'));
      const later = await handler(request(), context);

      expect([soon.statusCode, parse(soon).registrationId]).toEqual([201, registration.registrationId]);
      expect([later.statusCode, parse(later).type]).toEqual([409, 'urn:event-registration:problem:already-registered']);
    });

    it('with another body, another key, or no key where the first had one, is 409 already-registered', async () => {
      await firstAttemptCommits(withKey('order-7'));

      const otherName = await handler(withKey('order-7', { ...body, name: 'Zoë Ç.' }), context);
      const otherKey = await handler(withKey('order-8'), context);
      const noKey = await handler(request(), context);

      expect([otherName, otherKey, noKey].map((response) => [response.statusCode, parse(response).type])).toEqual(
        Array(3).fill([409, 'urn:event-registration:problem:already-registered']),
      );
    });

    it('on a full event, finds its own lock before taking a waitlist ticket and answers with the place it holds', async () => {
      const { lock, registration } = await firstAttemptCommits(withKey('order-9'));
      const waiting = { ...registration, status: 'waitlisted', waitlistSeq: 3 };
      // Two seconds on, the function's copy of the event has expired: it reads the event full.
      vi.setSystemTime(new Date('2026-11-29T10:00:02Z'));
      given({ capacity: 2 }, { confirmed: 2, waiting: 3 });
      dynamo.on(GetCommand, { Key: { PK: registration.PK, SK: 'REG' } }).resolves({ Item: waiting });
      dynamo.on(GetCommand, { Key: { SK: 'EMAIL' } }).resolves({ Item: lock });
      dynamo.on(GetCommand, { Key: { SK: 'SEATS#WAITLIST' } }).resolves({ Item: { promoted: 0 } });
      dynamo.on(QueryCommand, { Select: 'COUNT' }).resolves({ Count: 0 });

      const again = await handler(withKey('order-9'), context);

      expect([again.statusCode, parse(again)]).toEqual([201, { registrationId: registration.registrationId, status: 'waitlisted', waitlistPosition: 3 }]);
      expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    });

    it('refuses an Idempotency-Key that is not printable ASCII', async () => {
      given();

      const response = await handler(withKey('bestelling-€'), context);

      expect([response.statusCode, parse(response).errors?.[0]?.field]).toEqual([400, 'Idempotency-Key']);
    });

    it('a hosted-form post without a key stays 409 (a browser cannot send the header); the lock carries no key', async () => {
      given();
      dynamo.on(TransactWriteCommand).resolves({});
      const form = sampleEvent('register.json', {
        pathParameters: { eventId },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'language=en&name=Zo%C3%AB&email=zoe%40example.org&consent=true',
      });

      await handler(form, context);

      expect(dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!.Item).not.toHaveProperty('retryKey');
    });
  });

  it('rejects unknown fields such as status, with per-field errors', async () => {
    const response = await handler(request({ ...body, status: 'confirmed', consent: false }), context);

    expect(response.statusCode).toBe(400);
    expect(parse(response).errors).toEqual(
      expect.arrayContaining([
        { field: 'status', message: 'is not a known field' },
        expect.objectContaining({ field: 'consent' }),
      ]),
    );
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('accepts names in any script the certificate can print', async () => {
    given();
    dynamo.on(TransactWriteCommand).resolves({});

    const response = await handler(request({ ...body, name: 'Αλέξανδρος Ωμέγα-Çelik' }), context);

    expect(response.statusCode).toBe(201);
    expect(dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![2]!.Put!.Item).toMatchObject({ name: 'Αλέξανδρος Ωμέγα-Çelik' });
  });

  it('refuses, with a field error, a name the certificate could not print, and writes nothing', async () => {
    given();

    const response = await handler(request({ ...body, name: '李小龙' }), context);

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body as string).errors.map((error: { field: string }) => error.field)).toEqual(['name']);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('404s an unknown event', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [] });
    expect((await handler(request(), context)).statusCode).toBe(404);
  });

  it('sends the hosted form to the result page with a 303', async () => {
    given();
    dynamo.on(TransactWriteCommand).resolves({});
    const form = sampleEvent('register.json', {
      pathParameters: { eventId },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      isBase64Encoded: true,
      body: Buffer.from('language=en&name=Zo%C3%AB&email=zoe%40example.org&consent=true&website=').toString('base64'),
    });

    const response = await handler(form, context);

    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe(`https://events.example.org/events/${eventId}/register?lang=en&status=confirmed`);
  });

  it('re-renders the form with errors tied to fields when the form is incomplete', async () => {
    given();
    const form = sampleEvent('register.json', {
      pathParameters: { eventId },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'language=nl&name=Zo%C3%AB&email=not-an-address',
    });

    const response = await handler(form, context);

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toContain('text/html');
    expect(response.body).toMatch(/id="field-email"[^>]*aria-invalid="true" aria-describedby="field-email-hint field-email-error"/);
    expect(response.body).toContain('id="field-consent-error"');
    expect(response.body).toContain('value="Zoë"');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('quietly drops a form with the honeypot filled in', async () => {
    given();
    const form = sampleEvent('register.json', {
      pathParameters: { eventId },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Bot&email=bot%40example.org&consent=on&website=http%3A%2F%2Fspam',
    });

    const response = await handler(form, context);

    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toContain('status=received');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
