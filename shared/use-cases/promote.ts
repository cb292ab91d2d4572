import { freedSeatsPlans } from '../domain/seats';
import { mailFor } from '../domain/mail';
import { MAX_PROMOTIONS_PER_TRANSACTION } from '../adapters/dynamo/registration-repository';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

const MAX_ROUNDS = 50;

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
      await deps.registrations.release(eventId, plan.shard, plan.count, now);
      continue;
    }
    // Read after the counter: every entry numbered below its `next` is committed and visible.
    const heads = (await deps.events.seats.waitingHeads(eventId, plan.count)).filter((head) => head.seq < seats.waitlist.next);
    if (heads.length === 0) continue;
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
