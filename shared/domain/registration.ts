import { domainToASCII } from 'node:url';
import { DOOR_LIST_LIFETIME_MS } from './door';
import type { MailKind } from './mail';
import type { Answers } from './questions';
import { instantAfter, instantBefore } from './durations';
import { confirmationWindowOf, needsRetentionOf, requiresAddressConfirmation, retentionOf, type EventRecord, type Language } from './event';

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface RegistrationInput {
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language?: Language;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
  consent: true;
  needsConsent?: true;
  answers?: Answers;
  /** Show name, organisation and role to the event's other participants (off unless asked for). */
  networkConsent?: true;
}

export interface Registration {
  registrationId: string;
  eventId: string;
  name: string;
  email: string;
  organisation?: string;
  role?: string;
  language: Language;
  accessibilityNeeds?: string;
  dietaryNeeds?: string;
  status: RegistrationStatus;
  createdAt: string;
  consentedAt: string;
  /** Answers to the event's questions, by question id. */
  answers?: Answers;
  /** The explicit consent for the needs (special categories), given with them. */
  needsConsentedAt?: string;
  /** When the needs are deleted (DynamoDB TTL on their own item), apart from and before the rest. */
  needsRetainUntil?: string;
  /** Since when the person lets the event's other participants see their name, organisation and role; absent: not shown. */
  networkConsentAt?: string;
  cancelledAt?: string;
  promotedAt?: string;
  /** SHA-256 hashes of the access tokens sent in this person's mails; see personal-link.ts. */
  accessTokenHashes?: string[];
  /** When the table deletes this registration (DynamoDB TTL). */
  retainUntil: string;
  /** Short code in the confirmation mail that an organiser's device enters or scans at the door. */
  checkInCode: string;
  checkedInAt?: string;
  /** The seat shard this person's seat counts on, while confirmed. */
  seatShard?: number;
  /** Their place in the waitlist's order, allocated when they joined it. */
  waitlistSeq?: number;
  /**
   * Present while the address is unconfirmed (double opt-in): the hold on the seat or waitlist
   * place lapses then, and the registration is deleted. Only the confirmation request is mailed meanwhile.
   */
  confirmBy?: string;
  addressConfirmedAt?: string;
  /** What became of the latest mail (SES feedback), for the organiser. */
  mailStatus?: MailDelivery;
  /** A permanent bounce or a complaint: no further mail goes to this address. */
  addressUndeliverable?: 'bounced' | 'complained';
  /** When the organiser last corrected the address: feedback on mail sent before it is about the old one. */
  addressChangedAt?: string;
  /** What was mailed, and when: for the person's own data download. */
  mailsSent?: Array<{ kind: MailKind; sentAt: string }>;
  /** Erased at the person's (or the organiser's) request: an anonymous record that keeps the counts and the order. */
  erasedAt?: string;
}

export type MailDelivery = 'delivered' | 'bounced' | 'complained' | 'suppressed';

/** What the organiser and the participant see: an unconfirmed registration is `pending`, whatever it holds. */
export type VisibleStatus = RegistrationStatus | 'pending';
export const visibleStatus = (registration: Pick<Registration, 'status' | 'confirmBy'>): VisibleStatus =>
  registration.confirmBy && registration.status !== 'cancelled' ? 'pending' : registration.status;

export const isUnconfirmed = (registration: Pick<Registration, 'confirmBy'>): boolean => registration.confirmBy !== undefined;

/** A confirmation window is clock time: PT2H is two hours whatever the calendar does. */
export const confirmationWindowMs = (window: string): number => {
  const anchor = '2026-01-01T00:00:00.000Z';
  return Date.parse(anchor) - Date.parse(instantBefore(anchor, window, 'UTC'));
};

/** Long enough to find the mail in a busy inbox, short enough that a bot's holds lapse the same day. */
export const CONFIRMATION_WINDOW_BOUNDS = { min: 'PT15M', minMs: 15 * 60_000, max: 'P2D', maxMs: 2 * 86_400_000 } as const;

export function confirmationDeadline(event: Pick<EventRecord, 'emailConfirmation' | 'confirmationWindow'>, now: Date): string | undefined {
  if (!requiresAddressConfirmation(event)) return undefined;
  return new Date(now.getTime() + confirmationWindowMs(confirmationWindowOf(event))).toISOString();
}

/**
 * The check-in code: the last eight characters of the registration's ULID, its random part
 * (40 bits), shown as XXXX-XXXX. Crockford base32 leaves out I, L, O and U, so it reads aloud.
 */
export const checkInCodeOf = (registrationId: string): string => `${registrationId.slice(-8, -4)}-${registrationId.slice(-4)}`.toUpperCase();

/** Accepts what people type: any case, with or without the dash or spaces. */
export const normaliseCheckInCode = (code: string): string => {
  const compact = code.replace(/[\s-]/g, '').toUpperCase();
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
};

/** What the participant's personal page shows; never another person's data. */
export function participantView(registration: Registration, waitlistPosition: number | undefined) {
  return {
    registrationId: registration.registrationId,
    eventId: registration.eventId,
    status: visibleStatus(registration),
    ...(registration.status === 'waitlisted' && waitlistPosition ? { waitlistPosition } : {}),
  };
}

/** When a registration's personal data is deleted: the event's retention after its end, on its calendar. */
export const retentionEnd = (event: Pick<EventRecord, 'endsAt' | 'timeZone'> & Partial<Pick<EventRecord, 'retention'>>): string =>
  instantAfter(event.endsAt, retentionOf(event), event.timeZone);

/** When the accessibility and dietary needs are deleted, apart from and before the rest. */
export const needsRetentionEnd = (event: Pick<EventRecord, 'endsAt' | 'timeZone'> & Partial<Pick<EventRecord, 'retention' | 'needsRetention'>>): string =>
  instantAfter(event.endsAt, needsRetentionOf(event), event.timeZone);

/**
 * The address as mail servers read it: an internationalised domain (gemeënte.nl) in its ASCII
 * form (xn--gemente-uya.nl), the local part as typed. We store what the person typed, and send
 * and compare this.
 */
export function asciiEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = domainToASCII(email.slice(at + 1));
  return domain ? `${email.slice(0, at)}@${domain}` : email;
}

/** One registration per address: addresses differ only in case as far as people are concerned, and are compared in ASCII form. */
export const normaliseEmail = (email: string): string => asciiEmail(email.trim()).toLowerCase();

export function newRegistration(
  input: RegistrationInput,
  event: EventRecord,
  registrationId: string,
  placement: { kind: 'confirmed'; shard: number } | { kind: 'waitlisted'; seq: number },
  now: Date,
): Registration {
  const at = now.toISOString();
  return {
    registrationId,
    eventId: event.id,
    name: input.name.trim(),
    email: input.email.trim(),
    organisation: input.organisation,
    role: input.role,
    language: input.language ?? event.language,
    accessibilityNeeds: input.accessibilityNeeds,
    dietaryNeeds: input.dietaryNeeds,
    ...(input.answers && Object.keys(input.answers).length > 0 ? { answers: input.answers } : {}),
    ...(hasNeeds(input) ? { needsConsentedAt: at, needsRetainUntil: needsRetentionEnd(event) } : {}),
    ...(input.networkConsent ? { networkConsentAt: at } : {}),
    status: placement.kind,
    ...(placement.kind === 'confirmed' ? { seatShard: placement.shard } : { waitlistSeq: placement.seq }),
    ...withDeadline(confirmationDeadline(event, now)),
    createdAt: at,
    consentedAt: at,
    retainUntil: retentionEnd(event),
    checkInCode: checkInCodeOf(registrationId),
  };
}

export const hasNeeds = (registration: Pick<Registration, 'accessibilityNeeds' | 'dietaryNeeds'>): boolean => Boolean(registration.accessibilityNeeds || registration.dietaryNeeds);

const withDeadline = (confirmBy: string | undefined) => (confirmBy ? { confirmBy } : {});

/** How far a door device's clock may run ahead of ours. */
export const CHECK_IN_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When a person came in: the moment the door device recorded (offline check-ins arrive later),
 * or now. A device time in the future counts as now; one older than a door list lives is refused.
 */
export function checkInTime(recordedAt: string | undefined, now: Date): Date | 'too-old' | 'in-the-future' {
  if (recordedAt === undefined) return now;
  const at = Date.parse(recordedAt);
  if (at > now.getTime() + CHECK_IN_CLOCK_SKEW_MS) return 'in-the-future';
  if (at < now.getTime() - DOOR_LIST_LIFETIME_MS) return 'too-old';
  return new Date(Math.min(at, now.getTime()));
}
