import { undeliverableBy, type MailFeedback } from '../domain/mail';
import type { MailDelivery } from '../domain/registration';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import type { FeedbackDeps } from './deps';

export type FeedbackOutcome = 'recorded' | 'ignored';

/**
 * Records what SES says became of a mail: on the mail, on its registration (a permanent bounce
 * or a complaint marks the address undeliverable, so no further mail goes there), and in the
 * event's counts. Redelivered events change nothing twice.
 */
export async function recordMailFeedback(deps: FeedbackDeps, feedback: MailFeedback): Promise<FeedbackOutcome> {
  const mail = await deps.outbox.recordFeedback(feedback.mailId, feedback.outcome, feedback.at);
  if (!mail) return 'ignored';
  const undeliverable = undeliverableBy(feedback.outcome);
  const delivery: MailDelivery | undefined = undeliverable ?? (feedback.outcome === 'delivered' ? 'delivered' : undefined);
  if (!delivery) return 'recorded';
  if (undeliverable === 'bounced') count(BUSINESS_METRICS.mailsBounced);
  if (undeliverable === 'complained') count(BUSINESS_METRICS.mailsComplained);
  await Promise.all([
    deps.events.activity.countMailOutcome(mail.eventId, delivery),
    deps.registrations.recordMailStatus(mail.registrationId, delivery, { sentAt: mail.sentAt }),
  ]);
  return 'recorded';
}
