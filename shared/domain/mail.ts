/**
 * Mail is an outbox: a record written in the same transaction as the state change that causes
 * it, delivered later by the mail function. The record names what to send, not its text, so
 * the text is rendered from current data and never holds more personal data than needed.
 */
export const MAIL_KINDS = ['registration-confirmed', 'registration-waitlisted'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMail {
  mailId: string;
  kind: MailKind;
  eventId: string;
  registrationId: string;
  status: MailStatus;
  attempts: number;
  createdAt: string;
}

export const MAX_MAIL_ATTEMPTS = 5;

export function mailFor(kind: MailKind, ref: { eventId: string; registrationId: string }, mailId: string, now: Date): OutboxMail {
  return { mailId, kind, ...ref, status: 'pending', attempts: 0, createdAt: now.toISOString() };
}
