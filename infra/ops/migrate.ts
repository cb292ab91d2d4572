import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient, paginateQuery, paginateScan } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { registrationItem } from '../../shared/adapters/dynamo/registration-repository';
import { counterItems, gateOf, waitlistEntryItem } from '../../shared/adapters/dynamo/seat-counters';
import { EVENT_KEY_PREFIX, EVENT_SORT_KEY, keys, withoutKeys } from '../../shared/adapters/dynamo/keys';
import type { EventRecord } from '../../shared/domain/event';
import type { Registration } from '../../shared/domain/registration';
import { seatsHeldBy, type SeatState } from '../../shared/domain/seats';
import { ttlSeconds } from '../../shared/adapters/dynamo/ttl';

/**
 * `npm run migrate`: moves events written by versions before the seat counters to the current
 * layout. Before, an event item carried its counts and its waitlist as a list, and an event's
 * registrations, e-mail locks and check-in codes lived in the event's partition. The command is
 * idempotent and resumable: every new item is written only if absent (live traffic may already
 * have changed it), the waitlist counter that makes the event live last of them; then the event
 * item is cleared of the old fields and the old items are deleted, so a run that stops anywhere
 * is finished by running it again.
 */

/** How the old layout spelled its keys; nothing else needs them. */
const LEGACY = { registration: 'REG#', emailLock: 'EMAIL#', checkInCode: 'CHECKIN#' } as const;
const WRITE_CONCURRENCY = 16;

interface LegacyEvent extends EventRecord {
  confirmedCount: number;
  cancelledCount: number;
  waitlist: string[];
}

export interface MigrationReport {
  eventsMigrated: number;
  registrationsMoved: number;
  /** Old items whose event had already been migrated (a run that stopped while deleting). */
  leftoversCleared: number;
}

export async function migrateTable(client: DynamoDBDocumentClient, tableName: string, log: (line: string) => void = () => {}): Promise<MigrationReport> {
  const report: MigrationReport = { eventsMigrated: 0, registrationsMoved: 0, leftoversCleared: 0 };
  const events: Record<string, unknown>[] = [];
  // An operator's command, not a request path: one pass over the table finds every event.
  for await (const page of paginateScan({ client }, { TableName: tableName, FilterExpression: 'SK = :event', ExpressionAttributeValues: { ':event': EVENT_SORT_KEY } })) {
    events.push(...(page.Items ?? []));
  }
  for (const item of events) {
    const eventId = String(item.PK).slice(EVENT_KEY_PREFIX.length);
    const old = await legacyItems(client, tableName, eventId);
    if (Array.isArray(item.waitlist)) {
      const moved = await migrateEvent(client, tableName, withoutKeys<LegacyEvent>(item), old);
      report.eventsMigrated++;
      report.registrationsMoved += moved;
      log(`  ${eventId}: ${moved} registration(s) moved`);
    } else if (old.registrations.length + old.locks.length + old.codes.length > 0) {
      await moveLeftovers(client, tableName, eventId, old);
      report.leftoversCleared += old.registrations.length + old.locks.length + old.codes.length;
      log(`  ${eventId}: leftovers of an earlier run cleared`);
    }
  }
  return report;
}

interface LegacyItems {
  registrations: Record<string, unknown>[];
  locks: Record<string, unknown>[];
  codes: Record<string, unknown>[];
}

async function legacyItems(client: DynamoDBDocumentClient, tableName: string, eventId: string): Promise<LegacyItems> {
  const found: LegacyItems = { registrations: [], locks: [], codes: [] };
  for await (const page of paginateQuery({ client }, { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.event(eventId).PK }, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      const sortKey = String(item.SK);
      if (sortKey.startsWith(LEGACY.registration)) found.registrations.push(item);
      else if (sortKey.startsWith(LEGACY.emailLock)) found.locks.push(item);
      else if (sortKey.startsWith(LEGACY.checkInCode)) found.codes.push(item);
    }
  }
  return found;
}

/** The counters as the old event's registrations say, in arrival order and the old waitlist's order. */
export function seatsFromLegacy(event: LegacyEvent, registrations: Registration[]): { seats: SeatState; placed: Registration[] } {
  const byArrival = [...registrations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.registrationId.localeCompare(b.registrationId));
  const held = seatsHeldBy(gateOf(event), event.capacity, byArrival, event.waitlist);
  held.seats.shards[0]!.cancelled = event.cancelledCount ?? 0;
  return held;
}

async function migrateEvent(client: DynamoDBDocumentClient, tableName: string, event: LegacyEvent, old: LegacyItems): Promise<number> {
  const { seats, placed } = seatsFromLegacy(
    event,
    old.registrations.map((item) => withoutKeys<Registration>(item)),
  );
  // The waitlist counter is what makes the event live on the new layout (no counter: 503), so it
  // is written last, once everything it relies on is there. If it already exists, the event has
  // been live and its seats and waitlist are the live ones: only what may be missing is added.
  const { Item: live } = await client.send(new GetCommand({ TableName: tableName, Key: keys.waitlistCounter(event.id), ConsistentRead: true }));
  const counters = counterItems(event.id, seats);
  const waitlistCounter = counters.find((item) => item.SK === keys.waitlistCounter(event.id).SK)!;
  const seatsAndEntries = [
    ...counters.filter((item) => item !== waitlistCounter),
    ...placed.flatMap((registration) =>
      registration.waitlistSeq ? [waitlistEntryItem(event.id, registration.waitlistSeq, registration.registrationId, ttlSeconds(registration.retainUntil))] : [],
    ),
  ];
  // Marked as moved, so the state-change bus does not announce them as new registrations.
  const migratedAt = new Date().toISOString();
  const newItems = [...(live ? [] : seatsAndEntries), ...placed.map((registration) => ({ ...registrationItem(registration), migratedAt })), ...newLocksAndCodes(event.id, old)];
  await eachLimited(newItems, (item) => putIfAbsent(client, tableName, item));
  if (!live) await putIfAbsent(client, tableName, waitlistCounter);
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.event(event.id),
        UpdateExpression: 'REMOVE waitlist, confirmedCount, cancelledCount',
        ConditionExpression: 'attribute_exists(waitlist)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  await deleteAll(client, tableName, [...old.registrations, ...old.locks, ...old.codes]);
  return placed.length;
}

async function moveLeftovers(client: DynamoDBDocumentClient, tableName: string, eventId: string, old: LegacyItems): Promise<void> {
  const migratedAt = new Date().toISOString();
  const copies = [...old.registrations.map((item) => ({ ...registrationItem(withoutKeys<Registration>(item)), migratedAt })), ...newLocksAndCodes(eventId, old)];
  await eachLimited(copies, (item) => putIfAbsent(client, tableName, item));
  await deleteAll(client, tableName, [...old.registrations, ...old.locks, ...old.codes]);
}

function newLocksAndCodes(eventId: string, old: LegacyItems): Record<string, unknown>[] {
  return [
    ...old.locks.map((item) => ({ ...withoutKeys<Record<string, unknown>>(item), ...keys.emailLock(eventId, String(item.SK).slice(LEGACY.emailLock.length)), entity: 'email-lock', ...expiry(item) })),
    ...old.codes.map((item) => ({ ...withoutKeys<Record<string, unknown>>(item), ...keys.checkInCode(eventId, String(item.SK).slice(LEGACY.checkInCode.length)), entity: 'check-in-code', ...expiry(item) })),
  ];
}

const expiry = (item: Record<string, unknown>) => (item.expiresAt === undefined ? {} : { expiresAt: item.expiresAt });

async function putIfAbsent(client: DynamoDBDocumentClient, tableName: string, Item: Record<string, unknown>): Promise<void> {
  try {
    await client.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

async function deleteAll(client: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  await eachLimited(items, (item) => client.send(new DeleteCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK } })).then(() => undefined));
}

async function eachLimited<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(WRITE_CONCURRENCY, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}
