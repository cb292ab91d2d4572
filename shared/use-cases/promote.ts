import { firstInLine, freedSeatsPlans } from '../domain/seats';
import { ttlSeconds } from '../adapters/dynamo/ttl';
import { mailFor } from '../domain/mail';
import { MAX_PROMOTIONS_PER_TRANSACTION } from '../adapters/dynamo/registration-repository';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

const MAX_ROUNDS = 50;
/** How long the marker of a voided ticket is kept: as long as positions behind it may be asked for. */
const UNRESOLVED_TICKET_MARKER_DAYS = 400;

/**
 * Settles every freed seat: given to the waitlist, first come first served, or released to
 * whoever registers when nobody waits (or the promotion cutoff has passed). Each step is a
 * transaction that re-checks what it read, so concurrent callers never promote anyone twice.
 * Called after a cancellation or a capacity change, and by the promote-waitlist stream function.
 */
export async function fillFreeSeats(deps: RegistrationDeps, eventId: string): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const seats = await deps.events.seats.read(eventId, { consistent: true });
    const plan = seats && freedSeatsPlans(seats, now, MAX_PROMOTIONS_PER_TRANSACTION)[0];
    if (!seats || !plan) return promoted;
    if (plan.kind === 'release') {
      await deps.registrations.release(eventId, plan.shard, plan.count, seats.waitlist, now);
      continue;
    }
    // Read after the counter, so every departure the counter counts is visible too.
    const [found, departed] = await Promise.all([
      deps.events.seats.waitingHeads(eventId, plan.count),
      deps.events.seats.departuresBetween(eventId, seats.waitlist.promotedThrough + 1, seats.waitlist.next),
    ]);
    const line = firstInLine(seats.waitlist, departed, found);
    if (line.unresolved !== undefined) {
      // A ticket ahead never became a registration (or is still becoming one): it gives up its place.
      await deps.registrations.voidTicket(eventId, line.unresolved, ttlSeconds(new Date(now.getTime() + UNRESOLVED_TICKET_MARKER_DAYS * 86_400_000).toISOString()));
      continue;
    }
    const heads = found.slice(0, line.promotable);
    if (heads.length === 0) return promoted;
    const mails = heads.map((head) => mailFor('registration-promoted', { eventId, registrationId: head.registrationId }, newId(), now));
    if ((await deps.registrations.promote({ eventId, shard: plan.shard, heads, counter: seats.waitlist, mails, now })) === 'promoted') {
      promoted += heads.length;
      count(BUSINESS_METRICS.promotions, heads.length);
    }
  }
  return promoted;
}

/** Events whose seat counters changed, as the stream saw them: settled one by one. */
export async function fillFreeSeatsOf(deps: RegistrationDeps, eventIds: string[]): Promise<number> {
  let promoted = 0;
  for (const eventId of new Set(eventIds)) promoted += await fillFreeSeats(deps, eventId);
  return promoted;
}
