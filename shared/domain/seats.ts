import { EventFull } from './errors';
import type { Registration } from './registration';

/**
 * Who holds which seat, kept apart from what the event says about itself: a handful of small
 * counter items that a registration writes, so its cost never grows with the event. See README
 * "Data model" for the items and "Capacity plan" for why seats are split over shards.
 *
 * A shard owns a slice of the capacity. `taken` counts seats that are held or reserved;
 * `freed` counts the taken seats that nobody holds any more (a cancellation, a capacity
 * increase) until the promoter either gives them to the waitlist or releases them. So a seat
 * freed while people wait can never be taken by a newcomer: it stays taken until promotion.
 */
export interface SeatShard {
  index: number;
  capacity: number;
  taken: number;
  freed: number;
  cancelled: number;
}

/**
 * The waitlist's counter. Joining takes a ticket: the counter's `next` number (1, 2, 3, ...),
 * handed out by one atomic update, so joins never fight over a number. The person's entry item
 * carries it; a ticket whose registration did not go through is voided with a departure marker.
 * Every ticket is thus waiting, promoted (strictly in order, the last one `promotedThrough`) or
 * departed (`left`: cancelled, voided). `full` is raised once every shard is taken and is what
 * lets people join; it drops only when a freed seat is released to the public.
 */
export interface WaitlistCounter {
  next: number;
  promoted: number;
  promotedThrough: number;
  left: number;
  cancelled: number;
  full: boolean;
  /** Derived: tickets neither promoted nor departed (a join still in flight counts too). */
  waiting: number;
}

export const waitingOf = (counter: Pick<WaitlistCounter, 'next' | 'promoted' | 'left'>): number => counter.next - 1 - counter.promoted - counter.left;

/** The event's settings that every counter item repeats, so its write conditions can read them. */
export interface SeatGate {
  registrationClosesAt: string;
  registrationOpensAt?: string;
  cancelledAt?: string;
  promotionCutoffAt: string;
  waitlistEnabled: boolean;
}

export interface SeatState {
  gate: SeatGate;
  shards: SeatShard[];
  waitlist: WaitlistCounter;
}

/**
 * Figures from `npm run bench -- sell-out`: one counter item takes about 70 registrations a
 * second under DynamoDB's conflict model before answers turn into 503s, so an event gets a shard
 * per 500 seats, enough for a 10,000-seat event to sell out within a minute or two.
 */
export const SEATS_PER_SHARD = 500;
/** The event update writes every counter in one transaction (at most 100 items). */
export const MAX_SHARDS = 20;

/** Waitlist entries are items of their own, so the cap only guards against nonsense. */
export const MAX_WAITLIST_LENGTH = 100_000;

export const shardCountFor = (capacity: number): number => Math.min(MAX_SHARDS, Math.max(1, Math.ceil(capacity / SEATS_PER_SHARD)));

/** `total` split into `parts` slices that differ by at most one. */
export function slices(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0));
}

export function initialSeats(gate: SeatGate, capacity: number): SeatState {
  return {
    gate,
    shards: slices(capacity, shardCountFor(capacity)).map((slice, index) => ({ index, capacity: slice, taken: 0, freed: 0, cancelled: 0 })),
    waitlist: { next: 1, waiting: 0, promoted: 0, promotedThrough: 0, left: 0, cancelled: 0, full: false },
  };
}

/**
 * The counters that registrations already made imply (an upgrade from the old layout, a large
 * event written at once): seats counted shard by shard in the given order, waiting people
 * numbered in `waitlistOrder` (else in the given order). Seats free while people wait become
 * freed seats, which the promoter hands on. Returns the registrations, in the given order, with
 * their shard or ticket.
 */
export function seatsHeldBy(
  gate: SeatGate,
  capacity: number,
  registrations: readonly Registration[],
  waitlistOrder: readonly string[] = [],
): { seats: SeatState; placed: Registration[] } {
  const seats = initialSeats(gate, capacity);
  const order = new Map(waitlistOrder.map((registrationId, index) => [registrationId, index]));
  const waiting = registrations
    .filter((registration) => registration.status === 'waitlisted')
    .map((registration, arrival) => ({ registration, rank: order.get(registration.registrationId) ?? waitlistOrder.length + arrival }))
    .sort((a, b) => a.rank - b.rank);
  const tickets = new Map(waiting.map(({ registration }, index) => [registration.registrationId, index + 1]));
  let shard = 0;
  const placed = registrations.map((registration): Registration => {
    if (registration.status === 'waitlisted') return { ...registration, waitlistSeq: tickets.get(registration.registrationId)! };
    if (registration.status !== 'confirmed') return registration;
    while (shard < seats.shards.length - 1 && seats.shards[shard]!.taken >= seats.shards[shard]!.capacity) shard++;
    seats.shards[shard]!.taken++;
    return { ...registration, seatShard: shard };
  });
  if (waiting.length > 0) {
    for (const slice of seats.shards) {
      slice.freed = Math.max(0, slice.capacity - slice.taken);
      slice.taken = Math.max(slice.taken, slice.capacity);
    }
  }
  seats.waitlist = { ...seats.waitlist, next: waiting.length + 1, waiting: waiting.length, full: waiting.length > 0 };
  return { seats, placed };
}

export const confirmedCount = (seats: SeatState): number => seats.shards.reduce((sum, shard) => sum + shard.taken - shard.freed, 0);
export const totalCapacity = (seats: SeatState): number => seats.shards.reduce((sum, shard) => sum + shard.capacity, 0);
const unheldSeats = (shard: SeatShard) => shard.capacity - shard.taken;

export const promotionsOpen = (gate: SeatGate, now: Date): boolean => now.toISOString() < gate.promotionCutoffAt;

/** Seats a newcomer could take now: none while the waitlist is sealed (people wait for them). */
export const seatsAvailable = (seats: SeatState): number =>
  seats.waitlist.full ? 0 : seats.shards.reduce((sum, shard) => sum + Math.max(0, unheldSeats(shard)), 0);

export const waitlistJoinable = (seats: SeatState, now: Date): boolean =>
  seats.gate.waitlistEnabled && promotionsOpen(seats.gate, now) && seats.waitlist.waiting < MAX_WAITLIST_LENGTH;

export type Placement =
  | { kind: 'confirmed'; shard: number }
  /** Take a ticket (the next number), then join with it. */
  | { kind: 'waitlisted' }
  /** Every seat is taken and the waitlist is not yet open: open it, then place again. */
  | { kind: 'seal-waitlist' };

/**
 * Where a new registration goes given the seats as last read. A seat on any shard with room
 * (chosen at random, so concurrent registrations spread over the shards); once all are taken,
 * the waitlist, in arrival order. The transaction re-checks whatever this decided.
 */
export function placementFor(seats: SeatState, now: Date, random: () => number = Math.random): Placement {
  if (!seats.waitlist.full) {
    const open = seats.shards.filter((shard) => unheldSeats(shard) > 0);
    if (open.length > 0) return { kind: 'confirmed', shard: open[Math.floor(random() * open.length)]!.index };
  }
  if (!waitlistJoinable(seats, now)) throw new EventFull();
  return seats.waitlist.full ? { kind: 'waitlisted' } : { kind: 'seal-waitlist' };
}

/** What to do with a shard's freed seats now: give them to the first in line, or release them. */
export type FreedSeatsPlan = { kind: 'promote'; shard: number; count: number } | { kind: 'release'; shard: number; count: number };

export function freedSeatsPlans(seats: SeatState, now: Date, maxPromotions: number): FreedSeatsPlan[] {
  const toWaitlist = seats.waitlist.waiting > 0 && promotionsOpen(seats.gate, now);
  return seats.shards
    .filter((shard) => shard.freed > 0)
    .map((shard) =>
      toWaitlist
        ? { kind: 'promote' as const, shard: shard.index, count: Math.min(shard.freed, seats.waitlist.waiting, maxPromotions) }
        : { kind: 'release' as const, shard: shard.index, count: shard.freed },
    );
}

/**
 * People wait, promotions are open, yet the waitlist is not sealed: seats were released at the
 * promotion cutoff and the organiser has since moved the start (and so the cutoff) later.
 */
export const waitlistLostItsClaim = (seats: SeatState, now: Date): boolean =>
  !seats.waitlist.full && seats.waitlist.waiting > 0 && promotionsOpen(seats.gate, now);

/**
 * A new capacity as per-shard slices. More seats arrive as freed seats (the waitlist gets them
 * first); fewer come only out of seats nobody holds, or the change is refused.
 */
export type CapacityChange = { index: number; capacity: number; added: number }[];

export function capacityChange(seats: SeatState, capacity: number): CapacityChange | 'below-held' {
  const current = totalCapacity(seats);
  if (capacity >= current) {
    const shardCount = Math.max(seats.shards.length, shardCountFor(capacity));
    const added = slices(capacity - current, shardCount);
    return added.map((extra, index) => ({ index, capacity: (seats.shards[index]?.capacity ?? 0) + extra, added: extra }));
  }
  let toRemove = current - capacity;
  const change = seats.shards.map((shard) => {
    const removed = Math.min(toRemove, Math.max(0, unheldSeats(shard)));
    toRemove -= removed;
    return { index: shard.index, capacity: shard.capacity - removed, added: removed === 0 ? 0 : -removed };
  });
  return toRemove > 0 ? 'below-held' : change;
}

/**
 * A waiting person's place: their ticket number less everyone ahead who is gone. Promotions go
 * strictly in order, so all of them were ahead; of the departures (cancelled, voided tickets),
 * only the ones ahead count. A join still in flight ahead counts as ahead: it will be.
 */
export const waitlistPosition = (seq: number, promoted: number, leftAhead: number): number => seq - promoted - leftAhead;

export function seatCounts(seats: SeatState) {
  return {
    confirmed: confirmedCount(seats),
    waitlisted: seats.waitlist.waiting,
    cancelled: seats.waitlist.cancelled + seats.shards.reduce((sum, shard) => sum + shard.cancelled, 0),
  };
}

/**
 * Which of the first waiting entries may be promoted now: those that are truly first in line,
 * with no ticket before them still unresolved (a join in flight, or one that never finished).
 * Returns the promotable prefix, and the first unresolved ticket if one holds the line up.
 */
export function firstInLine(
  counter: Pick<WaitlistCounter, 'promotedThrough' | 'next'>,
  departedAfterPromoted: ReadonlySet<number>,
  heads: readonly { seq: number }[],
): { promotable: number; unresolved?: number } {
  let expected = counter.promotedThrough + 1;
  let promotable = 0;
  for (const head of heads) {
    while (departedAfterPromoted.has(expected)) expected++;
    if (head.seq !== expected) break;
    promotable++;
    expected++;
  }
  while (departedAfterPromoted.has(expected)) expected++;
  const unresolved = promotable < heads.length || (heads.length === 0 && expected < counter.next) ? expected : undefined;
  return { promotable, ...(unresolved !== undefined && promotable === 0 ? { unresolved } : {}) };
}
