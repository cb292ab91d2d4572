import { AlreadyRegistered, NotFound, RegistrationClosed } from '../domain/errors';
import { registrationWindow } from '../domain/event';
import { mailFor } from '../domain/mail';
import { newRegistration, type RegistrationInput } from '../domain/registration';
import { placementFor, type SeatGate } from '../domain/seats';
import { backoff, StillContended } from '../adapters/dynamo/retry';
import { withCounterImage } from '../adapters/dynamo/seat-counters';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

/**
 * A placement decided on a stale read is rejected by its counter's condition and retried on the
 * counter state DynamoDB returned with the rejection. Each retry sees a newer state, and the
 * decision only moves on when a shard fills or the waitlist moves, so a few rounds suffice.
 */
const MAX_PLACEMENT_ROUNDS = 60;

export interface RegistrationOutcome {
  registrationId: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition?: number;
}

function assertOpen(gate: SeatGate, now: Date): void {
  const window = registrationWindow(gate, now);
  if (window === 'not-open-yet') throw new RegistrationClosed(`Registration opens at ${gate.registrationOpensAt}.`);
  if (window === 'closed') throw new RegistrationClosed('Registration for this event has closed.');
}

export async function register(deps: RegistrationDeps, eventId: string, input: RegistrationInput): Promise<RegistrationOutcome> {
  const now = deps.clock.now();
  // A recent copy is enough to decide: the transaction re-checks existence, window and placement.
  let state = await deps.events.getHint(eventId);
  const registrationId = newId();
  for (let round = 0; round < MAX_PLACEMENT_ROUNDS; round++) {
    if (!state) throw new NotFound('This event');
    const { event, seats } = state;
    assertOpen(seats.gate, now);
    const placement = placementFor(seats, now);
    if (placement.kind === 'seal-waitlist') {
      await deps.registrations.sealWaitlist(eventId, seats.shards.map((shard) => shard.index));
      state = await deps.events.getState(eventId, { consistent: true });
      if (state) deps.events.remember(state);
      continue;
    }
    const registration = newRegistration(input, event, registrationId, placement, now);
    const mailKind = placement.kind === 'confirmed' ? 'registration-confirmed' : 'registration-waitlisted';
    const result = await deps.registrations.create(registration, placement, mailFor(mailKind, { eventId, registrationId }, newId(), now));

    if (result.outcome === 'email-taken') throw new AlreadyRegistered();
    if (result.outcome === 'created') {
      count(BUSINESS_METRICS.registrations);
      if (placement.kind === 'confirmed') return { registrationId, status: 'confirmed' };
      count(BUSINESS_METRICS.waitlisted);
      return { registrationId, status: 'waitlisted', waitlistPosition: placement.waitingBefore + 1 };
    }
    state = result.counter ? { event, seats: withCounterImage(seats, result.counter) } : await deps.events.getState(eventId, { consistent: true });
    if (state) deps.events.remember(state);
    // Joining the waitlist is one at a time (each takes the next number): those who lost the race spread out.
    if (placement.kind === 'waitlisted') await backoff(Math.min(round, 5));
  }
  throw new StillContended(`Placement for event ${eventId} did not settle after ${MAX_PLACEMENT_ROUNDS} rounds`);
}
