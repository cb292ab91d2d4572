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
  /** To an unconfirmed address: what the event is and one button; nothing the requester typed. */
  'confirm-address',
  /** A second registration for an address that has one: its personal link, instead of telling the requester. */
  'already-registered',
  /** The organiser's own words to an audience of the event (see message.ts), with the personal link. */
  'message',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';

/** Why a mail was not sent: never retried, never parked as a failure. */
export type SuppressionReason = 'address-bounced' | 'address-complained' | 'address-unconfirmed' | 'already-confirmed' | 'registration-deleted' | 'registration-erased';

/**
 * Mail that must not go out: nothing to an address that bounced for good or complained (SES
 * pauses senders with high bounce and complaint rates); to an unconfirmed address only the
 * confirmation request, which is moot once confirmed. Whatever an unconfirmed person missed
 * is covered by the mail their confirmation sends.
 */
export function suppressionOf(
  kind: MailKind,
  registration: { confirmBy?: string; addressUndeliverable?: 'bounced' | 'complained'; erasedAt?: string },
): SuppressionReason | undefined {
  if (registration.erasedAt) return 'registration-erased';
  if (registration.addressUndeliverable) return registration.addressUndeliverable === 'bounced' ? 'address-bounced' : 'address-complained';
  if (kind === 'confirm-address') return registration.confirmBy ? undefined : 'already-confirmed';
  return registration.confirmBy ? 'address-unconfirmed' : undefined;
}

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
  /** A message's mail: the job whose text it is rendered with (the text itself is not copied onto every mail). */
  messageId?: string;
  sentAt?: string;
}

export const MAX_MAIL_ATTEMPTS = 6;

/**
 * What SES says became of a sent mail. `soft-bounced` (a full mailbox, a server away) and
 * `rejected` (SES found a virus) are only recorded; a permanent bounce or a complaint means
 * the address must not be mailed again.
 */
export type MailFeedbackOutcome = 'delivered' | 'bounced' | 'soft-bounced' | 'complained' | 'rejected';

export interface MailFeedback {
  mailId: string;
  outcome: MailFeedbackOutcome;
  at: string;
}

/** The feedback that stops later mail to the address. */
export const undeliverableBy = (outcome: MailFeedbackOutcome): 'bounced' | 'complained' | undefined =>
  outcome === 'bounced' || outcome === 'complained' ? outcome : undefined;

/** What feedback changes on the registration, given the registration as read and the mail it is about. */
export type RegistrationFeedback =
  | { kind: 'delivered' }
  | { kind: 'undeliverable'; because: 'bounced' | 'complained'; addressChangedAt: string | undefined }
  | undefined;

export function registrationFeedback(
  outcome: MailFeedbackOutcome,
  registration: { addressUndeliverable?: string; addressChangedAt?: string } | undefined,
  mail: { sentAt?: string },
): RegistrationFeedback {
  if (!registration) return undefined;
  const because = undeliverableBy(outcome);
  if (because) {
    // Feedback on a mail sent before the address was corrected is about the old address.
    if (registration.addressChangedAt && !(mail.sentAt && registration.addressChangedAt < mail.sentAt)) return undefined;
    return { kind: 'undeliverable', because, addressChangedAt: registration.addressChangedAt };
  }
  // A delivery never clears a bounce or complaint: only correcting the address does.
  if (outcome === 'delivered' && !registration.addressUndeliverable) return { kind: 'delivered' };
  return undefined;
}

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

/**
 * SES message tags allow only letters, digits, `_` and `-`; mail ids also use `.` (a fan-out's
 * `<event>.<job>.<registration>`) but never `_`, so the tag swaps one for the other and back.
 */
export const mailIdTag = (mailId: string): string => mailId.replaceAll('.', '_');
export const mailIdFromTag = (tag: string): string => tag.replaceAll('_', '.');

/**
 * A mail that a stranger can make us send (a registration for an address that has one): at
 * most one per registration and hour. Its id names the hour, so the outbox's write-once
 * condition drops the rest.
 */
export const rateLimitedMailId = (kind: MailKind, registrationId: string, now: Date): string => `${kind}-${registrationId}-${now.toISOString().slice(0, 13)}`;

export function mailFor(kind: MailKind, ref: { eventId: string; registrationId: string }, mailId: string, now: Date): OutboxMail {
  return { mailId, kind, ...ref, status: 'pending', attempts: 0, createdAt: now.toISOString() };
}
