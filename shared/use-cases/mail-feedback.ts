import { registrationFeedback, undeliverableBy, type MailFeedback } from '../domain/mail';
import { BUSINESS_METRICS, count } from '../observability/metrics';
import type { FeedbackDeps } from './deps';

export type FeedbackOutcome = 'recorded' | 'ignored';

const MAX_ROUNDS = 5;

/**
 * Records what SES says became of a mail: on the mail, in the event's counts, and on its
 * registration (a permanent bounce or a complaint marks the address undeliverable, so no further
 * mail goes there), in one transaction. An event delivered twice, or after a later one, changes
 * nothing twice; a registration that changed since it was read is read again.
 */
export async function recordMailFeedback(deps: FeedbackDeps, feedback: MailFeedback): Promise<FeedbackOutcome> {
  const mail = await deps.feedback.mail(feedback.mailId);
  if (!mail || mail.feedback?.has(feedback.outcome)) return 'ignored';
  const undeliverable = undeliverableBy(feedback.outcome);
  const counted = undeliverable ?? (feedback.outcome === 'delivered' ? 'delivered' : undefined);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const registration = await deps.registrations.findById(mail.registrationId);
    const written = await deps.feedback.record(mail, feedback, counted, registrationFeedback(feedback.outcome, registration, mail));
    if (written === 'seen') return 'ignored';
    if (written === 'recorded') {
      if (undeliverable === 'bounced') count(BUSINESS_METRICS.mailsBounced);
      if (undeliverable === 'complained') count(BUSINESS_METRICS.mailsComplained);
      return 'recorded';
    }
  }
  throw new Error(`Feedback on mail ${feedback.mailId} did not settle after ${MAX_ROUNDS} rounds`);
}
