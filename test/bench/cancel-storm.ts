import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { batchPut, writeEventWithRegistrations } from '../support/seed-event';
import { newEvent } from '../../shared/domain/event-changes';
import { checkInCodeOf, retentionEnd, type Registration } from '../../shared/domain/registration';
import { issueOrganiserToken } from '../../infra/local/auth';
import { LOCAL_REGION, type LocalRuntime } from '../../infra/local/runtime';

export interface StormFigures {
  cancellations: number;
  capacity: number;
  waitlist: number;
  /** Until every cancellation request was answered. */
  answeredMs: number;
  /** Until every freed seat was given to the waitlist. */
  promotedMs: number;
  /** Until every promoted person's mail was in the mail server. */
  mailedMs: number;
  /** Answers 503 (with Retry-After) that the organiser's client sent again (only with faults on). */
  unavailable: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A full event with a waitlist, written straight to the table: the storm is what is measured. */
async function seedFullEvent(client: DynamoDBDocumentClient, tableName: string, capacity: number, waiting: number) {
  const now = new Date();
  const startsAt = new Date(now.getTime() + 14 * 86_400_000).toISOString();
  const event = newEvent(
    { title: `Storm ${now.getTime()}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), venue: { name: 'Bench' }, capacity, emailConfirmation: 'off' },
    { id: ulid(), organisationId: 'bench' },
    now,
  );
  const registrations: Registration[] = Array.from({ length: capacity + waiting }, (_, index) => ({
    ...withId(ulid()),
    eventId: event.id,
    name: `Person ${index}`,
    email: `storm${index}.${now.getTime()}@example.org`,
    language: 'en',
    status: index < capacity ? 'confirmed' : 'waitlisted',
    createdAt: now.toISOString(),
    consentedAt: now.toISOString(),
    retainUntil: retentionEnd(event),
  }));
  function withId(registrationId: string) {
    return { registrationId, checkInCode: checkInCodeOf(registrationId) };
  }
  const placed = await writeEventWithRegistrations(client, tableName, event, registrations);
  return { event, confirmed: placed.slice(0, capacity) };
}

async function mailCount(mailUrl: string, subject: string, since: number): Promise<number> {
  const response = await fetch(`${mailUrl}/store?since=${since}`);
  const { emails } = (await response.json()) as { emails: Array<{ subject: string }> };
  return emails.filter((mail) => mail.subject === subject).length;
}

export async function cancelStorm(runtime: LocalRuntime, options: { cancellations: number; capacity: number; waitlist: number; concurrency: number }): Promise<StormFigures> {
  let unavailable = 0;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const token = await issueOrganiserToken(runtime.stateDir, 'bench');
  const { event, confirmed } = await seedFullEvent(client, runtime.tableName, options.capacity, options.waitlist);
  const since = Math.floor(Date.now() / 1000) - 1;

  const started = performance.now();
  const queue = confirmed.slice(0, options.cancellations).map((registration) => registration.registrationId);
  const workers = Array.from({ length: options.concurrency }, async () => {
    for (let id = queue.pop(); id; id = queue.pop()) {
      // With faults on, a 503 is sent again at once, as a client honouring Retry-After would (without its wait).
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${runtime.apiUrl}/admin/events/${event.id}/registrations/${id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        const text = await response.text();
        if (response.status === 200) break;
        if (response.status !== 503 || attempt >= 30) throw new Error(`Cancellation failed: ${response.status} ${text}`);
        unavailable++;
      }
    }
  });
  await Promise.all(workers);
  const answeredMs = performance.now() - started;

  let promotedMs = 0;
  while (!promotedMs) {
    const response = await fetch(`${runtime.apiUrl}/admin/events/${event.id}`, { headers: { authorization: `Bearer ${token}` } });
    const { counts } = (await response.json()) as { counts: { confirmed: number; waitlisted: number } };
    if (counts.confirmed === options.capacity && counts.waitlisted === options.waitlist - options.cancellations) promotedMs = performance.now() - started;
    else await sleep(100);
  }
  const subject = `A seat is yours: ${event.title}`;
  while ((await mailCount(runtime.mailViewerUrl, subject, since)) < options.cancellations) await sleep(250);
  const mailedMs = performance.now() - started;
  client.destroy();
  return { ...options, answeredMs, promotedMs, mailedMs, unavailable };
}

export interface RawStormFigures {
  cancellations: number;
  /** Until every cancellation and its promotion was written. */
  rawMs: number;
}

/**
 * The storm's floor: per cancellation the DynamoDB operations the system makes for it and for the
 * promotion it causes, issued straight at DynamoDB Local with the same concurrency, with no
 * gateway, Lambda, stream, retries or mail. Cancelling: a consistent GetItem of the registration,
 * then one transaction (the registration cancelled, the address lock released, the seat counted
 * freed, an outbox mail). Promoting: a consistent read of the seat counters, the first in line and
 * the departures after the last promoted (two Queries), then one transaction (the waitlist counter,
 * the seat shard, the promoted registration, an outbox mail). The keys are the bench's own, so no
 * stream function acts on them.
 */
export async function rawCancelStorm(runtime: LocalRuntime, options: { cancellations: number; capacity: number; waitlist: number; concurrency: number }): Promise<RawStormFigures> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamoDbUrl, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const TableName = runtime.tableName;
  const event = `BENCHSTORM#${Date.now()}`;
  const now = new Date().toISOString();
  const registrationKey = (index: number) => ({ PK: `${event}#REG#${index}`, SK: 'REG' });
  const waitKey = (seq: number) => ({ PK: event, SK: `WAIT#${String(seq).padStart(10, '0')}` });
  await batchPut(client, TableName, [
    { PK: event, SK: 'SEATS#00', capacity: options.capacity, taken: options.capacity, freed: 0 },
    { PK: event, SK: 'SEATS#WAITLIST', next: options.waitlist + 1, promoted: 0, left: 0, promotedThrough: 0 },
    ...Array.from({ length: options.capacity + options.waitlist }, (_, index) => ({
      ...registrationKey(index),
      name: `Person ${index}`,
      email: `storm${index}@example.org`,
      status: index < options.capacity ? 'confirmed' : 'waitlisted',
      createdAt: now,
    })),
    ...Array.from({ length: options.capacity }, (_, index) => ({ PK: `${event}#EMAIL#storm${index}@example.org`, SK: 'EMAIL', registrationId: String(index) })),
    ...Array.from({ length: options.waitlist }, (_, index) => ({ ...waitKey(index + 1), seq: index + 1, registrationId: String(options.capacity + index) })),
  ]);

  const started = performance.now();
  const queue = Array.from({ length: options.cancellations }, (_, index) => index);
  const workers = Array.from({ length: options.concurrency }, async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      await client.send(new GetCommand({ TableName, Key: registrationKey(index), ConsistentRead: true }));
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName, Key: registrationKey(index), UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now', ConditionExpression: '#status = :confirmed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':cancelled': 'cancelled', ':confirmed': 'confirmed', ':now': now } } },
            { Update: { TableName, Key: { PK: `${event}#EMAIL#storm${index}@example.org`, SK: 'EMAIL' }, UpdateExpression: 'SET releasedAt = :now', ExpressionAttributeValues: { ':now': now } } },
            { Update: { TableName, Key: { PK: event, SK: 'SEATS#00' }, UpdateExpression: 'SET freed = freed + :one', ExpressionAttributeValues: { ':one': 1 } } },
            { Put: { TableName, Item: { PK: `BENCHMAIL#${event}#cancel#${index}`, SK: 'MAIL', kind: 'registration-cancelled', status: 'pending', attempts: 0, createdAt: now } } },
          ],
        }),
      );
      // The promotion this seat causes: read the counters and the head of the line, then give it the seat.
      await client.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :seats)', ExpressionAttributeValues: { ':pk': event, ':seats': 'SEATS#' }, ConsistentRead: true }));
      const seq = index + 1;
      await Promise.all([
        client.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :wait)', ExpressionAttributeValues: { ':pk': event, ':wait': 'WAIT#' }, Limit: 1, ConsistentRead: true })),
        client.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high', ExpressionAttributeValues: { ':pk': event, ':low': 'WAITLEFT#', ':high': 'WAITLEFT#~' }, Select: 'COUNT', ConsistentRead: true })),
      ]);
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName, Key: { PK: event, SK: 'SEATS#WAITLIST' }, UpdateExpression: 'SET promoted = promoted + :one, promotedThrough = :seq', ExpressionAttributeValues: { ':one': 1, ':seq': seq } } },
            { Update: { TableName, Key: { PK: event, SK: 'SEATS#00' }, UpdateExpression: 'SET freed = freed - :one', ExpressionAttributeValues: { ':one': 1 } } },
            { Update: { TableName, Key: registrationKey(options.capacity + index), UpdateExpression: 'SET #status = :confirmed, promotedAt = :now', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':confirmed': 'confirmed', ':now': now } } },
            { Put: { TableName, Item: { PK: `BENCHMAIL#${event}#promote#${index}`, SK: 'MAIL', kind: 'registration-promoted', status: 'pending', attempts: 0, createdAt: now } } },
          ],
        }),
      );
    }
  });
  await Promise.all(workers);
  const rawMs = performance.now() - started;
  client.destroy();
  return { cancellations: options.cancellations, rawMs };
}
