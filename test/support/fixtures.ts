import { gateOf } from '../../shared/adapters/dynamo/seat-counters';
import { slices, type SeatState } from '../../shared/domain/seats';
import type { EventRecord } from '../../shared/domain/event';
import { newEvent, type NewEventInput } from '../../shared/domain/event-changes';
import type { Registration } from '../../shared/domain/registration';

export const NOW = new Date('2026-11-29T10:00:00Z');

export function masterclassInput(overrides: Partial<NewEventInput> = {}): NewEventInput {
  return {
    title: 'Iedereen aan tafel',
    startsAt: '2026-12-07T09:00:00+01:00',
    endsAt: '2026-12-07T17:30:00+01:00',
    venue: { name: 'Stadskantoor', address: 'Stationsplein 1, Utrecht' },
    capacity: 30,
    ...overrides,
  };
}

export function anEvent(overrides: Partial<EventRecord> = {}, input: Partial<NewEventInput> = {}): EventRecord {
  return { ...newEvent(masterclassInput(input), { id: 'event-1', organisationId: 'org-1' }, NOW), ...overrides };
}

/**
 * Seats as the counters would hold them: `capacity` over `shards` shards, `confirmed` seats held
 * (filled shard by shard), `freed` of them freed on the first shard, `waiting` people waiting.
 */
export function someSeats(
  options: { capacity?: number; shards?: number; confirmed?: number; freed?: number; waiting?: number; full?: boolean; cancelled?: number } = {},
  event: EventRecord = anEvent(),
): SeatState {
  const capacity = options.capacity ?? event.capacity;
  const shardCount = options.shards ?? 1;
  let toHold = (options.confirmed ?? 0) + (options.freed ?? 0);
  const shards = slices(capacity, shardCount).map((slice, index) => {
    const taken = Math.min(slice, toHold);
    toHold -= taken;
    return { index, capacity: slice, taken, freed: index === 0 ? (options.freed ?? 0) : 0, cancelled: index === 0 ? (options.cancelled ?? 0) : 0 };
  });
  const waiting = options.waiting ?? 0;
  return {
    gate: gateOf(event),
    shards,
    waitlist: { next: waiting + 1, waiting, promoted: 0, promotedThrough: 0, left: 0, cancelled: 0, full: options.full ?? waiting > 0 },
  };
}

export function aRegistration(overrides: Partial<Registration> = {}): Registration {
  return {
    registrationId: 'reg-1',
    eventId: 'event-1',
    name: 'Zoë Ça Ğ',
    email: 'zoe@example.org',
    language: 'nl',
    status: 'confirmed',
    createdAt: NOW.toISOString(),
    consentedAt: NOW.toISOString(),
    retainUntil: '2027-12-07T16:30:00.000Z',
    checkInCode: 'ABCD-EFGH',
    ...overrides,
  };
}
