import { GetCommand, QueryCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SeatGate, SeatShard, SeatState, WaitlistCounter } from '../../domain/seats';
import { waitingOf, waitlistPosition } from '../../domain/seats';
import { keys } from './keys';
import { queryAll, queryPartition } from './query-all';

/**
 * The seat counters as items: how they are written, read and conditioned. The registration,
 * cancellation and promotion transactions build on these; nothing else spells their attributes.
 */

/** Registration is open now (`:now`) on this counter's copy of the event's window. */
export const OPEN_NOW =
  'attribute_exists(PK) AND attribute_not_exists(cancelledAt) AND registrationClosesAt > :now AND (attribute_not_exists(registrationOpensAt) OR registrationOpensAt <= :now)';

const GATE_FIELDS = ['registrationClosesAt', 'registrationOpensAt', 'cancelledAt', 'promotionCutoffAt', 'waitlistEnabled'] as const;

export function gateOf(source: SeatGate): SeatGate {
  return {
    registrationClosesAt: source.registrationClosesAt,
    promotionCutoffAt: source.promotionCutoffAt,
    waitlistEnabled: source.waitlistEnabled,
    ...(source.registrationOpensAt ? { registrationOpensAt: source.registrationOpensAt } : {}),
    ...(source.cancelledAt ? { cancelledAt: source.cancelledAt } : {}),
  };
}

/** SET and REMOVE clauses that copy the gate onto a counter item (names prefixed `#g_`, values `:g_`). */
export function gateUpdate(gate: SeatGate): { set: string[]; remove: string[]; names: Record<string, string>; values: Record<string, unknown> } {
  const present = GATE_FIELDS.filter((field) => gate[field] !== undefined);
  const absent = GATE_FIELDS.filter((field) => gate[field] === undefined);
  return {
    set: present.map((field) => `#g_${field} = :g_${field}`),
    remove: absent.map((field) => `#g_${field}`),
    names: Object.fromEntries(GATE_FIELDS.map((field) => [`#g_${field}`, field])),
    values: Object.fromEntries(present.map((field) => [`:g_${field}`, gate[field]])),
  };
}

export function shardItem(eventId: string, gate: SeatGate, shard: SeatShard) {
  return { ...keys.seatShard(eventId, shard.index), entity: 'seat-shard', eventId, ...gateOf(gate), ...shard };
}

export function waitlistCounterItem(eventId: string, gate: SeatGate, counter: WaitlistCounter) {
  const { waiting: _derived, ...stored } = counter;
  return { ...keys.waitlistCounter(eventId), entity: 'waitlist-counter', eventId, ...gateOf(gate), ...stored };
}

/** A waiting person's place in line, ordered by their ticket. */
export const waitlistEntryItem = (eventId: string, seq: number, registrationId: string, expiresAt: number) => ({
  ...keys.waitlistEntry(eventId, seq),
  entity: 'waitlist-entry',
  seq,
  registrationId,
  expiresAt,
});

export const counterItems = (eventId: string, seats: SeatState) => [
  ...seats.shards.map((shard) => shardItem(eventId, seats.gate, shard)),
  waitlistCounterItem(eventId, seats.gate, seats.waitlist),
];

const shardFrom = (item: Record<string, unknown>): SeatShard => ({
  index: Number(item.index),
  capacity: Number(item.capacity),
  taken: Number(item.taken),
  freed: Number(item.freed),
  cancelled: Number(item.cancelled),
});

function waitlistFrom(item: Record<string, unknown>): WaitlistCounter {
  const counter = {
    next: Number(item.next),
    promoted: Number(item.promoted),
    promotedThrough: Number(item.promotedThrough ?? 0),
    left: Number(item.left),
    cancelled: Number(item.cancelled),
    full: item.full === true,
  };
  return { ...counter, waiting: waitingOf(counter) };
}

/** The counters as one state; undefined when the event has none (it does not exist). */
export function seatStateFrom(items: Record<string, unknown>[]): SeatState | undefined {
  const counter = items.find((item) => keys.isWaitlistCounter(String(item.SK)));
  if (!counter) return undefined;
  return {
    gate: gateOf(counter as unknown as SeatGate),
    shards: items.filter((item) => item !== counter).map(shardFrom).sort((a, b) => a.index - b.index),
    waitlist: waitlistFrom(counter),
  };
}

/** Replaces one counter in a state with the image DynamoDB returned for it. */
export function withCounterImage(seats: SeatState, item: Record<string, unknown>): SeatState {
  const gate = gateOf(item as unknown as SeatGate);
  if (keys.isWaitlistCounter(String(item.SK))) return { ...seats, gate, waitlist: waitlistFrom(item) };
  const shard = shardFrom(item);
  return { ...seats, gate, shards: seats.shards.map((existing) => (existing.index === shard.index ? shard : existing)) };
}

/**
 * The counters as read, with who freed each shard's latest seat (a cancellation signs the shard),
 * by shard index: how concurrent cancellations agree which of them promotes (see fillFreeSeats).
 */
export type SeatStateAsRead = SeatState & { lastFreedBy: ReadonlyMap<number, string> };

export class SeatCounters {
  constructor(
    private readonly tableName: string,
    private readonly client: DynamoDBDocumentClient,
  ) {}

  /** One query, about 250 bytes per counter: a single read unit for up to 16 of them. */
  async read(eventId: string, options: { consistent?: boolean } = {}): Promise<SeatState | undefined> {
    return seatStateFrom(await this.items(eventId, options));
  }

  /** The same query for the promoter, consistent, with the shards' signatures. */
  async readForPromotion(eventId: string): Promise<SeatStateAsRead | undefined> {
    const items = await this.items(eventId, { consistent: true });
    const seats = seatStateFrom(items);
    const signed = items.filter((item) => !keys.isWaitlistCounter(String(item.SK)) && typeof item.lastFreedBy === 'string');
    return seats && { ...seats, lastFreedBy: new Map(signed.map((item) => [Number(item.index), String(item.lastFreedBy)])) };
  }

  private items(eventId: string, options: { consistent?: boolean }) {
    return queryPartition<Record<string, unknown>>(this.client, this.tableName, keys.seatCounters(eventId), { consistent: options.consistent, keepKeys: true });
  }

  /** The first `limit` waiting people, in order. */
  async waitingHeads(eventId: string, limit: number): Promise<{ seq: number; registrationId: string }[]> {
    const { PK, skPrefix } = keys.waitlistEntries(eventId);
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': skPrefix },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return Items.map((item) => ({ seq: Number(item.seq), registrationId: String(item.registrationId) }));
  }

  /** Everyone waiting, in order (the organiser's list): reads every entry, about 100 bytes each. */
  async waitingOrder(eventId: string): Promise<string[]> {
    const entries = await queryPartition<{ registrationId: string }>(this.client, this.tableName, keys.waitlistEntries(eventId), { consistent: true });
    return entries.map((entry) => entry.registrationId);
  }

  /** Tickets that departed (cancelled, voided) numbered from `from` up to but not including `before`. */
  async departuresBetween(eventId: string, from: number, before: number): Promise<Set<number>> {
    if (before <= from) return new Set();
    const items = await queryAll<{ seq: number }>(this.client, this.departuresQuery(eventId, from, before));
    return new Set(items.map((item) => Number(item.seq)));
  }

  private departuresQuery(eventId: string, from: number, before: number) {
    const range = keys.waitlistDeparturesBetween(eventId, from, before);
    return {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :low AND :high',
      ExpressionAttributeValues: { ':pk': range.PK, ':low': range.low, ':high': range.high },
      ConsistentRead: true,
    };
  }

  /**
   * Where a waiting person stands now: one read of the waitlist counter and a count of those
   * ahead who left other than by promotion (about 100 bytes each). See waitlistPosition.
   */
  async positionOf(eventId: string, seq: number): Promise<number | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.waitlistCounter(eventId), ConsistentRead: true, ProjectionExpression: 'promoted' }),
    );
    if (!Item) return undefined;
    let leftAhead = 0;
    if (seq > 1) {
      for await (const page of paginateQuery({ client: this.client }, { ...this.departuresQuery(eventId, 1, seq), Select: 'COUNT' })) leftAhead += page.Count ?? 0;
    }
    return waitlistPosition(seq, Number(Item.promoted), leftAhead);
  }
}
