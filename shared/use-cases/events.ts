import { Conflict, NotFound } from '../domain/errors';
import { adminEventView, publicEventView, type EventRecord } from '../domain/event';
import { changedEvent, newEvent, type EventChanges, type NewEventInput } from '../domain/event-changes';
import { newId, type EventsDeps, type RegistrationDeps } from './deps';
import { fillFreeSeats } from './promote';

export async function createEvent(deps: EventsDeps, organisationId: string, input: NewEventInput) {
  const event = newEvent(input, { id: newId(), organisationId }, deps.clock.now());
  await deps.events.create(event);
  return adminEventView(event);
}

export async function listEvents(deps: EventsDeps, organisationId: string) {
  const events = await deps.events.listByOrganisation(organisationId);
  return { items: events.map(adminEventView) };
}

export async function requireOwnedEvent(deps: EventsDeps, organisationId: string, eventId: string): Promise<EventRecord> {
  const event = await deps.events.getOwned(eventId, organisationId);
  if (!event) throw new NotFound('This event');
  return event;
}

export async function getEventForOrganiser(deps: EventsDeps, organisationId: string, eventId: string) {
  return adminEventView(await requireOwnedEvent(deps, organisationId, eventId));
}

export async function getPublicEvent(deps: EventsDeps, eventId: string) {
  const event = await deps.events.get(eventId);
  if (!event) throw new NotFound('This event');
  return publicEventView(event, deps.clock.now());
}

const MAX_UPDATE_ROUNDS = 5;

/** An organiser's PATCH; a larger capacity immediately promotes as many as now fit. */
export async function updateEvent(deps: RegistrationDeps, organisationId: string, eventId: string, changes: EventChanges) {
  for (let round = 0; round < MAX_UPDATE_ROUNDS; round++) {
    const event = await requireOwnedEvent(deps, organisationId, eventId);
    const next = changedEvent(event, changes, deps.clock.now());
    if ((await deps.events.update(event, next)) === 'updated') {
      await fillFreeSeats(deps, eventId);
      return getEventForOrganiser(deps, organisationId, eventId);
    }
  }
  throw new Conflict('event-changed', 'The event changed meanwhile', 'Someone else changed this event at the same time. Please try again.');
}
