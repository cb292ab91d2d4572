import { questionsOf } from '../domain/event';
import { reachReport, type ReachReport } from '../domain/reach';
import { normaliseEmail } from '../domain/registration';
import type { RegistrationDeps } from './deps';
import { requireOwnedEvent } from './owned-event';

/**
 * The reach report of one event. Who came before is answered from this organiser's earlier
 * events' registrations as they are now (so only within their retention), matched on the
 * normalised address, in memory for this report only: no profile across events is stored.
 */
export async function reachOf(deps: RegistrationDeps, organisationId: string, eventId: string): Promise<ReachReport> {
  const event = await requireOwnedEvent(deps, organisationId, eventId);
  const earlier = (await deps.events.listByOrganisation(organisationId)).filter((other) => other.id !== event.id && other.startsAt < event.startsAt);
  const [registrations, ...before] = await Promise.all([deps.registrations.listByEvent(eventId), ...earlier.map((other) => deps.registrations.listByEvent(other.id))]);
  const seenBefore = new Set(before.flat().flatMap((registration) => (registration.email && registration.status !== 'cancelled' ? [normaliseEmail(registration.email)] : [])));
  return reachReport(registrations!, questionsOf(event), seenBefore, event);
}
