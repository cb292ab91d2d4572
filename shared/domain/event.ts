import type { Question } from './questions';
import { seatCounts, seatsAvailable, waitlistJoinable, type SeatState } from './seats';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
export const DEFAULT_PROMOTION_CUTOFF = 'PT0S';
export const DEFAULT_REMINDERS: readonly string[] = ['P7D', 'P1D'];

/**
 * Whether a registration waits for its address to be confirmed (double opt-in) before its
 * mails go out. New events require it; events created before the setting existed read as off.
 */
export const EMAIL_CONFIRMATION = ['required', 'off'] as const;
export type EmailConfirmation = (typeof EMAIL_CONFIRMATION)[number];
export const DEFAULT_EMAIL_CONFIRMATION: EmailConfirmation = 'required';
/** How long an unconfirmed registration holds its seat or waitlist place. */
export const DEFAULT_CONFIRMATION_WINDOW = 'PT2H';

/**
 * How long after the event's end personal data is kept: the registration as a whole, and the
 * accessibility and dietary needs (special categories: health, religion) much shorter.
 */
export const DEFAULT_RETENTION = 'P1Y';
export const DEFAULT_NEEDS_RETENTION = 'P14D';
export const MAX_RETENTION = 'P2Y';

/**
 * How long before the start a reminder may go out (after the start it reminds nobody; a year
 * ahead is announcement, not reminder), how early promotion from the waitlist may stop, and how
 * long data may be kept after the event (the exact two years, on the event's own calendar, is
 * checked when the event is built).
 */
export const REMINDER_OFFSET_BOUNDS = { min: 'PT0S', exclusiveMin: true, max: 'P1Y' } as const;
export const PROMOTION_CUTOFF_BOUNDS = { min: 'PT0S', max: 'P1Y' } as const;
export const RETENTION_BOUNDS = { min: 'PT0S', max: MAX_RETENTION } as const;

/**
 * Event times lie in these years: beyond them a date no longer has four digits
 * (`+010000-01-01T…`), and stored dates are compared as strings.
 */
export const EVENT_YEARS = { first: 2000, last: 2100 } as const;

/** Who decides what happens to the participants' data (the organising body), as the privacy page names them. */
export interface DataController {
  name: string;
  /** An e-mail address or a web address where people exercise their rights. */
  contact: string;
}

export interface Venue {
  name: string;
  address?: string;
  onlineUrl?: string;
}

export interface ProgrammeItem {
  startsAt: string;
  title: string;
  speaker?: string;
}

export interface EventSettings {
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: Venue;
  capacity: number;
  waitlistEnabled: boolean;
  registrationOpensAt?: string;
  registrationClosesAt: string;
  language: Language;
  programme: ProgrammeItem[];
  /** ISO 8601 duration before startsAt after which freed seats are no longer given to the waitlist. */
  promotionCutoff: string;
  /** Reminder offsets before startsAt, ISO 8601 durations. */
  reminders: string[];
  certificate: CertificateSettings;
  emailConfirmation: EmailConfirmation;
  /** ISO 8601 duration: how long an unconfirmed registration holds its place. */
  confirmationWindow: string;
  /** ISO 8601 duration after the end: when every registration's personal data is deleted. */
  retention: string;
  /** ISO 8601 duration after the end: when accessibility and dietary needs are deleted. */
  needsRetention: string;
  controller?: DataController;
  /** The organiser's own questions on the form, in order. */
  questions: Question[];
}

/** What the certificate of attendance says; `enabled` decides whether there is one. */
export interface CertificateSettings {
  enabled: boolean;
  hours?: number;
  organiserName?: string;
  signatoryName?: string;
  signatoryTitle?: string;
  description?: string;
}

export interface EventRecord extends EventSettings {
  id: string;
  organisationId: string;
  createdAt: string;
  updatedAt: string;
  /** startsAt minus promotionCutoff, in UTC; derived, so conditions can compare it. */
  promotionCutoffAt: string;
  /** Raised when time or place change, so calendar apps replace the entry (iCalendar SEQUENCE). */
  calendarSequence: number;
  /** Set when the organiser cancels the event: registration closes, reminders stop. */
  cancelledAt?: string;
  /** Deleted after it ended: gone from every list and page, its registrations' personal data erased. */
  deletedAt?: string;
}

/** Events stored before double opt-in existed carry no setting: they keep working as they did. */
export const emailConfirmationOf = (event: Partial<Pick<EventSettings, 'emailConfirmation'>>): EmailConfirmation => event.emailConfirmation ?? 'off';
export const confirmationWindowOf = (event: Partial<Pick<EventSettings, 'confirmationWindow'>>): string => event.confirmationWindow ?? DEFAULT_CONFIRMATION_WINDOW;
/** Events stored before questions existed ask none. */
export const questionsOf = (event: Partial<Pick<EventSettings, 'questions'>>): Question[] => event.questions ?? [];
export const retentionOf = (event: Partial<Pick<EventSettings, 'retention'>>): string => event.retention ?? DEFAULT_RETENTION;
/** Events stored before needs had their own retention kept them as long as the rest. */
export const needsRetentionOf = (event: Partial<Pick<EventSettings, 'retention' | 'needsRetention'>>): string => event.needsRetention ?? retentionOf(event);
export const requiresAddressConfirmation = (event: Partial<Pick<EventSettings, 'emailConfirmation'>>): boolean => emailConfirmationOf(event) === 'required';

export type RegistrationWindow = 'not-open-yet' | 'open' | 'closed';

export function registrationWindow(event: { registrationOpensAt?: string; registrationClosesAt: string; cancelledAt?: string }, now: Date): RegistrationWindow {
  const at = now.toISOString();
  if (event.cancelledAt) return 'closed';
  if (event.registrationOpensAt && at < event.registrationOpensAt) return 'not-open-yet';
  if (at >= event.registrationClosesAt) return 'closed';
  return 'open';
}

/** What the organiser sees: the settings and the counts. */
export function adminEventView(event: EventRecord, seats: SeatState, activity: EventActivityCounts) {
  const { promotionCutoffAt: _cutoff, calendarSequence: _sequence, ...rest } = event;
  return {
    ...rest,
    emailConfirmation: emailConfirmationOf(event),
    confirmationWindow: confirmationWindowOf(event),
    retention: retentionOf(event),
    needsRetention: needsRetentionOf(event),
    questions: questionsOf(event),
    counts: { ...seatCounts(seats), ...activity },
  };
}

/** Counts beside the seats': registrations awaiting address confirmation, and what became of the mail. */
export interface EventActivityCounts {
  pending: number;
  mail: { delivered: number; bounced: number; complained: number; suppressed: number };
}

/** What anyone may see: no personal data, no organisation internals. */
export function publicEventView(event: EventRecord, seats: SeatState, now: Date) {
  const open = registrationWindow(event, now) === 'open';
  const free = seatsAvailable(seats);
  const joinable = waitlistJoinable(seats, now);
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: event.venue,
    programme: event.programme,
    language: event.language,
    ...(event.cancelledAt ? { cancelled: true } : {}),
    capacity: event.capacity,
    seatsAvailable: free,
    waitlistOpen: open && joinable && free === 0,
    registrationOpen: open && (free > 0 || joinable),
    addressConfirmationRequired: requiresAddressConfirmation(event),
    questions: questionsOf(event).filter((question) => !question.hidden),
  };
}

export type PublicEventView = ReturnType<typeof publicEventView>;
