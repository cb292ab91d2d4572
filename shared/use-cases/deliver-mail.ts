import { waitlistPosition } from '../domain/event';
import { renderMail } from '../mail/templates';
import type { MailDeps } from './deps';

export type DeliveryOutcome = 'sent' | 'already-handled' | 'parked';

export class MailDeliveryFailed extends Error {
  constructor(mailId: string, cause: unknown) {
    super(`Mail ${mailId} could not be delivered; it will be retried`, { cause });
    this.name = 'MailDeliveryFailed';
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Claim, render, send, record. The claim makes a redelivered record a no-op; a failed send
 * puts the mail back for a retry (or parks it after its last attempt) and throws so the
 * trigger retries that record only.
 */
export async function deliverMail(deps: MailDeps, mailId: string): Promise<DeliveryOutcome> {
  const mail = await deps.outbox.claim(mailId, deps.clock.now());
  if (!mail) return 'already-handled';

  let messageId: string;
  try {
    const { event, registration } = await deps.registrations.getWithEvent(mail.eventId, mail.registrationId);
    if (!event || !registration) {
      await deps.outbox.releaseAfterFailure({ ...mail, attempts: Number.POSITIVE_INFINITY }, 'Event or registration no longer exists', deps.clock.now());
      return 'parked';
    }
    const rendered = renderMail(mail.kind, { event, registration, waitlistPosition: waitlistPosition(event, registration.registrationId) });
    messageId = await deps.mailer.send({ from: deps.mailFrom, to: registration.email }, rendered);
  } catch (error) {
    const outcome = await deps.outbox.releaseAfterFailure(mail, reasonOf(error), deps.clock.now());
    if (outcome === 'parked') return 'parked';
    throw new MailDeliveryFailed(mailId, error);
  }
  await deps.outbox.markSent(mailId, messageId, deps.clock.now());
  return 'sent';
}
