import type { ChangePublisher } from '../adapters/event-bus';
import type { StateChange } from '../domain/state-changes';
import type { RegistrationDeps } from './deps';
import { fillFreeSeatsOf } from './promote';

export interface TableChangesDeps extends RegistrationDeps {
  publisher: ChangePublisher;
}

/**
 * What the table's second stream reader does with a batch (DynamoDB advises at most two readers
 * per shard, and outbox mail is the first): it hands freed seats to the waitlist, then publishes
 * the state changes. Promotion goes first so an outage of the bus never holds up people
 * waiting. A failure fails the batch, which Lambda redelivers: promotion is idempotent and a
 * republished change carries the same id.
 */
export async function followTableChanges(deps: TableChangesDeps, batch: { changes: StateChange[]; eventsWithFreedSeats: string[] }): Promise<{ published: number; promoted: number }> {
  const promoted = await fillFreeSeatsOf(deps, batch.eventsWithFreedSeats);
  const changes = await withOrganisations(deps, batch.changes);
  await deps.publisher.publish(changes);
  return { published: changes.length, promoted };
}

/** A registration or certificate does not carry its organisation; its event does, so rules can route by organisation. */
async function withOrganisations(deps: RegistrationDeps, changes: StateChange[]): Promise<StateChange[]> {
  const missing = [...new Set(changes.filter((change) => !change.organisationId).map((change) => change.eventId))];
  const events = await Promise.all(missing.map((eventId) => deps.events.get(eventId)));
  const organisationOf = new Map(events.flatMap((event) => (event ? [[event.id, event.organisationId] as const] : [])));
  return changes.map((change) => {
    const organisationId = change.organisationId ?? organisationOf.get(change.eventId);
    return organisationId ? { ...change, organisationId } : change;
  });
}
