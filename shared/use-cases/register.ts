import { AlreadyRegistered, NotFound, RegistrationClosed } from '../domain/errors';
import { placementFor, registrationWindow, type EventRecord } from '../domain/event';
import { mailFor } from '../domain/mail';
import { newRegistration, type RegistrationInput } from '../domain/registration';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

/**
 * A placement decided on a stale read is rejected by the event's condition and retried on the
 * event state DynamoDB returned with the rejection. Each retry sees a newer state, and the
 * decision only flips at the capacity boundary, so a few rounds always suffice.
 */
const MAX_PLACEMENT_ROUNDS = 25;

export interface RegistrationOutcome {
  registrationId: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition?: number;
}

function assertOpen(event: EventRecord, now: Date): void {
  const window = registrationWindow(event, now);
  if (window === 'not-open-yet') throw new RegistrationClosed(`Registration opens at ${event.registrationOpensAt}.`);
  if (window === 'closed') throw new RegistrationClosed('Registration for this event has closed.');
}

export async function register(deps: RegistrationDeps, eventId: string, input: RegistrationInput): Promise<RegistrationOutcome> {
  const now = deps.clock.now();
  // A recent copy is enough to decide: the transaction re-checks existence, window and placement.
  let event = await deps.events.getHint(eventId);
  const registrationId = newId();
  for (let round = 0; round < MAX_PLACEMENT_ROUNDS; round++) {
    if (!event) throw new NotFound('This event');
    assertOpen(event, now);
    const placement = placementFor(event, now);
    const registration = newRegistration(input, event, registrationId, placement, now);
    const mailKind = placement === 'confirmed' ? 'registration-confirmed' : 'registration-waitlisted';
    const result = await deps.registrations.create(registration, placement, mailFor(mailKind, { eventId, registrationId }, newId(), now));

    if (result.outcome === 'email-taken') throw new AlreadyRegistered();
    if (result.outcome === 'created') {
      count(BUSINESS_METRICS.registrations);
      if (placement === 'confirmed') return { registrationId, status: 'confirmed' };
      count(BUSINESS_METRICS.waitlisted);
      const waitlist = (await deps.events.waitlistOf(eventId)) ?? [];
      const index = waitlist.indexOf(registrationId);
      return { registrationId, status: 'waitlisted', waitlistPosition: index === -1 ? undefined : index + 1 };
    }
    event = result.event;
    if (event) deps.events.remember(event);
  }
  throw new Error(`Placement for event ${eventId} did not settle after ${MAX_PLACEMENT_ROUNDS} rounds`);
}
