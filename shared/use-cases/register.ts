import { AlreadyRegistered, NotFound, RegistrationClosed, ValidationFailed } from '../domain/errors';
import { answerErrors } from '../domain/questions';
import { questionsOf, registrationWindow, requiresAddressConfirmation, type EventRecord } from '../domain/event';
import { mailFor, rateLimitedMailId, type OutboxMail } from '../domain/mail';
import { isUnconfirmed, newRegistration, type Registration, type RegistrationInput } from '../domain/registration';
import { placementFor, type SeatGate } from '../domain/seats';
import type { EventState } from '../adapters/dynamo/event-repository';
import { backoff, StillContended } from '../adapters/dynamo/retry';
import { retryTransient } from '../adapters/aws-errors';
import { ttlSeconds } from '../adapters/dynamo/ttl';
import { withCounterImage } from '../adapters/dynamo/seat-counters';
import { isRetryOf, retryKeyOf, type LockHolder, type RetryKey } from '../adapters/dynamo/idempotency';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import { newId, type RegistrationDeps } from './deps';

/**
 * A placement decided on a stale read is rejected by its counter's condition and retried on the
 * counter state DynamoDB returned with the rejection. Each retry sees a newer state, and the
 * decision only moves on when a shard fills or the waitlist opens, so a few rounds suffice.
 */
const MAX_PLACEMENT_ROUNDS = 40;

export type RegistrationOutcome =
  | { registrationId: string; status: 'confirmed' | 'waitlisted'; waitlistPosition?: number }
  /** Held until the address is confirmed; or the address was registered already (the same answer). */
  | { status: 'pending' };

const PENDING = { status: 'pending' } as const;

function assertOpen(gate: SeatGate, now: Date): void {
  const window = registrationWindow(gate, now);
  if (window === 'not-open-yet') throw new RegistrationClosed(`Registration opens at ${gate.registrationOpensAt}.`);
  if (window === 'closed') throw new RegistrationClosed('Registration for this event has closed.');
}

/**
 * How a request may be retried: with an `Idempotency-Key` header, and/or with its body as the
 * key (an API client's plain retry). The hosted form sends neither: a browser's repeated post
 * is told the address is registered (its mail is on its way).
 */
export interface RetryOptions {
  idempotencyKey?: string;
  /** The body alone identifies a retry (JSON clients); ignored when there is a key. */
  byBody: boolean;
}

export async function register(deps: RegistrationDeps, eventId: string, input: RegistrationInput, retry?: RetryOptions): Promise<RegistrationOutcome> {
  const now = deps.clock.now();
  const retryKey = retry && (retry.idempotencyKey !== undefined || retry.byBody) ? retryKeyOf(eventId, input, retry.idempotencyKey, now) : undefined;
  // A recent copy is enough to decide: the transaction re-checks existence, window and placement.
  let state = await deps.events.getHint(eventId);
  if (state && answerErrors(questionsOf(state.event), input.answers ?? {}).length > 0) {
    // The copy may be a second old, from before the organiser changed the questions: refuse only on the event as it is.
    state = await refreshed(deps, eventId);
    const errors = state ? answerErrors(questionsOf(state.event), input.answers ?? {}) : [];
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
  const registrationId = newId();
  for (let round = 0; round < MAX_PLACEMENT_ROUNDS; round++) {
    if (!state) throw new NotFound('This event');
    const { event, seats } = state;
    assertOpen(seats.gate, now);
    const decided = placementFor(seats, now);
    if (decided.kind === 'seal-waitlist') {
      // Everyone at the sell-out tries at once: those who lost spread out before looking again.
      if ((await deps.registrations.sealWaitlist(eventId, seats.shards.map((shard) => shard.index))) === 'changed') await backoff(Math.min(round + 1, 5));
      state = await refreshed(deps, eventId);
      continue;
    }
    let placement: { kind: 'confirmed'; shard: number } | { kind: 'waitlisted'; seq: number };
    if (decided.kind === 'waitlisted') {
      // A ticket taken for an address already registered would only be voided again; the
      // transaction still decides, this only spares the waitlist the churn.
      const holder = await deps.registrations.emailLock(eventId, input.email);
      if (holder !== undefined) return isRetryOf(holder, retryKey, now) ? answerAgain(deps, holder) : alreadyRegistered(deps, event, input.email, now);
      const ticket = await deps.registrations.takeTicket(eventId, now);
      if (ticket.outcome === 'closed') {
        state = ticket.counter ? remembered(deps, { event, seats: withCounterImage(seats, ticket.counter) }) : await refreshed(deps, eventId);
        continue;
      }
      placement = { kind: 'waitlisted', seq: ticket.seq };
    } else {
      placement = decided;
    }
    const registration = newRegistration(input, event, registrationId, placement, now);
    const result = await createOrVoid(deps, registration, placement, mailFor(firstMailOf(registration), { eventId, registrationId }, newId(), now), retryKey);

    if (result.outcome === 'email-taken') return isRetryOf(result.holder, retryKey, now) ? answerAgain(deps, result.holder) : alreadyRegistered(deps, event, input.email, now);
    if (result.outcome === 'created') {
      count(BUSINESS_METRICS.registrations);
      if (isUnconfirmed(registration)) return PENDING;
      if (placement.kind === 'confirmed') return { registrationId, status: 'confirmed' };
      count(BUSINESS_METRICS.waitlisted);
      return { registrationId, status: 'waitlisted', waitlistPosition: await positionAfterCommit(deps, eventId, placement.seq) };
    }
    state = result.counter ? remembered(deps, { event, seats: withCounterImage(seats, result.counter) }) : await refreshed(deps, eventId);
  }
  throw new StillContended(`Placement for event ${eventId} did not settle after ${MAX_PLACEMENT_ROUNDS} rounds`);
}

/** Attempts at the work that must follow a transaction (reading the position it gave, voiding a ticket it did not use). */
const POSITION_READ_ATTEMPTS = 6;

/**
 * The position of a waitlist place that is registered already. Its registration committed, so a
 * throttled or timed-out read must not turn into a 503 (a 503 says nothing happened): it is read
 * again with backoff, and only if it still fails is the error the client's to retry (the retry
 * then finds its own registration, see answerAgain).
 */
function positionAfterCommit(deps: RegistrationDeps, eventId: string, seq: number): Promise<number | undefined> {
  return retryTransient(() => deps.events.seats.positionOf(eventId, seq), POSITION_READ_ATTEMPTS);
}

/**
 * A retry of a request that did register (its answer was lost, or it came back with a 503 after
 * the transaction committed): the same answer, from the registration as it stands now. Nothing
 * is written and no mail is sent again.
 */
async function answerAgain(deps: RegistrationDeps, holder: LockHolder): Promise<RegistrationOutcome> {
  const registration = await deps.registrations.findById(holder.registrationId);
  if (!registration) throw new StillContended(`The registration ${holder.registrationId} of a retried request is not readable yet`);
  if (isUnconfirmed(registration)) return PENDING;
  if (registration.status === 'confirmed') return { registrationId: registration.registrationId, status: 'confirmed' };
  if (registration.status === 'waitlisted' && registration.waitlistSeq !== undefined) {
    return { registrationId: registration.registrationId, status: 'waitlisted', waitlistPosition: await deps.events.seats.positionOf(registration.eventId, registration.waitlistSeq) };
  }
  // A lock that holds its address belongs to a live registration; anything else is not a retry's to answer.
  throw new StillContended(`The registration ${holder.registrationId} of a retried request is ${registration.status}`);
}

/** The mail a registration gets at once: the request to confirm the address, or what it holds. */
export const firstMailOf = (registration: Pick<Registration, 'status' | 'confirmBy'>) =>
  isUnconfirmed(registration) ? 'confirm-address' : registration.status === 'confirmed' ? 'registration-confirmed' : 'registration-waitlisted';

/**
 * An address registered already. Where addresses are confirmed, the requester hears what a new
 * registration hears, and the address's owner gets a mail instead (their personal link, or the
 * confirmation request again), at most one an hour, so the form cannot be used to tell who
 * registered nor to flood someone's inbox. Without confirmation, the 409 stays.
 */
async function alreadyRegistered(deps: RegistrationDeps, event: EventRecord, email: string, now: Date): Promise<RegistrationOutcome> {
  if (!requiresAddressConfirmation(event)) throw new AlreadyRegistered();
  const registrationId = await deps.registrations.emailHolder(event.id, email);
  const registration = registrationId && (await deps.registrations.findById(registrationId));
  if (registration) {
    const kind = isUnconfirmed(registration) ? 'confirm-address' : 'already-registered';
    await deps.registrations.queueMailOnce(mailFor(kind, { eventId: event.id, registrationId: registration.registrationId }, rateLimitedMailId(kind, registration.registrationId, now), now));
  }
  return PENDING;
}

/** A waitlist ticket whose registration does not go through is voided, so nobody behind it waits for it. */
async function createOrVoid(
  deps: RegistrationDeps,
  registration: Registration,
  placement: { kind: 'confirmed'; shard: number } | { kind: 'waitlisted'; seq: number },
  mail: OutboxMail,
  retryKey: RetryKey | undefined,
) {
  try {
    const result = await deps.registrations.create(registration, placement, mail, retryKey);
    if (placement.kind === 'waitlisted' && result.outcome !== 'created') await voidTicket(deps, registration, placement.seq);
    return result;
  } catch (error) {
    if (placement.kind === 'waitlisted') await voidTicket(deps, registration, placement.seq).catch(() => undefined);
    throw error;
  }
}

/**
 * Voided at once, throttled or not: a ticket left unresolved holds a place that nobody has (the
 * positions behind it count one too many until the promoter voids it), so a transient failure is
 * tried again with backoff before giving up.
 */
function voidTicket(deps: RegistrationDeps, registration: Registration, seq: number) {
  return retryTransient(() => deps.registrations.voidTicket(registration.eventId, seq, ttlSeconds(registration.retainUntil)), POSITION_READ_ATTEMPTS);
}

function remembered(deps: RegistrationDeps, state: EventState): EventState {
  deps.events.remember(state);
  return state;
}

async function refreshed(deps: RegistrationDeps, eventId: string): Promise<EventState | undefined> {
  const state = await deps.events.getState(eventId, { consistent: true });
  return state && remembered(deps, state);
}
