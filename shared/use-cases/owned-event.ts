import { NotFound } from '../domain/errors';
import type { EventRecord } from '../domain/event';
import type { EventsDeps } from './deps';

/** The organiser's own event; another organisation's event, or a deleted one, is answered as if it did not exist. */
export async function requireOwnedEvent(deps: EventsDeps, organisationId: string, eventId: string): Promise<EventRecord> {
  const event = await deps.events.getOwned(eventId, organisationId);
  if (!event || event.deletedAt) throw new NotFound('This event');
  return event;
}
