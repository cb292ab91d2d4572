import { NotFound } from '../domain/errors';
import { promotionsOpen, waitlistPosition } from '../domain/event';
import { mailFor, type OutboxMail } from '../domain/mail';
import { accessTokenMatches } from '../domain/personal-link';
import { participantView, type Registration } from '../domain/registration';
import { newId, type RegistrationDeps } from './deps';
import { requireOwnedEvent } from './events';

const MAX_ROUNDS = 25;

export interface CancellationOutcome {
  status: 'cancelled';
}

/**
 * Cancels a registration; a freed seat goes to the head of the waitlist in the same
 * transaction. The plan is made from a consistent read, and remade if any part of it moved
 * (a concurrent cancellation took the same head, someone joined the waitlist, ...).
 * Cancelling twice is the same as once.
 */
async function cancel(deps: RegistrationDeps, eventId: string, registrationId: string): Promise<CancellationOutcome> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [registration, event] = await Promise.all([
      deps.registrations.get(eventId, registrationId),
      deps.events.get(eventId, { consistent: true }),
    ]);
    if (!registration || !event) throw new NotFound('This registration');
    if (registration.status === 'cancelled') return { status: 'cancelled' };

    const now = deps.clock.now();
    const mails: OutboxMail[] = [mailFor('registration-cancelled', { eventId, registrationId }, newId(), now)];
    let waitlistIndex: number | undefined;
    let promote: string | undefined;
    if (registration.status === 'waitlisted') {
      waitlistIndex = event.waitlist.indexOf(registrationId);
      if (waitlistIndex === -1) continue;
    } else if (promotionsOpen(event, now) && event.waitlist.length > 0) {
      promote = event.waitlist[0];
      mails.push(mailFor('registration-promoted', { eventId, registrationId: promote! }, newId(), now));
    }
    const outcome = await deps.registrations.cancel({ registration, waitlistIndex, promote, mails, now });
    if (outcome === 'cancelled') return { status: 'cancelled' };
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
  return cancel(deps, registration.eventId, registrationId);
}

export async function cancelForOrganiser(deps: RegistrationDeps, organisationId: string, eventId: string, registrationId: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  return cancel(deps, eventId, registrationId);
}

/** What the personal page shows: the registration, its event and the current waitlist place. */
export async function ownRegistrationStatus(deps: RegistrationDeps, registrationId: string, token: string | undefined) {
  const registration = await findOwnRegistration(deps, registrationId, token);
  const event = await deps.events.get(registration.eventId, { consistent: true });
  if (!event) throw new NotFound('This registration');
  return { registration, event, view: participantView(registration, waitlistPosition(event, registrationId)) };
}
