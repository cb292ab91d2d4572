import { EventFull, ValidationFailed, type FieldError } from './errors';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

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
}

export interface EventRecord extends EventSettings {
  id: string;
  organisationId: string;
  createdAt: string;
  updatedAt: string;
  confirmedCount: number;
  cancelledCount: number;
  /** Registration ids in waitlist order; index + 1 is the position. */
  waitlist: string[];
}

export type NewEventInput = Omit<EventSettings, 'registrationClosesAt' | 'timeZone' | 'waitlistEnabled' | 'language' | 'programme'> &
  Partial<Pick<EventSettings, 'registrationClosesAt' | 'timeZone' | 'waitlistEnabled' | 'language' | 'programme'>>;

const toUtc = (iso: string): string => new Date(iso).toISOString();

export function newEvent(input: NewEventInput, ids: { id: string; organisationId: string }, now: Date): EventRecord {
  const startsAt = toUtc(input.startsAt);
  const endsAt = toUtc(input.endsAt);
  const registrationClosesAt = toUtc(input.registrationClosesAt ?? input.startsAt);
  const registrationOpensAt = input.registrationOpensAt ? toUtc(input.registrationOpensAt) : undefined;

  const errors: FieldError[] = [];
  if (endsAt <= startsAt) errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (registrationOpensAt && registrationOpensAt >= registrationClosesAt) {
    errors.push({ field: 'registrationOpensAt', message: 'must be before registrationClosesAt' });
  }
  if (registrationClosesAt > endsAt) errors.push({ field: 'registrationClosesAt', message: 'must not be after endsAt' });
  if (errors.length > 0) throw new ValidationFailed(errors);

  const timestamp = now.toISOString();
  return {
    id: ids.id,
    organisationId: ids.organisationId,
    title: input.title,
    description: input.description,
    startsAt,
    endsAt,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    venue: input.venue,
    capacity: input.capacity,
    waitlistEnabled: input.waitlistEnabled ?? true,
    registrationOpensAt,
    registrationClosesAt,
    language: input.language ?? 'nl',
    programme: (input.programme ?? []).map((item) => ({ ...item, startsAt: toUtc(item.startsAt) })),
    createdAt: timestamp,
    updatedAt: timestamp,
    confirmedCount: 0,
    cancelledCount: 0,
    waitlist: [],
  };
}

export type RegistrationWindow = 'not-open-yet' | 'open' | 'closed';

export function registrationWindow(event: EventSettings, now: Date): RegistrationWindow {
  const at = now.toISOString();
  if (event.registrationOpensAt && at < event.registrationOpensAt) return 'not-open-yet';
  if (at >= event.registrationClosesAt) return 'closed';
  return 'open';
}

export type Placement = 'confirmed' | 'waitlisted';

export const seatsAvailable = (event: EventRecord): number => Math.max(0, event.capacity - event.confirmedCount);

/**
 * Where a new registration goes given the event as last read. Nobody gets a seat while others
 * wait, so a non-empty waitlist sends newcomers to its end even if a seat is free.
 */
export function placementFor(event: EventRecord): Placement {
  if (seatsAvailable(event) > 0 && event.waitlist.length === 0) return 'confirmed';
  if (event.waitlistEnabled && event.waitlist.length < MAX_WAITLIST_LENGTH) return 'waitlisted';
  throw new EventFull();
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
  const { waitlist: _waitlist, confirmedCount: _confirmed, cancelledCount: _cancelled, ...rest } = event;
  return { ...rest, counts: eventCounts(event) };
}

/** What anyone may see: no personal data, no organisation internals. */
export function publicEventView(event: EventRecord, now: Date) {
  const open = registrationWindow(event, now) === 'open';
  const seats = seatsAvailable(event);
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
    capacity: event.capacity,
    seatsAvailable: event.waitlist.length > 0 ? 0 : seats,
    waitlistOpen: open && event.waitlistEnabled && (seats === 0 || event.waitlist.length > 0) && event.waitlist.length < MAX_WAITLIST_LENGTH,
    registrationOpen: open && (seats > 0 || (event.waitlistEnabled && event.waitlist.length < MAX_WAITLIST_LENGTH)),
  };
}

export type PublicEventView = ReturnType<typeof publicEventView>;
