import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Mailing } from '../../domain/mailing';
import { mailingItem } from './mailing-repository';
import { TemporarilyUnavailable } from '../../domain/errors';
import type { EventRecord } from '../../domain/event';
import { initialSeats, type CapacityChange, type SeatState } from '../../domain/seats';
import { counterItems, gateOf, gateUpdate, SeatCounters, shardItem } from './seat-counters';
import { transactIfUnchanged, unlessConditionFails } from './conditional';
import { EventActivity } from './event-activity';
import { documentClient } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './query-all';

/**
 * How long a warm function instance may reuse an event and its seats as read. Only decisions
 * that a transaction condition re-checks may rely on it (placement, window, existence), so
 * staleness costs at most a retried transaction, never a wrong outcome. It spares the hot
 * counters a read per registration during a rush.
 */
const HINT_TTL_MS = 1000;
const HINT_CACHE_SIZE = 256;

/** An event written before the seat counters has none until `npm run migrate` has moved it. */
function migrated(seats: SeatState | undefined): SeatState {
  if (!seats) throw new TemporarilyUnavailable('This event is being moved to a new storage layout. Please try again in a minute.');
  return seats;
}

export interface EventState {
  event: EventRecord;
  seats: SeatState;
}

export class EventRepository {
  private readonly hints = new Map<string, { expiresAt: number; state: Promise<EventState | undefined> }>();
  readonly seats: SeatCounters;
  readonly activity: EventActivity;

  constructor(
    private readonly tableName: string,
    private readonly client = documentClient,
  ) {
    this.seats = new SeatCounters(tableName, client);
    this.activity = new EventActivity(tableName, client);
  }

  /** A recent copy of the event and its seats, shared by concurrent callers; see HINT_TTL_MS for what it may decide. */
  getHint(eventId: string): Promise<EventState | undefined> {
    const cached = this.hints.get(eventId);
    if (cached && cached.expiresAt > Date.now()) return cached.state;
    const state = this.getState(eventId);
    this.store(eventId, state);
    // A missing event or a failed read is never remembered.
    state.then((found) => found ?? this.hints.delete(eventId)).catch(() => this.hints.delete(eventId));
    return state;
  }

  /** Refreshes the hint with a state DynamoDB just returned (a condition failure's ALL_OLD). */
  remember(state: EventState): void {
    this.store(state.event.id, Promise.resolve(state));
  }

  private store(eventId: string, state: Promise<EventState | undefined>) {
    this.hints.delete(eventId);
    if (this.hints.size >= HINT_CACHE_SIZE) this.hints.delete(this.hints.keys().next().value!);
    this.hints.set(eventId, { expiresAt: Date.now() + HINT_TTL_MS, state });
  }

  /** The event and its seat counters, read side by side. */
  async getState(eventId: string, options: { consistent?: boolean } = {}): Promise<EventState | undefined> {
    const [event, seats] = await Promise.all([this.get(eventId, options), this.seats.read(eventId, options)]);
    return event ? { event, seats: migrated(seats) } : undefined;
  }

  /** The seats of an event already read. */
  async seatsOf(event: EventRecord, options: { consistent?: boolean } = {}): Promise<SeatState> {
    return migrated(await this.seats.read(event.id, options));
  }

  /**
   * Writes an organiser's changes: the event, conditioned on the version that was read
   * (updatedAt), and every seat counter's copy of the window and its slice of a new capacity,
   * all or nothing. Fewer seats come only out of seats nobody holds (conditioned per shard).
   * The mailings the change calls for (a notice, moved expiries) are written with it, so a change
   * that committed has them, whatever happens to the request after.
   */
  async update(previous: EventRecord, next: EventRecord, capacity: CapacityChange, seats: SeatState, mailings: Mailing[] = []): Promise<'updated' | 'changed'> {
    const fields = {
      title: next.title,
      description: next.description,
      startsAt: next.startsAt,
      endsAt: next.endsAt,
      timeZone: next.timeZone,
      venue: next.venue,
      capacity: next.capacity,
      waitlistEnabled: next.waitlistEnabled,
      registrationClosesAt: next.registrationClosesAt,
      language: next.language,
      programme: next.programme,
      promotionCutoff: next.promotionCutoff,
      promotionCutoffAt: next.promotionCutoffAt,
      reminders: next.reminders,
      certificate: next.certificate,
      emailConfirmation: next.emailConfirmation,
      confirmationWindow: next.confirmationWindow,
      retention: next.retention,
      needsRetention: next.needsRetention,
      controller: next.controller,
      questions: next.questions,
      calendarSequence: next.calendarSequence,
      updatedAt: next.updatedAt,
      GSI1SK: keys.eventByOrganisation(next.organisationId, next.startsAt, next.id).GSI1SK,
      ...(next.registrationOpensAt ? { registrationOpensAt: next.registrationOpensAt } : {}),
    };
    const present = Object.entries(fields).filter(([, value]) => value !== undefined);
    const removed = ['description', 'registrationOpensAt', 'controller'].filter((name) => !present.some(([key]) => key === name));
    const gate = gateUpdate(gateOf(next));
    const counterUpdate = (Key: Record<string, string>, extraSet: string[] = [], extra: { ConditionExpression?: string; values?: Record<string, unknown> } = {}) => ({
      Update: {
        TableName: this.tableName,
        Key,
        UpdateExpression: `SET ${[...gate.set, ...extraSet].join(', ')}${gate.remove.length ? ` REMOVE ${gate.remove.join(', ')}` : ''}`,
        ConditionExpression: extra.ConditionExpression ?? 'attribute_exists(PK)',
        ExpressionAttributeNames: { ...gate.names, ...(extraSet.length ? { '#capacity': 'capacity' } : {}) },
        ExpressionAttributeValues: { ...gate.values, ...extra.values },
      },
    });
    const shardWrites = capacity.map((slice) => {
      const existing = seats.shards.find((shard) => shard.index === slice.index);
      if (!existing) {
        const fresh = { index: slice.index, capacity: slice.capacity, taken: slice.added, freed: slice.added, cancelled: 0 };
        return { Put: { TableName: this.tableName, Item: shardItem(next.id, gateOf(next), fresh), ConditionExpression: 'attribute_not_exists(PK)' } };
      }
      const key = keys.seatShard(next.id, slice.index);
      if (slice.added > 0) {
        return counterUpdate(key, ['#capacity = #capacity + :added', 'taken = taken + :added', 'freed = freed + :added'], { values: { ':added': slice.added } });
      }
      if (slice.added < 0) {
        return counterUpdate(key, ['#capacity = :capacity'], {
          ConditionExpression: '#capacity = :was AND taken <= :capacity',
          values: { ':capacity': slice.capacity, ':was': existing.capacity },
        });
      }
      return counterUpdate(key);
    });
    const outcome = await transactIfUnchanged(
      this.client,
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.event(next.id),
              UpdateExpression: `SET ${present.map(([name]) => `#${name} = :${name}`).join(', ')}${removed.length ? ` REMOVE ${removed.map((name) => `#${name}`).join(', ')}` : ''}`,
              ConditionExpression: 'updatedAt = :previousVersion',
              ExpressionAttributeNames: Object.fromEntries([...present.map(([name]) => name), ...removed].map((name) => [`#${name}`, name])),
              ExpressionAttributeValues: { ...Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])), ':previousVersion': previous.updatedAt },
            },
          },
          ...shardWrites,
          counterUpdate(keys.waitlistCounter(next.id)),
          ...mailings.map((mailing) => this.newMailingPut(mailing)),
        ],
      }),
      'updated',
    );
    if (outcome === 'updated') this.hints.delete(next.id);
    return outcome;
  }

  /** The event, its seat counters and its scheduled mailings (reminders), together or not at all. */
  async create(event: EventRecord, mailings: Mailing[] = []): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.event(event.id), ...keys.eventByOrganisation(event.organisationId, event.startsAt, event.id), entity: 'event', ...event },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...counterItems(event.id, initialSeats(gateOf(event), event.capacity)).map((Item) => ({ Put: { TableName: this.tableName, Item } })),
          ...mailings.map((mailing) => ({ Put: { TableName: this.tableName, Item: mailingItem(mailing) } })),
        ],
      }),
    );
  }

  /** A mailing that belongs to one change of the event: its id is new with that change. */
  private newMailingPut(mailing: Mailing) {
    return { Put: { TableName: this.tableName, Item: mailingItem(mailing), ConditionExpression: 'attribute_not_exists(PK)' } };
  }

  /** Marks the event and every seat counter cancelled, with the notice to everyone; false if it already was or changed meanwhile. */
  async markCancelled(event: EventRecord, seats: SeatState, now: Date, notice: Mailing): Promise<boolean> {
    const eventId = event.id;
    const at = now.toISOString();
    const setCancelled = (Key: Record<string, string>) => ({
      Update: { TableName: this.tableName, Key, UpdateExpression: 'SET cancelledAt = :now', ExpressionAttributeValues: { ':now': at } },
    });
    const outcome = await transactIfUnchanged(
      this.client,
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.event(eventId),
              UpdateExpression: 'SET cancelledAt = :now, updatedAt = :now',
              // The shards as read are all the shards: a capacity change meanwhile would have moved updatedAt.
              ConditionExpression: 'attribute_not_exists(cancelledAt) AND updatedAt = :version',
              ExpressionAttributeValues: { ':now': at, ':version': event.updatedAt },
            },
          },
          ...seats.shards.map((shard) => setCancelled(keys.seatShard(eventId, shard.index))),
          setCancelled(keys.waitlistCounter(eventId)),
          this.newMailingPut(notice),
        ],
      }),
      'cancelled',
    );
    if (outcome === 'changed') return false;
    this.hints.delete(eventId);
    return true;
  }

  async get(eventId: string, options: { consistent?: boolean } = {}): Promise<EventRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.event(eventId), ConsistentRead: options.consistent ?? false }),
    );
    return Item ? withoutKeys<EventRecord>(Item) : undefined;
  }

  /** An event of another organisation is treated exactly like one that does not exist. */
  async getOwned(eventId: string, organisationId: string): Promise<EventRecord | undefined> {
    const event = await this.get(eventId, { consistent: true });
    return event?.organisationId === organisationId ? event : undefined;
  }

  /**
   * Takes a deleted event off the organisation's list (its index entry goes) and marks it, with
   * the job that erases its registrations; twice is once.
   */
  async markDeleted(event: EventRecord, now: Date, erasure: Mailing): Promise<void> {
    await transactIfUnchanged(
      this.client,
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.event(event.id),
              UpdateExpression: 'SET deletedAt = :now, updatedAt = :now REMOVE GSI1PK, GSI1SK',
              ConditionExpression: 'attribute_not_exists(deletedAt)',
              ExpressionAttributeValues: { ':now': now.toISOString() },
            },
          },
          this.newMailingPut(erasure),
        ],
      }),
      'deleted',
    );
    this.hints.delete(event.id);
  }

  async listByOrganisation(organisationId: string): Promise<EventRecord[]> {
    return queryAll<EventRecord>(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.organisationEvents(organisationId) },
    });
  }

}
