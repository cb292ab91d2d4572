import type { MailOutbox } from '../adapters/dynamo/mail-outbox';
import type { EventsDeps } from './deps';
import { requireOwnedEvent } from './owned-event';

/** Mails given up on after every retry, so the organiser can reach those people another way. */
export async function parkedMailOfEvent(deps: EventsDeps & { outbox: MailOutbox }, organisationId: string, eventId: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const parked = await deps.outbox.parkedOfEvent(eventId);
  return {
    items: parked.map(({ mailId, kind, registrationId, attempts, lastError, createdAt }) => ({ mailId, kind, registrationId, attempts, lastError, createdAt })),
  };
}
