import { Conflict, NotFound } from '../domain/errors';
import { adminEventView, publicEventView, questionsOf, type EventActivityCounts, type EventRecord } from '../domain/event';
import { questionChangeConflict } from '../domain/questions';
import { capacityChange, initialSeats, type SeatState } from '../domain/seats';
import { gateOf } from '../adapters/dynamo/seat-counters';
import { changedEvent, newEvent, type EventChanges, type NewEventInput } from '../domain/event-changes';
import { erasureMailing, noticeMailing, reminderMailings, retentionMailing } from '../domain/mailing';
import { needsRetentionEnd, retentionEnd } from '../domain/registration';
import { newId, type EventsDeps, type RegistrationDeps, type SchedulingDeps } from './deps';
import { scheduleReminders } from './mailings';
import { requireOwnedEvent } from './owned-event';
import { fillFreeSeats } from './promote';

export async function createEvent(deps: SchedulingDeps, organisationId: string, input: NewEventInput) {
  const event = newEvent(input, { id: newId(), organisationId }, deps.clock.now());
  await deps.events.create(event, reminderMailings(event));
  return adminEventView(event, initialSeats(gateOf(event), event.capacity), NO_ACTIVITY);
}

const NO_ACTIVITY: EventActivityCounts = { pending: 0, mail: { delivered: 0, bounced: 0, complained: 0, suppressed: 0 } };

const withSeats = (deps: EventsDeps, event: EventRecord): Promise<SeatState> => deps.events.seatsOf(event, { consistent: true });

/** The event with every count the organiser sees. */
async function organiserView(deps: EventsDeps, event: EventRecord) {
  const [seats, pending, mail] = await Promise.all([withSeats(deps, event), deps.events.activity.pendingCount(event.id), deps.events.activity.mailOutcomes(event.id)]);
  return adminEventView(event, seats, { pending, mail });
}

export async function listEvents(deps: EventsDeps, organisationId: string) {
  const events = await deps.events.listByOrganisation(organisationId);
  return { items: await Promise.all(events.map((event) => organiserView(deps, event))) };
}

/** How long after its end an event stays on the door's list: late arrivals are checked in after the start. */
const DOOR_GRACE_MS = 12 * 3600_000;

/** The events door staff may open the door of: not called off and not long over, soonest first. */
export async function listDoorEvents(deps: EventsDeps, organisationId: string) {
  const now = deps.clock.now().getTime();
  const events = await deps.events.listByOrganisation(organisationId);
  return {
    items: events
      .filter((event) => !event.cancelledAt && Date.parse(event.endsAt) + DOOR_GRACE_MS > now)
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((event) => ({ id: event.id, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone, venue: event.venue })),
  };
}

export async function getEventForOrganiser(deps: EventsDeps, organisationId: string, eventId: string) {
  return organiserView(deps, await requireOwnedEvent(deps, organisationId, eventId));
}

export async function getPublicEvent(deps: EventsDeps, eventId: string) {
  const state = await deps.events.getState(eventId);
  if (!state || state.event.deletedAt) throw new NotFound('This event');
  return publicEventView(state.event, state.seats, deps.clock.now());
}

const MAX_UPDATE_ROUNDS = 5;

/**
 * An organiser's PATCH. More capacity promotes as many as now fit; reminders follow a moved
 * start; a new time or place is mailed to everyone with a seat, with an updated calendar file.
 */
export async function updateEvent(deps: RegistrationDeps & SchedulingDeps, organisationId: string, eventId: string, changes: EventChanges) {
  for (let round = 0; round < MAX_UPDATE_ROUNDS; round++) {
    const event = await requireOwnedEvent(deps, organisationId, eventId);
    const seats = await withSeats(deps, event);
    const now = deps.clock.now();
    const next = changedEvent(event, changes, now);
    if (changes.questions) await refuseQuestionChangesThatLoseAnswers(deps, event, next);
    const capacity = capacityChange(seats, next.capacity);
    if (capacity === 'below-held') {
      const held = seats.shards.reduce((sum, shard) => sum + shard.taken, 0);
      throw new Conflict(
        'capacity-below-confirmed',
        'Capacity below confirmed seats',
        `${held} seats are taken or kept for the waitlist; cancel registrations before lowering the capacity to ${next.capacity}.`,
      );
    }
    const followUps = [
      // The data's deletion follows the event: a moved end or a new retention moves every expiry.
      ...(retentionEnd(next) !== retentionEnd(event) || needsRetentionEnd(next) !== needsRetentionEnd(event) ? [retentionMailing(next, now)] : []),
      ...(next.calendarSequence !== event.calendarSequence ? [noticeMailing(next, 'event-moved', now)] : []),
    ];
    if ((await deps.events.update(event, next, capacity, seats, followUps)) === 'updated') {
      // Scheduling every wanted reminder again is harmless, so a retried change that finds nothing to change still does it.
      await scheduleReminders(deps, next, event);
      // The stream function finishes what does not fit in the request.
      await fillFreeSeats(deps, eventId, { budgetMs: 5000 });
      return getEventForOrganiser(deps, organisationId, eventId);
    }
  }
  throw new Conflict('event-changed', 'The event changed meanwhile', 'Someone else changed this event at the same time. Please try again.');
}

/** Calls the event off: registration closes, reminders stop, and every registrant is told. */
export async function cancelEvent(deps: SchedulingDeps, organisationId: string, eventId: string) {
  for (let round = 0; round < MAX_UPDATE_ROUNDS; round++) {
    const event = await requireOwnedEvent(deps, organisationId, eventId);
    if (event.cancelledAt) return getEventForOrganiser(deps, organisationId, eventId);
    const now = deps.clock.now();
    // The notice needs only the event's id; the event as read serves, no second read.
    if (await deps.events.markCancelled(event, await withSeats(deps, event), now, noticeMailing(event, 'event-cancelled', now))) {
      return getEventForOrganiser(deps, organisationId, eventId);
    }
  }
  throw new Conflict('event-changed', 'The event changed meanwhile', 'Someone else changed this event at the same time. Please try again.');
}

/**
 * Deletes an event that is over: it leaves every list and page, and a job erases every
 * registration's personal data within minutes (an anonymous record keeps the counts). Before
 * the end an event is cancelled, not deleted: people hold seats for it.
 */
export async function deleteEvent(deps: SchedulingDeps, organisationId: string, eventId: string): Promise<{ status: 'deleted' }> {
  const event = await requireOwnedEvent(deps, organisationId, eventId);
  const now = deps.clock.now();
  if (now.toISOString() < event.endsAt) {
    throw new Conflict('event-not-ended', 'The event has not ended', 'An event can be deleted once it is over. Until then, cancel it: everyone registered is told.');
  }
  await deps.events.markDeleted(event, now, erasureMailing(event, now));
  return { status: 'deleted' };
}

/** A question someone answered keeps its meaning: see questionChangeConflict. Only read when the questions change. */
async function refuseQuestionChangesThatLoseAnswers(deps: RegistrationDeps, event: EventRecord, next: EventRecord): Promise<void> {
  const answered = (await deps.registrations.listByEvent(event.id)).flatMap((registration) => (registration.answers ? [registration.answers] : []));
  const conflict = questionChangeConflict(questionsOf(event), questionsOf(next), answered);
  if (conflict) throw new Conflict('question-answered', 'The question has answers', conflict);
}
