import type { MailingRepository } from '../adapters/dynamo/mailing-repository';
import { Conflict } from '../domain/errors';
import type { MailStatus } from '../domain/mail';
import type { Mailing } from '../domain/mailing';
import { messageAudienceOf, messageJobId, messageMailing, messageRequestHash, type MessageRequest } from '../domain/message';
import { newId, type RegistrationDeps } from './deps';
import { mailIdFor } from './mailings';
import { requireOwnedEvent } from './owned-event';

export interface MessageDeps extends RegistrationDeps {
  mailings: MailingRepository;
}

const view = (mailing: Mailing) => ({
  id: mailing.jobId,
  subject: mailing.message!.subject,
  audience: messageAudienceOf(mailing),
  createdAt: mailing.createdAt ?? mailing.dueAt,
});

/**
 * Schedules an organiser's message, due now: the mailing sweep fans it out and the mail
 * functions send it at the mail rate. With an Idempotency-Key the job id comes from the key,
 * so a repeated request finds the first one's job and answers with it (nobody is mailed twice:
 * there is one job, and its mails' ids are derived from it); the same key with another
 * message is a conflict rather than a silent replay of the first.
 */
export async function sendMessage(deps: MessageDeps, organisationId: string, eventId: string, request: MessageRequest, idempotencyKey: string | undefined) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const mailing = messageMailing(eventId, messageJobId(idempotencyKey, newId), request, deps.clock.now());
  const written = await deps.mailings.addOnce(mailing);
  if (written.added) return view(mailing);
  if (written.existing.kind !== 'message' || written.existing.message?.requestHash !== messageRequestHash(request)) {
    throw new Conflict('idempotency-key-reused', 'Idempotency-Key used for another message', 'This Idempotency-Key was sent before with a different message; use a new key for a new message.');
  }
  return view(written.existing);
}

const count = (statuses: MailStatus[], ...wanted: MailStatus[]) => statuses.filter((status) => wanted.includes(status)).length;

/**
 * The event's messages, newest first, each with what became of its mails. The mails' ids are
 * derived from message and registration, so their statuses are read by id (a BatchGet per 100
 * registrations and message) rather than kept in counters that every send would have to update.
 * Before its fan-out a message has no mails yet: recipients 0, state `scheduled`.
 */
export async function listMessages(deps: MessageDeps, organisationId: string, eventId: string) {
  await requireOwnedEvent(deps, organisationId, eventId);
  const messages = (await deps.mailings.ofEvent(eventId)).filter((mailing) => mailing.kind === 'message' && mailing.message);
  if (messages.length === 0) return { items: [] };
  const registrationIds = (await deps.registrations.listByEvent(eventId)).map((registration) => registration.registrationId);
  const items = await Promise.all(
    messages.map(async (mailing) => {
      const statuses = await deps.mailings.mailStatuses(registrationIds.map((registrationId) => mailIdFor(mailing, registrationId)));
      return {
        ...view(mailing),
        state: mailing.state,
        counts: {
          recipients: statuses.length,
          sent: count(statuses, 'sent'),
          pending: count(statuses, 'pending', 'sending'),
          failed: count(statuses, 'failed'),
          suppressed: count(statuses, 'suppressed'),
        },
      };
    }),
  );
  return { items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)) };
}
