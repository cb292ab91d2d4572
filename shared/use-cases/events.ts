import { NotFound } from '../domain/errors';
import { adminEventView, newEvent, publicEventView, type EventRecord, type NewEventInput } from '../domain/event';
import { newId, type EventsDeps } from './deps';

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
