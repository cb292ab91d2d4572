import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTable } from '../../infra/local/runtime';
import { EventRepository } from '../../shared/adapters/dynamo/event-repository';
import { RegistrationRepository } from '../../shared/adapters/dynamo/registration-repository';
import { newEvent } from '../../shared/domain/event-changes';
import { mailFor } from '../../shared/domain/mail';
import { retentionEnd } from '../../shared/domain/registration';
import { cancelForOrganiser } from '../../shared/use-cases/cancel';
import { systemClock, newId, type RegistrationDeps, type SchedulingDeps } from '../../shared/use-cases/deps';
import { createEvent, updateEvent } from '../../shared/use-cases/events';
import { MailingRepository } from '../../shared/adapters/dynamo/mailing-repository';
import { register } from '../../shared/use-cases/register';
import { listRegistrations } from '../../shared/use-cases/registrations';
import { capacityReportingClient } from '../support/consumed-capacity';
import { batchPut } from '../support/seed-event';
import { counterItems, gateOf, waitlistEntryItem } from '../../shared/adapters/dynamo/seat-counters';
import { ttlSeconds } from '../../shared/adapters/dynamo/ttl';
import { keys } from '../../shared/adapters/dynamo/keys';
import { initialSeats, slices } from '../../shared/domain/seats';
import { call, settle, uniqueEmail } from '../support/local-stack';

const { client, log } = capacityReportingClient(inject('dynamoDbUrl'));
const depsFor = (table: string): RegistrationDeps => ({ events: new EventRepository(table, client), registrations: new RegistrationRepository(table, client), clock: systemClock });
/** The stack's own table, for what goes through its API too. */
const stackDeps = depsFor(inject('tableName'));
/**
 * A table of this file's own for the large runs: its thousand confirmation mails must not
 * queue up in the stack's outbox ahead of other test files' mail.
 */
const tableName = `seat-counters-${Date.now()}`;
const deps = depsFor(tableName);
beforeAll(() => createTable(inject('dynamoDbUrl'), tableName));
// The integration organisation, so the admin API can be called for these events too.
const ORGANISATION = 'org-integration';

function anUpcomingEvent(capacity: number) {
  const startsAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  return newEvent({ title: `Counters ${Date.now()}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), venue: { name: 'Stadhuis' }, capacity, emailConfirmation: 'off' }, { id: newId(), organisationId: ORGANISATION }, new Date());
}

/**
 * An event whose seats are all taken and `waiting` people wait, as its counters and waitlist
 * entries say: what a registration's transaction could touch. The people themselves are left
 * out (a registration never reads them), which keeps the seeding light on the shared emulator.
 */
async function fullEventWithWaitlist(capacity: number, waiting: number) {
  const event = anUpcomingEvent(capacity);
  const seats = initialSeats(gateOf(event), capacity);
  for (const shard of seats.shards) shard.taken = shard.capacity;
  seats.waitlist = { ...seats.waitlist, next: waiting + 1, waiting, full: true };
  const entries = Array.from({ length: waiting }, (_, index) => waitlistEntryItem(event.id, index + 1, newId(), ttlSeconds(retentionEnd(event))));
  await batchPut(client, tableName, [{ ...keys.event(event.id), entity: 'event', ...event }, ...counterItems(event.id, seats), ...entries]);
  return event;
}

/** These events register at once (no address confirmation): the outcome names the seat or place. */
async function registerNow(...args: Parameters<typeof register>) {
  const outcome = await register(...args);
  if (outcome.status === 'pending') throw new Error('Expected an event without address confirmation');
  return outcome;
}

const person = (label: string) => ({ name: `Deelnemer ${label}`, email: uniqueEmail(label), consent: true as const });

async function inBatches<T>(count: number, size: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, offset) => run(start + offset)))));
  }
  return results;
}

describe('what a registration writes', () => {
  it('costs the same small number of write units whether nobody or a thousand people wait', async () => {
    const units: number[] = [];
    for (const waiting of [0, 1000]) {
      const event = await fullEventWithWaitlist(20, waiting);
      // Warm the counters into the hint, then measure one registration's transaction alone.
      await deps.events.getHint(event.id);
      log.clear();
      const outcome = await registerNow(deps, event.id, person(`cost${waiting}`));
      expect(outcome.status).toBe('waitlisted');
      // The waitlist is open (every seat taken): one ticket update and one transaction.
      const transactions = log.calls.filter((call) => call.operation === 'TransactWriteItems');
      expect(transactions).toHaveLength(1);
      units.push(transactions.at(-1)!.capacity.reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0));
    }
    expect(units[0]).toBeGreaterThan(0);
    expect(units[0]).toBeLessThanOrEqual(15);
    expect(units[1]).toBe(units[0]);
  });

  it('keeps every item it writes small: the event item is never part of it', async () => {
    const event = anUpcomingEvent(5);
    await deps.events.create({ ...event, description: 'Een lange beschrijving. '.repeat(400) });
    log.clear();
    await registerNow(deps, event.id, person('small'));
    // A transaction costs 2 units per KB of each item it writes; 5 items of under 1 KB is 10, plus the index entry.
    expect(log.writeUnits('TransactWriteItems')).toBeLessThanOrEqual(12);
  });
});

describe('a waitlist ticket that never became a registration', () => {
  it('holds nobody up: the promoter voids it when it reaches it, positions close up, and a late join with it fails', async () => {
    const event = anUpcomingEvent(2);
    await stackDeps.events.create(event);
    const seated = [await registerNow(stackDeps, event.id, person('seat1')), await registerNow(stackDeps, event.id, person('seat2'))];
    const anna = await registerNow(stackDeps, event.id, person('anna'));
    // A function that took ticket 2 and then died before its transaction.
    const lost = await stackDeps.registrations.takeTicket(event.id, new Date());
    const bram = await registerNow(stackDeps, event.id, person('bram'));
    expect([anna.waitlistPosition, lost, bram.waitlistPosition]).toEqual([1, { outcome: 'ticket', seq: 2 }, 3]);

    // Through the API, so the functions' own grants are what settles the seats.
    for (const { registrationId } of seated) {
      expect((await call('POST', `/admin/events/${event.id}/registrations/${registrationId}/cancel`, { token: inject('organiserToken') })).status).toBe(200);
    }
    await settle();

    const status = new Map((await listRegistrations(stackDeps, ORGANISATION, event.id)).map((item) => [item.registrationId, item.status]));
    expect([status.get(anna.registrationId), status.get(bram.registrationId)]).toEqual(['confirmed', 'confirmed']);
    const seats = await stackDeps.events.seats.read(event.id, { consistent: true });
    expect(seats!.waitlist).toMatchObject({ waiting: 0, promoted: 2, left: 1, promotedThrough: 3 });
    const cas = await registerNow(stackDeps, event.id, person('cas'));
    expect(cas).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const late = await stackDeps.registrations.create(
      { registrationId: newId(), eventId: event.id, name: 'Te laat', email: uniqueEmail('late'), language: 'nl', status: 'waitlisted', createdAt: new Date().toISOString(), consentedAt: new Date().toISOString(), retainUntil: retentionEnd(event), checkInCode: 'LATE-0002', waitlistSeq: 2 },
      { kind: 'waitlisted', seq: 2 },
      mailFor('registration-waitlisted', { eventId: event.id, registrationId: 'late' }, newId(), new Date()),
    );
    expect(late.outcome).toBe('seats-changed');
    // A promoter that read the line before anna was promoted cannot void her ticket afterwards.
    expect(await stackDeps.registrations.voidTicket(event.id, 1, 0)).toBe('joined');
    expect((await stackDeps.events.seats.read(event.id, { consistent: true }))!.waitlist).toMatchObject({ left: 1, promoted: 2 });
  });
});

describe('the promotion cutoff', () => {
  it('gives seats released at the cutoff back to the waitlist when the organiser moves the event later', async () => {
    let now = new Date();
    const clocked: RegistrationDeps & SchedulingDeps = { ...deps, mailings: new MailingRepository(tableName, client), clock: { now: () => now } };
    const event = { ...anUpcomingEvent(1) };
    const created = await createEvent(clocked, ORGANISATION, { title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, venue: event.venue, capacity: 1, promotionCutoff: 'PT2H', emailConfirmation: 'off' });
    const seated = await registerNow(clocked, created.id, person('early'));
    const waiting = await registerNow(clocked, created.id, person('waiting'));

    // An hour before the start, past the cutoff: the freed seat is released to the public.
    now = new Date(Date.parse(event.startsAt) - 3_600_000);
    await cancelForOrganiser(clocked, ORGANISATION, created.id, seated.registrationId);
    expect((await deps.events.seats.read(created.id, { consistent: true }))!.waitlist.full).toBe(false);
    // The organiser moves the event a week later: promotions are open again, and the seat is the waiting person's.
    const later = (iso: string) => new Date(Date.parse(iso) + 7 * 86_400_000).toISOString();
    await updateEvent(clocked, ORGANISATION, created.id, { startsAt: later(event.startsAt), endsAt: later(event.endsAt) });

    const status = new Map((await listRegistrations(clocked, ORGANISATION, created.id)).map((item) => [item.registrationId, item.status]));
    expect(status.get(waiting.registrationId)).toBe('confirmed');
    expect((await register(clocked, created.id, person('newcomer'))).status).toBe('waitlisted');
  });
});

describe('an event split over seat shards', () => {
  it('100 people for 90 seats on three shards: every seat taken once, the rest waiting 1..10 in order, and freed seats go to the first in line', async () => {
    // Three shards of 30, as a 1,500-seat event would have three of 500: the rules do not depend on the size.
    const event = anUpcomingEvent(90);
    const seats = initialSeats(gateOf(event), 90);
    seats.shards = slices(90, 3).map((slice, index) => ({ index, capacity: slice, taken: 0, freed: 0, cancelled: 0 }));
    await batchPut(client, tableName, [{ ...keys.event(event.id), entity: 'event', ...event }, ...counterItems(event.id, seats)]);

    const outcomes = await inBatches(100, 20, (index) => registerNow(deps, event.id, person(`shard${index}`)));

    expect(outcomes.filter((outcome) => outcome.status === 'confirmed')).toHaveLength(90);
    const waiting = outcomes.filter((outcome) => outcome.status === 'waitlisted');
    expect(waiting.map((outcome) => outcome.waitlistPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    const after = await deps.events.seats.read(event.id, { consistent: true });
    expect(after!.shards.map((shard) => [shard.taken, shard.freed])).toEqual([
      [30, 0],
      [30, 0],
      [30, 0],
    ]);

    // Six people with a seat cancel, from every shard; the first six in line get their seats.
    const inLine = [...waiting].sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    const seated = await Promise.all(outcomes.filter((outcome) => outcome.status === 'confirmed').map((outcome) => deps.registrations.get(event.id, outcome.registrationId)));
    const byShard = [0, 1, 2].flatMap((shard) => seated.filter((registration) => registration!.seatShard === shard).slice(0, 2));
    expect(byShard).toHaveLength(6);
    await Promise.all(byShard.map((registration) => cancelForOrganiser(deps, ORGANISATION, event.id, registration!.registrationId)));
    const list = await listRegistrations(deps, ORGANISATION, event.id);
    const status = new Map(list.map((item) => [item.registrationId, item]));
    expect(inLine.slice(0, 6).map((outcome) => status.get(outcome.registrationId)!.status)).toEqual(Array(6).fill('confirmed'));
    expect(inLine.slice(6).map((outcome) => status.get(outcome.registrationId)!.waitlistPosition)).toEqual([1, 2, 3, 4]);
    expect(list.filter((item) => item.status === 'confirmed')).toHaveLength(90);
  });
});
