import { firstInLine, freedSeatsPlans, waitlistLostItsClaim } from '../domain/seats';
import type { SeatStateAsRead } from '../adapters/dynamo/seat-counters';
import { backoff } from '../adapters/dynamo/retry';
import { ttlSeconds } from '../adapters/dynamo/ttl';
import { mailFor } from '../domain/mail';
import { MAX_PROMOTIONS_PER_TRANSACTION } from '../adapters/dynamo/registration-repository';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

const MAX_ROUNDS = 50;
/**
 * How long a request that freed a seat (a cancellation, a withdrawn hold) spends handing it on:
 * usually one transaction. When many free seats at once, the table-changes stream function
 * finishes the work.
 */
export const INLINE_PROMOTION_BUDGET_MS = 3000;
/** How long a ticket may stay without its registration before it is taken for lost (a join takes milliseconds). */
const UNRESOLVED_TICKET_GRACE_MS = 2000;
/** How long the marker of a voided ticket is kept: as long as positions behind it may be asked for. */
const UNRESOLVED_TICKET_MARKER_DAYS = 400;

/**
 * Settles every freed seat: given to the waitlist, first come first served, or released to
 * whoever registers when nobody waits (or the promotion cutoff has passed). Each step is a
 * transaction that re-checks what it read, so concurrent callers never promote anyone twice.
 * Called after a cancellation or a capacity change, within a time budget that leaves the request
 * its answer (the stream function finishes what it leaves), and by the table-changes stream function.
 *
 * A request (one with a budget) hands on rather than competes. Whoever commits a promotion reads
 * the counters again afterwards and goes on while seats are freed, so a request that finds a
 * promotion it did not make since its last read of the counters stops: that promoter read, or
 * will read, after every seat this request freed, and settles it (or, out of time, leaves it to
 * the stream function, which follows every freed seat). Requests that backed off and tried again
 * instead made most promotion transactions fail in a storm of cancellations: 25 at a time, 883
 * of 1,006 found the line moved, each after three reads.
 *
 * `freedBy`: the cancellation that calls, and the shard of the seat it freed. Each cancellation
 * signs its shard (`lastFreedBy`); one that finds a later one's signature leaves the promoting to
 * it: that request reads the counters after it freed its own seat, so after this one's too, and
 * promotes them, or leaves them to a later one in turn. So of cancellations at the same moment,
 * the last promotes for all, and the others answer after one read instead of racing for the
 * counter. A shard rewritten without a signature (the event's counters rewritten whole) signs
 * for nobody, and every request promotes.
 */
export async function fillFreeSeats(deps: RegistrationDeps, eventId: string, options: { budgetMs?: number; freedBy?: { registrationId: string; shard: number } } = {}): Promise<{ promoted: number; settled: boolean }> {
  let promoted = 0;
  let waitingFor: { seq: number; since: number } | undefined;
  const handsOn = options.budgetMs !== undefined;
  const stopBy = Date.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  /** The counter's `promoted` after this caller's last read and its own promotions since. */
  let promotedAsKnown: number | undefined;
  for (let round = 0; round < MAX_ROUNDS && Date.now() < stopBy; round++) {
    const now = deps.clock.now();
    const seats = await deps.events.seats.readForPromotion(eventId);
    if (handsOn && seats && promotedAsKnown !== undefined && seats.waitlist.promoted > promotedAsKnown) return { promoted, settled: false };
    promotedAsKnown = seats?.waitlist.promoted;
    if (seats && waitlistLostItsClaim(seats, now)) {
      await settledOrBackOff(await deps.registrations.reserveForWaitlist(eventId, seats.shards), round);
      continue;
    }
    const plan = seats && freedSeatsPlans(seats, now, MAX_PROMOTIONS_PER_TRANSACTION)[0];
    if (!seats || !plan) return { promoted, settled: true };
    if (round === 0 && options.freedBy && plan.kind === 'promote' && freedLaterByAnother(seats, options.freedBy)) return { promoted, settled: false };
    if (plan.kind === 'release') {
      await settledOrBackOff(await deps.registrations.release(eventId, plan.shard, plan.count, seats.waitlist, now), round);
      continue;
    }
    // Read after the counter, so every departure the counter counts is visible too.
    const [found, departed] = await Promise.all([
      deps.events.seats.waitingHeads(eventId, plan.count),
      deps.events.seats.departuresBetween(eventId, seats.waitlist.promotedThrough + 1, seats.waitlist.next),
    ]);
    const line = firstInLine(seats.waitlist, departed, found);
    if (line.unresolved !== undefined) {
      // A ticket ahead is not a registration yet. A join in flight becomes one within moments;
      // one that stays unresolved past the grace never will (its function died): it gives up its place.
      if (waitingFor?.seq !== line.unresolved) waitingFor = { seq: line.unresolved, since: now.getTime() };
      if (now.getTime() - waitingFor.since < UNRESOLVED_TICKET_GRACE_MS) {
        await backoff(5);
        continue;
      }
      await deps.registrations.voidTicket(eventId, line.unresolved, ttlSeconds(new Date(now.getTime() + UNRESOLVED_TICKET_MARKER_DAYS * 86_400_000).toISOString()));
      continue;
    }
    const heads = found.slice(0, line.promotable);
    // The counter says people wait, yet nobody is first in line: look again later rather than call it settled.
    if (heads.length === 0) return { promoted, settled: false };
    const mails = heads.map((head) => mailFor('registration-promoted', { eventId, registrationId: head.registrationId }, newId(), now));
    const outcome = await deps.registrations.promote({ eventId, shard: plan.shard, heads, counter: seats.waitlist, mails, now });
    if (outcome === 'promoted') {
      promoted += heads.length;
      promotedAsKnown = seats.waitlist.promoted + heads.length;
      count(BUSINESS_METRICS.promotions, heads.length);
    }
    await settledOrBackOff(outcome, round);
  }
  return { promoted, settled: false };
}

/** Another cancellation freed a seat on this shard after the caller's own. */
function freedLaterByAnother(seats: SeatStateAsRead, freedBy: { registrationId: string; shard: number }): boolean {
  const signature = seats.lastFreedBy.get(freedBy.shard);
  return signature !== undefined && signature !== freedBy.registrationId;
}

/**
 * Several promoters run at once after simultaneous cancellations; when another one moved the
 * line first, this one waits a little before it looks again instead of storming the counters.
 */
async function settledOrBackOff(outcome: string, round: number): Promise<void> {
  if (outcome === 'changed') await backoff(Math.min(round + 1, 5));
}

/**
 * Events whose seat counters changed, as the stream saw them: settled one by one. Seats freed
 * after an event was settled bring a stream record of their own, so only running out of rounds
 * (heavy contention) fails the batch, for the stream to deliver it again.
 */
export async function fillFreeSeatsOf(deps: RegistrationDeps, eventIds: string[]): Promise<number> {
  let promoted = 0;
  for (const eventId of new Set(eventIds)) {
    const outcome = await fillFreeSeats(deps, eventId);
    promoted += outcome.promoted;
    if (!outcome.settled) throw new Error(`Freed seats of event ${eventId} are not settled yet`);
  }
  return promoted;
}
