import { promotableCount, type EventRecord } from '../domain/event';
import { mailFor } from '../domain/mail';
import { MAX_PROMOTIONS_PER_TRANSACTION } from '../adapters/dynamo/registration-repository';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

const MAX_ROUNDS = 50;

/**
 * Gives every free seat to the waitlist, first come first served, in transactions that each
 * re-check the heads they promote, so concurrent callers never promote anyone twice. Called
 * after a cancellation or a capacity increase, and by the promote-waitlist stream function.
 */
export async function fillFreeSeats(deps: RegistrationDeps, eventId: string): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const event = await deps.events.get(eventId, { consistent: true });
    if (!event) return promoted;
    const promotable = Math.min(promotableCount(event, now), MAX_PROMOTIONS_PER_TRANSACTION);
    if (promotable === 0) return promoted;
    const heads = event.waitlist.slice(0, promotable);
    const mails = heads.map((registrationId) => mailFor('registration-promoted', { eventId, registrationId }, newId(), now));
    if ((await deps.registrations.promote({ event, heads, mails, now })) === 'promoted') {
      promoted += heads.length;
      count(BUSINESS_METRICS.promotions, heads.length);
    }
  }
  return promoted;
}

/** Events whose stream image shows a seat that the waitlist may take now. */
export async function fillFreeSeatsOf(deps: RegistrationDeps, events: EventRecord[]): Promise<number> {
  const now = deps.clock.now();
  const due = [...new Map(events.filter((event) => promotableCount(event, now) > 0).map((event) => [event.id, event])).keys()];
  let promoted = 0;
  for (const eventId of due) promoted += await fillFreeSeats(deps, eventId);
  return promoted;
}
