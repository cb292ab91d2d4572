import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { isTransientAwsError } from '../../shared/adapters/aws-errors';
import { EventRepository } from '../../shared/adapters/dynamo/event-repository';
import { keys } from '../../shared/adapters/dynamo/keys';
import { RegistrationRepository } from '../../shared/adapters/dynamo/registration-repository';
import { StillContended } from '../../shared/adapters/dynamo/retry';
import { pauses } from '../../shared/adapters/pauses';
import { counterItems, gateOf } from '../../shared/adapters/dynamo/seat-counters';
import { DomainError } from '../../shared/domain/errors';
import { newEvent } from '../../shared/domain/event-changes';
import { initialSeats, slices } from '../../shared/domain/seats';
import { metrics } from '../../shared/observability/metrics';
import { newId, type RegistrationDeps } from '../../shared/use-cases/deps';
import { register } from '../../shared/use-cases/register';
import { createTable, LOCAL_REGION } from '../../infra/local/runtime';
import { freePort, startDynamoDbLocal } from '../../infra/local/services';
import { batchPut } from '../support/seed-event';
import { modelledClient, VirtualTime, type ModelFigures } from './dynamo-model';

export interface SellOutOptions {
  requests: number;
  seconds: number;
  capacity: number;
  /** Seat shards; the event's own policy (shardCountFor) when absent. */
  shards?: number;
  /** Warm Lambda instances, each with its own copy of the event (the one-second hint). */
  instances: number;
}

export interface SellOutFigures {
  shards: number;
  confirmed: number;
  waitlisted: number;
  refused: Record<string, number>;
  /** Answers that would be 503 with Retry-After: throttled or contended beyond the retries. */
  unavailable: number;
  unavailableBecause: Record<string, number>;
  failed: number;
  /** Virtual seconds from the first request until the last seat was taken (undefined if never). */
  soldOutAfterSeconds?: number;
  seatsPerSecond: number;
  acceptedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  oversold: number;
  model: ModelFigures;
}

/** API Gateway and a warm Lambda around the use case, added to each answer's latency. */
const REQUEST_OVERHEAD_MS = 25;
const EPOCH = Date.parse('2026-12-01T12:00:00.000Z');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `requests` people arriving at random within `seconds` for `capacity` seats (waitlist on), each
 * running the real registration use case against DynamoDB Local through the limits model.
 */
export async function sellOut(options: SellOutOptions): Promise<SellOutFigures> {
  const port = await freePort();
  const dynamo = await startDynamoDbLocal(port);
  const endpoint = `http://127.0.0.1:${port}`;
  const tableName = 'sell-out';
  const restoreSleep = pauses.sleep;
  const restoreMetric = metrics.addMetric;
  try {
    await createTable(endpoint, tableName);
    const real = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    const startsAt = new Date(EPOCH + 30 * 86_400_000).toISOString();
    const event = newEvent(
      { title: 'Free conference', startsAt, endsAt: new Date(Date.parse(startsAt) + 8 * 3_600_000).toISOString(), venue: { name: 'Jaarbeurs' }, capacity: options.capacity, emailConfirmation: 'off' },
      { id: newId(), organisationId: 'bench' },
      new Date(EPOCH - 86_400_000),
    );
    const seats = initialSeats(gateOf(event), options.capacity);
    if (options.shards) seats.shards = slices(options.capacity, options.shards).map((slice, index) => ({ index, capacity: slice, taken: 0, freed: 0, cancelled: 0 }));
    await batchPut(real, tableName, [{ ...keys.event(event.id), entity: 'event', ...event }, ...counterItems(event.id, seats)]);

    const time = new VirtualTime();
    const figures: ModelFigures = { calls: 0, throttles: 0, conflicts: 0, writeUnits: {} };
    const client = modelledClient(real, time, figures);
    pauses.sleep = (ms) => time.sleep(ms);
    // A million data points would only be buffered and printed; the figures here are the bench's own.
    metrics.addMetric = () => metrics;
    const clock = { now: () => new Date(EPOCH + time.taskNow) };
    const instances: RegistrationDeps[] = Array.from({ length: options.instances }, () => ({
      events: new EventRepository(tableName, client),
      registrations: new RegistrationRepository(tableName, client),
      clock,
    }));

    const outcome = { confirmed: 0, waitlisted: 0, pending: 0, unavailable: 0, unavailableBecause: {} as Record<string, number>, failed: 0, refused: {} as Record<string, number> };
    const latencies: number[] = [];
    let lastSeatAt: number | undefined;
    for (let index = 0; index < options.requests; index++) {
      const arrival = Math.random() * options.seconds * 1000;
      time.start(
        arrival,
        () => register(instances[index % instances.length]!, event.id, { name: `Bezoeker ${index}`, email: `visitor${index}@example.org`, consent: true }),
        (result, endedAt) => {
          latencies.push(endedAt - arrival + REQUEST_OVERHEAD_MS);
          if (result.status === 'fulfilled') {
            outcome[result.value.status]++;
            if (result.value.status === 'confirmed') lastSeatAt = Math.max(lastSeatAt ?? 0, endedAt);
          } else if (result.reason instanceof DomainError && result.reason.status < 500) {
            outcome.refused[`${result.reason.status} ${result.reason.type}`] = (outcome.refused[`${result.reason.status} ${result.reason.type}`] ?? 0) + 1;
          } else if (isTransientAwsError(result.reason) || (result.reason instanceof DomainError && result.reason.status === 503)) {
            outcome.unavailable++;
            const why = result.reason instanceof StillContended ? 'placement rounds used up' : (result.reason as Error).name;
            outcome.unavailableBecause[why] = (outcome.unavailableBecause[why] ?? 0) + 1;
          } else {
            outcome.failed++;
            if (outcome.failed <= 3) console.error('  unexpected failure:', result.reason);
          }
        },
      );
    }
    await time.run();

    let confirmedStored = 0;
    for await (const page of paginateQuery(
      { client: real },
      { TableName: tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', FilterExpression: '#status = :confirmed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':pk': keys.registrationsOfEvent(event.id), ':confirmed': 'confirmed' }, Select: 'COUNT' },
    )) {
      confirmedStored += page.Count ?? 0;
    }
    const sorted = latencies.sort((a, b) => a - b);
    const soldOut = outcome.confirmed >= options.capacity && lastSeatAt !== undefined ? lastSeatAt / 1000 : undefined;
    return {
      shards: seats.shards.length,
      ...outcome,
      soldOutAfterSeconds: soldOut,
      seatsPerSecond: outcome.confirmed / (soldOut ?? options.seconds),
      acceptedPerSecond: (outcome.confirmed + outcome.waitlisted) / options.seconds,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      oversold: Math.max(0, confirmedStored - options.capacity),
      model: figures,
    };
  } finally {
    pauses.sleep = restoreSleep;
    metrics.addMetric = restoreMetric;
    await dynamo.stop();
  }
}
