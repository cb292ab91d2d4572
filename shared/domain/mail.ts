/**
 * Mail is an outbox: a record written in the same transaction as the state change that causes
 * it, delivered later by the mail function. The record names what to send, not its text, so
 * the text is rendered from current data and never holds more personal data than needed.
 */
export const MAIL_KINDS = [
  'registration-confirmed',
  'registration-waitlisted',
  'registration-cancelled',
  'registration-promoted',
  'reminder',
  'event-moved',
  'event-cancelled',
  'certificate',
] as const;
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
  /** A failed mail is not tried again before this instant. */
  nextAttemptAt?: string;
  lastError?: string;
  /** A reminder that offers the one-click "I can't come, give my seat away". */
  offerRelease?: boolean;
}

export const MAX_MAIL_ATTEMPTS = 6;

/**
 * Certificate mails are sent by their own function (the only one that renders PDFs) from a
 * queue of their own; every other kind is sent as soon as it is written.
 */
export const queueOf = (kind: MailKind): 'certificate' | 'retry' => (kind === 'certificate' ? 'certificate' : 'retry');

/** Mails that carry the participant's personal link (and so a fresh access token). */
export const carriesPersonalLink = (kind: MailKind) => kind !== 'registration-cancelled' && kind !== 'event-cancelled' && kind !== 'certificate';

/** Exponential backoff: base, 2×, 4×… capped at an hour. */
export function nextAttemptAt(attempts: number, now: Date, baseSeconds: number): string {
  const delaySeconds = Math.min(3600, baseSeconds * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delaySeconds * 1000).toISOString();
}

export function mailFor(kind: MailKind, ref: { eventId: string; registrationId: string }, mailId: string, now: Date): OutboxMail {
  return { mailId, kind, ...ref, status: 'pending', attempts: 0, createdAt: now.toISOString() };
}
