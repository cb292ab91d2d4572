import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { batchPut, writeEventWithRegistrations } from '../support/seed-event';
import { newEvent } from '../../shared/domain/event-changes';
import { checkInCodeOf, retentionEnd, type Registration } from '../../shared/domain/registration';
import { issueOrganiserToken } from '../../infra/local/auth';
import { LOCAL_REGION, type LocalRuntime } from '../../infra/local/runtime';
import { setTimeout as sleep } from 'node:timers/promises';

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
  /** Each cancellation request's time to its answer (with its resends), sorted. */
  latenciesMs: number[];
}


/**
 * Where the time goes (BENCH_PROFILE=1): every DynamoDB call the functions make through the shared
 * client (they run in this process), by command, with its time and how it failed, and the time
 * the functions spent in pauses (backoff). Figures only; nothing here changes what is done.
 */
export async function profileFunctions(): Promise<() => string> {
  const { documentClient } = await import('../../shared/adapters/dynamo/client');
  const { pauses } = await import('../../shared/adapters/pauses');
  const calls = new Map<string, { count: number; ms: number; failed: Map<string, number> }>();
  const paused = { count: 0, ms: 0 };
  const name = 'benchProfile';
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      const entry = calls.get(context.commandName!) ?? { count: 0, ms: 0, failed: new Map() };
      calls.set(context.commandName!, entry);
      entry.count++;
      try {
        return await next(args);
      } catch (error) {
        const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
        const why = reasons ? [...new Set(reasons.map((reason) => reason.Code ?? 'None').filter((code) => code !== 'None'))].join('+') : (error as Error).name;
        entry.failed.set(why, (entry.failed.get(why) ?? 0) + 1);
        throw error;
      } finally {
        entry.ms += performance.now() - started;
      }
    },
    { step: 'initialize', name },
  );
  const { RegistrationRepository } = await import('../../shared/adapters/dynamo/registration-repository');
  const promoteBefore = RegistrationRepository.prototype.promote;
  const promotions = { promoted: 0, changed: 0, heads: 0 };
  RegistrationRepository.prototype.promote = async function (this: InstanceType<typeof RegistrationRepository>, plan) {
    const outcome = await promoteBefore.call(this, plan);
    promotions[outcome]++;
    if (outcome === 'promoted') promotions.heads += plan.heads.length;
    return outcome;
  };
  const sleepBefore = pauses.sleep;
  pauses.sleep = async (ms) => {
    paused.count++;
    paused.ms += ms;
    await sleepBefore(ms);
  };
  return () => {
    documentClient.middlewareStack.remove(name);
    pauses.sleep = sleepBefore;
    RegistrationRepository.prototype.promote = promoteBefore;
    const lines = [...calls].sort(([a], [b]) => a.localeCompare(b)).map(([command, entry]) => {
      const failed = [...entry.failed].map(([why, count]) => `${count} ${why}`).join(', ');
      return `    ${command.padEnd(28)} ${String(entry.count).padStart(6)} calls ${(entry.ms / 1000).toFixed(1).padStart(7)} s in flight  ${(entry.ms / entry.count).toFixed(1).padStart(6)} ms each${failed ? `  failed: ${failed}` : ''}`;
    });
    return [
      ...lines,
      `    promotion transactions: ${promotions.promoted} committed (${promotions.heads} people, ${(promotions.heads / Math.max(1, promotions.promoted)).toFixed(1)} each), ${promotions.changed} found the line moved`,
      `    pauses (backoff, waiting for a join)  ${String(paused.count).padStart(6)}      ${(paused.ms / 1000).toFixed(1).padStart(7)} s asleep in all`].join('\n');
  };
}

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
  const latenciesMs: number[] = [];
  const workers = Array.from({ length: options.concurrency }, async () => {
    for (let id = queue.pop(); id; id = queue.pop()) {
      const sent = performance.now();
      // With faults on, a 503 is sent again at once, as a client honouring Retry-After would (without its wait).
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${runtime.apiUrl}/admin/events/${event.id}/registrations/${id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        const text = await response.text();
        if (response.status === 200) break;
        if (response.status !== 503 || attempt >= 30) throw new Error(`Cancellation failed: ${response.status} ${text}`);
        unavailable++;
      }
      latenciesMs.push(performance.now() - sent);
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
  return { ...options, answeredMs, promotedMs, mailedMs, unavailable, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

export interface RawStormFigures {
  cancellations: number;
  /** Until every cancellation and its promotion was written. */
  rawMs: number;
}

/**
 * The storm's floor: per cancellation the DynamoDB operations the system makes for it and for the
 * promotion it causes, issued straight at DynamoDB Local with the same concurrency, with no
 * gateway, Lambda, stream, retries or mail. Cancelling: a consistent GetItem of the event (the
 * organiser's ownership check) and of the registration, together, then one transaction (the registration
 * cancelled, the address lock released, the seat counted freed, an outbox mail), each with the
 * system's conditions. Promoting: a consistent read of the seat counters, the first in line and
 * the departures after the last promoted (two Queries), then one transaction (the waitlist
 * counter, the seat shard, the waitlist entry deleted, the promoted registration, an outbox
 * mail). Each worker promotes the ticket its own cancellation freed, so the floor never
 * collides: the counter's condition holds by construction rather than by what was read. The
 * keys are the bench's own, so no stream function acts on them.
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
  const eventKey = { PK: event, SK: 'EVENT' };
  await batchPut(client, TableName, [
    { ...eventKey, organisationId: 'bench', title: 'Storm floor', capacity: options.capacity, createdAt: now },
    { PK: event, SK: 'SEATS#00', capacity: options.capacity, taken: options.capacity, freed: 0, cancelled: 0 },
    { PK: event, SK: 'SEATS#WAITLIST', next: options.waitlist + 1, promoted: 0, left: 0, promotedThrough: 0, promotionCutoffAt: '9999' },
    ...Array.from({ length: options.capacity + options.waitlist }, (_, index) => ({
      ...registrationKey(index),
      name: `Person ${index}`,
      email: `storm${index}@example.org`,
      status: index < options.capacity ? 'confirmed' : 'waitlisted',
      createdAt: now,
    })),
    ...Array.from({ length: options.capacity }, (_, index) => ({ PK: `${event}#EMAIL#storm${index}@example.org`, SK: 'EMAIL', registrationId: `REG#${index}` })),
    ...Array.from({ length: options.waitlist }, (_, index) => ({ ...waitKey(index + 1), seq: index + 1, registrationId: String(options.capacity + index) })),
  ]);

  const started = performance.now();
  const queue = Array.from({ length: options.cancellations }, (_, index) => index);
  const workers = Array.from({ length: options.concurrency }, async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      await Promise.all([
        client.send(new GetCommand({ TableName, Key: eventKey, ConsistentRead: true })),
        client.send(new GetCommand({ TableName, Key: registrationKey(index), ConsistentRead: true })),
      ]);
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName, Key: registrationKey(index), UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now', ConditionExpression: '#status = :confirmed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':cancelled': 'cancelled', ':confirmed': 'confirmed', ':now': now } } },
            {
              Update: {
                TableName,
                Key: { PK: `${event}#EMAIL#storm${index}@example.org`, SK: 'EMAIL' },
                UpdateExpression: 'SET releasedAt = :now',
                ConditionExpression: 'registrationId = :id AND attribute_not_exists(releasedAt)',
                ExpressionAttributeValues: { ':now': now, ':id': `REG#${index}` },
              },
            },
            { Update: { TableName, Key: { PK: event, SK: 'SEATS#00' }, UpdateExpression: 'SET freed = freed + :one, cancelled = cancelled + :one', ExpressionAttributeValues: { ':one': 1 } } },
            { Put: { TableName, Item: { PK: `BENCHMAIL#${event}#cancel#${index}`, SK: 'MAIL', kind: 'registration-cancelled', status: 'pending', attempts: 0, createdAt: now }, ConditionExpression: 'attribute_not_exists(PK)' } },
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
            {
              Update: {
                TableName,
                Key: { PK: event, SK: 'SEATS#WAITLIST' },
                UpdateExpression: 'SET promoted = promoted + :one, promotedThrough = :seq',
                ConditionExpression: 'promoted >= :zero AND #left = :zero AND promotionCutoffAt > :now',
                ExpressionAttributeNames: { '#left': 'left' },
                ExpressionAttributeValues: { ':one': 1, ':seq': seq, ':zero': 0, ':now': now },
              },
            },
            { Update: { TableName, Key: { PK: event, SK: 'SEATS#00' }, UpdateExpression: 'SET freed = freed - :one', ConditionExpression: 'freed >= :one', ExpressionAttributeValues: { ':one': 1 } } },
            { Delete: { TableName, Key: waitKey(seq), ConditionExpression: 'attribute_exists(PK)' } },
            {
              Update: {
                TableName,
                Key: registrationKey(options.capacity + index),
                UpdateExpression: 'SET #status = :confirmed, promotedAt = :now, seatShard = :shard',
                ConditionExpression: '#status = :waitlisted',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waitlisted': 'waitlisted', ':now': now, ':shard': 0 },
              },
            },
            { Put: { TableName, Item: { PK: `BENCHMAIL#${event}#promote#${index}`, SK: 'MAIL', kind: 'registration-promoted', status: 'pending', attempts: 0, createdAt: now }, ConditionExpression: 'attribute_not_exists(PK)' } },
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
