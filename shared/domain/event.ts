import { EventFull } from './errors';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
export const DEFAULT_PROMOTION_CUTOFF = 'PT0S';
export const DEFAULT_REMINDERS: readonly string[] = ['P7D', 'P1D'];

/**
 * The waitlist lives as an ordered list on the event item, so its order is the commit order of
 * the transactions that appended to it and positions are always current and gap-free. The cap
 * keeps that item far below DynamoDB's 400 KB limit (a ULID is 26 bytes).
 */
export const MAX_WAITLIST_LENGTH = 5000;

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
  confirmedCount: number;
  cancelledCount: number;
  /** Registration ids in waitlist order; index + 1 is the position. */
  waitlist: string[];
}

export type RegistrationWindow = 'not-open-yet' | 'open' | 'closed';

export function registrationWindow(event: EventSettings & { cancelledAt?: string }, now: Date): RegistrationWindow {
  const at = now.toISOString();
  if (event.cancelledAt) return 'closed';
  if (event.registrationOpensAt && at < event.registrationOpensAt) return 'not-open-yet';
  if (at >= event.registrationClosesAt) return 'closed';
  return 'open';
}

export type Placement = 'confirmed' | 'waitlisted';

export const seatsAvailable = (event: EventRecord): number => Math.max(0, event.capacity - event.confirmedCount);

/** Until the cutoff, freed seats go to the waitlist in order; after it, to whoever registers. */
export const promotionsOpen = (event: EventRecord, now: Date): boolean => now.toISOString() < event.promotionCutoffAt;

/**
 * Where a new registration goes given the event as last read. Nobody gets a seat while others
 * wait for one, so a waitlist sends newcomers to its end even if a seat is free; once the
 * cutoff has passed the waitlist gets no more seats, so it takes no newcomers either.
 */
export function placementFor(event: EventRecord, now: Date): Placement {
  const waitersFirst = event.waitlist.length > 0 && promotionsOpen(event, now);
  if (seatsAvailable(event) > 0 && !waitersFirst) return 'confirmed';
  if (event.waitlistEnabled && promotionsOpen(event, now) && event.waitlist.length < MAX_WAITLIST_LENGTH) return 'waitlisted';
  throw new EventFull();
}

/** How many people at the head of the waitlist can be given a seat now. */
export function promotableCount(event: EventRecord, now: Date): number {
  if (!promotionsOpen(event, now)) return 0;
  return Math.min(seatsAvailable(event), event.waitlist.length);
}

export function waitlistPosition(event: EventRecord, registrationId: string): number | undefined {
  const index = event.waitlist.indexOf(registrationId);
  return index === -1 ? undefined : index + 1;
}

export function eventCounts(event: EventRecord) {
  return { confirmed: event.confirmedCount, waitlisted: event.waitlist.length, cancelled: event.cancelledCount };
}

/** What the organiser sees: everything but the internal waitlist list. */
export function adminEventView(event: EventRecord) {
  const { waitlist: _waitlist, confirmedCount: _confirmed, cancelledCount: _cancelled, promotionCutoffAt: _cutoff, calendarSequence: _sequence, ...rest } = event;
  return { ...rest, counts: eventCounts(event) };
}

/** What anyone may see: no personal data, no organisation internals. */
export function publicEventView(event: EventRecord, now: Date) {
  const open = registrationWindow(event, now) === 'open';
  const seats = seatsAvailable(event);
  const waitersFirst = event.waitlist.length > 0 && promotionsOpen(event, now);
  const waitlistJoinable = event.waitlistEnabled && promotionsOpen(event, now) && event.waitlist.length < MAX_WAITLIST_LENGTH;
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
    seatsAvailable: waitersFirst ? 0 : seats,
    waitlistOpen: open && waitlistJoinable && (seats === 0 || waitersFirst),
    registrationOpen: open && ((seats > 0 && !waitersFirst) || waitlistJoinable),
  };
}

export type PublicEventView = ReturnType<typeof publicEventView>;
