import { NotFound } from '../domain/errors';
import { mailFor } from '../domain/mail';
import { accessTokenMatches } from '../domain/personal-link';
import { isUnconfirmed, participantView, type Registration } from '../domain/registration';
import { releaseHold } from './address-confirmation';
import { newId, type RegistrationDeps } from './deps';
import { waitlistPositionOf } from './registrations';
import { requireOwnedEvent } from './owned-event';
import { fillFreeSeats, INLINE_PROMOTION_BUDGET_MS } from './promote';
import { networkFor, networkJson } from './network';
import { logger } from '../observability/logger';

const MAX_ROUNDS = 25;

export interface CancellationOutcome {
  status: 'cancelled';
}

/**
 * Cancels a registration, then hands a freed seat to the waitlist. The cancellation is one
 * transaction made from a consistent read (remade if the registration moved meanwhile, say it
 * was promoted); the seat stays reserved until fillFreeSeats gives it to the first in line or
 * releases it, here at once, or else by the table-changes stream function. Cancelling twice
 * is the same as once. `asRead`: the registration as the caller just read it (consistently),
 * used for the first round instead of reading it again.
 */
export async function cancel(
  deps: RegistrationDeps,
  eventId: string,
  registrationId: string,
  options: { tell: boolean; asRead?: Registration | undefined } = { tell: true },
): Promise<CancellationOutcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const registration = round === 0 && 'asRead' in options ? options.asRead : await deps.registrations.get(eventId, registrationId);
    if (!registration) throw new NotFound('This registration');
    if (registration.status === 'cancelled') return { status: 'cancelled' };
    // Nobody was ever told about an unconfirmed registration: withdrawing it leaves nothing behind.
    if (isUnconfirmed(registration)) {
      if ((await releaseHold(deps, registration, { promoteInline: true })) !== 'changed') return { status: 'cancelled' };
      continue;
    }

    const now = deps.clock.now();
    const mails = options.tell ? [mailFor('registration-cancelled', { eventId, registrationId }, newId(), now)] : [];
    if ((await deps.registrations.cancel({ registration, mails, now })) === 'cancelled') {
      if (registration.status === 'confirmed') {
        // The cancellation stands either way; if this fails, the table-changes function retries it.
        await fillFreeSeats(deps, eventId, { budgetMs: INLINE_PROMOTION_BUDGET_MS, freedBy: { registrationId, shard: registration.seatShard ?? 0 } }).catch((error: Error) => logger.warn('Promotion after cancellation deferred', { eventId, error }));
      }
      return { status: 'cancelled' };
    }
  }
  throw new Error(`Cancellation of ${registrationId} did not settle after ${MAX_ROUNDS} rounds`);
}

/** The participant's own registration, proven by the token from their mail; anything else is a 404. */
export async function findOwnRegistration(deps: RegistrationDeps, registrationId: string, token: string | undefined): Promise<Registration> {
  const registration = token ? await deps.registrations.findById(registrationId) : undefined;
  if (!registration || !accessTokenMatches(token, registration.accessTokenHashes)) throw new NotFound('This registration');
  return registration;
}

export async function cancelOwnRegistration(deps: RegistrationDeps, registrationId: string, token: string | undefined) {
  const registration = await findOwnRegistration(deps, registrationId, token);
  return cancel(deps, registration.eventId, registrationId, { tell: true, asRead: registration });
}

export async function cancelForOrganiser(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string) {
  // The ownership check and the first read of the registration at once: nothing is written before both are back.
  const [, registration] = await Promise.all([requireOwnedEvent(deps, organisationId, eventId), deps.registrations.get(eventId, registrationId)]);
  return cancel(deps, eventId, registrationId, { tell: true, asRead: registration });
}

/** What the personal page shows: the registration, its event, the current waitlist place and, for a confirmed participant, the participant list. */
export async function ownRegistrationStatus(deps: RegistrationDeps, registrationId: string, token: string | undefined) {
  const registration = await findOwnRegistration(deps, registrationId, token);
  const event = await deps.events.get(registration.eventId, { consistent: true });
  if (!event) throw new NotFound('This registration');
  const [position, network] = await Promise.all([waitlistPositionOf(deps, registration), networkFor(deps, registration, event)]);
  return { registration, event, network, view: { ...participantView(registration, position), ...networkJson(network) } };
}
