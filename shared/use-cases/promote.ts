import { promotableCount } from '../domain/event';
import { mailFor } from '../domain/mail';
import { MAX_PROMOTIONS_PER_TRANSACTION } from '../adapters/dynamo/registration-repository';
import { newId, type RegistrationDeps } from './deps';

const MAX_ROUNDS = 50;

/**
 * Gives every free seat to the waitlist, first come first served, in transactions that each
 * re-check the heads they promote. Used when capacity grows; cancellations promote inline.
 */
export async function fillFreeSeats(deps: RegistrationDeps, eventId: string): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const event = await deps.events.get(eventId, { consistent: true });
    if (!event) return promoted;
    const count = Math.min(promotableCount(event, now), MAX_PROMOTIONS_PER_TRANSACTION);
    if (count === 0) return promoted;
    const heads = event.waitlist.slice(0, count);
    const mails = heads.map((registrationId) => mailFor('registration-promoted', { eventId, registrationId }, newId(), now));
    if ((await deps.registrations.promote({ event, heads, mails, now })) === 'promoted') promoted += count;
  }
  return promoted;
}
