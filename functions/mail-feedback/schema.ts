import * as z from 'zod/mini';
import { mailIdFromTag, type MailFeedback, type MailFeedbackOutcome } from '../../shared/domain/mail';

/**
 * The SES event-publishing record that EventBridge carries in `detail` (detail-types "Email
 * Delivered", "Email Bounced", "Email Complaint Received", "Email Rejected"). Only what we read
 * is declared; SES adds fields freely. Our own tags (see SesMailer) name the mail.
 */
export const sesEventSchema = z.object({
  'detail-type': z.string(),
  time: z.optional(z.string()),
  detail: z.object({
    eventType: z.string(),
    mail: z.object({ timestamp: z.string(), tags: z.optional(z.record(z.string(), z.array(z.string()))) }),
    bounce: z.optional(z.object({ bounceType: z.string(), timestamp: z.optional(z.string()) })),
    complaint: z.optional(z.object({ timestamp: z.optional(z.string()) })),
    delivery: z.optional(z.object({ timestamp: z.optional(z.string()) })),
  }),
});

export type SesEvent = z.infer<typeof sesEventSchema>;

/** SES's event as our feedback; undefined for what we do not act on (another sender's mail, an event type we did not ask for). */
export function feedbackOf(event: SesEvent): MailFeedback | undefined {
  const { detail } = event;
  const tag = detail.mail.tags?.mailId?.[0];
  if (!tag) return undefined;
  const mailId = mailIdFromTag(tag);
  const outcome = outcomeOf(detail);
  if (!outcome) return undefined;
  const at = detail.bounce?.timestamp ?? detail.complaint?.timestamp ?? detail.delivery?.timestamp ?? event.time ?? detail.mail.timestamp;
  return { mailId, outcome, at };
}

function outcomeOf(detail: SesEvent['detail']): MailFeedbackOutcome | undefined {
  switch (detail.eventType) {
    case 'Delivery':
      return 'delivered';
    case 'Complaint':
      return 'complained';
    case 'Reject':
      return 'rejected';
    case 'Bounce':
      // Undetermined bounces are treated as transient: SES itself only suppresses permanent ones.
      return detail.bounce?.bounceType === 'Permanent' ? 'bounced' : 'soft-bounced';
    default:
      return undefined;
  }
}
