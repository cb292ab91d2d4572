import { Conflict, NotFound } from '../domain/errors';
import { mailFor } from '../domain/mail';
import { isUnconfirmed, visibleStatus, type Registration } from '../domain/registration';
import { logger } from '../observability/logger';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';
import { findOwnRegistration } from './cancel';
import { requireOwnedEvent } from './owned-event';
import { fillFreeSeats, INLINE_PROMOTION_BUDGET_MS } from './promote';
import { firstMailOf } from './register';

const MAX_ROUNDS = 10;

const eventCalledOff = () => new Conflict('event-cancelled', 'Event cancelled', 'This event has been called off: there is nothing left to confirm.');

export interface ConfirmationOutcome {
  registrationId: string;
  status: 'confirmed' | 'waitlisted';
}

/**
 * The address's owner clicked the button in the confirmation request. The hold ends and the
 * mail the registration would have had at once goes out, for what it holds now (a waiting
 * person may have been promoted meanwhile). Confirming twice is the same as once.
 */
async function confirm(deps: RegistrationDeps, registration: Registration): Promise<ConfirmationOutcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (registration.status === 'cancelled') throw new NotFound('This registration');
    if (!isUnconfirmed(registration)) return { registrationId: registration.registrationId, status: registration.status };
    // Its notice was withheld from the unconfirmed address; confirming now would send a calendar entry for nothing.
    if ((await deps.events.get(registration.eventId))?.cancelledAt) throw eventCalledOff();
    const now = deps.clock.now();
    const kind = firstMailOf({ status: registration.status });
    const mail = mailFor(kind, { eventId: registration.eventId, registrationId: registration.registrationId }, newId(), now);
    if ((await deps.registrations.confirmAddress(registration, mail, now)) === 'confirmed') {
      count(BUSINESS_METRICS.addressesConfirmed);
      return { registrationId: registration.registrationId, status: registration.status };
    }
    const current = await deps.registrations.get(registration.eventId, registration.registrationId);
    // The hold lapsed and was released between the click and now.
    if (!current) throw new NotFound('This registration');
    registration = current;
  }
  throw new Error(`Confirmation of ${registration.registrationId} did not settle after ${MAX_ROUNDS} rounds`);
}

export async function confirmOwnAddress(deps: RegistrationDeps, registrationId: string, token: string | undefined): Promise<ConfirmationOutcome> {
  return confirm(deps, await findOwnRegistration(deps, registrationId, token));
}

/** An organiser who knows the person (they phoned, the mail was lost) confirms on their behalf. */
export async function confirmForOrganiser(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string): Promise<ConfirmationOutcome> {
  await requireOwnedEvent(deps, organisationId, eventId);
  const registration = await deps.registrations.get(eventId, registrationId);
  if (!registration) throw new NotFound('This registration');
  return confirm(deps, registration);
}

/**
 * Gives an unconfirmed registration's place up and deletes it; a freed seat goes to the
 * waitlist: at once when someone withdraws it, by the table-changes stream function when the
 * sweep releases hundreds (a promotion per release would only slow the sweep down).
 */
export async function releaseHold(deps: RegistrationDeps, registration: Registration, options: { promoteInline: boolean }): Promise<'released' | 'changed'> {
  const outcome = await deps.registrations.releaseHold(registration);
  if (outcome === 'released') {
    count(BUSINESS_METRICS.holdsReleased);
    if (options.promoteInline && registration.status === 'confirmed') {
      await fillFreeSeats(deps, registration.eventId, { budgetMs: INLINE_PROMOTION_BUDGET_MS }).catch((error: Error) =>
        logger.warn('Promotion after a released hold deferred', { eventId: registration.eventId, error }),
      );
    }
  }
  return outcome;
}

/**
 * The sweep: every hold whose confirmation window has passed is released, as a cancellation
 * would release it. A hold is released at most once (its transaction is conditioned on the
 * registration still being unconfirmed), so sweeps that overlap or run twice do no harm.
 */
export async function releaseLapsedHolds(deps: RegistrationDeps, options: { limit: number; stopBy: number }): Promise<number> {
  let released = 0;
  for (const hold of await deps.events.activity.lapsedHolds(deps.clock.now(), options.limit)) {
    if (Date.now() >= options.stopBy) break;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const registration = await deps.registrations.get(hold.eventId, hold.registrationId);
      if (!registration || visibleStatus(registration) !== 'pending') {
        await deps.events.activity.dropHold(hold.eventId, hold.registrationId);
        break;
      }
      // Confirmed at the last moment, or promoted meanwhile: look again.
      if ((await releaseHold(deps, registration, { promoteInline: false })) === 'released') {
        released++;
        break;
      }
    }
  }
  return released;
}
