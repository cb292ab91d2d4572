import { instantBefore, localIsoTime } from './durations';
import type { EventRecord } from './event';
import type { MessageContent } from './message';

/**
 * A mailing is one message to many registrants of an event at a given time: a reminder, a
 * "the time changed" notice, an "event cancelled" notice. It is stored as a job with a due
 * time; a scheduled sweep fans each due job out into outbox mails, one per recipient, with
 * mail ids derived from job and registration, so a job that runs twice sends nothing twice.
 */
export const MAILING_KINDS = ['reminder', 'event-moved', 'event-cancelled', 'certificates', 'retention', 'erasure', 'message'] as const;
export type MailingKind = (typeof MAILING_KINDS)[number];

export type MailingState = 'scheduled' | 'sending' | 'sent' | 'skipped';

export interface Mailing {
  eventId: string;
  /** Stable per event: `reminder-P1D`, `moved-3`, `cancelled`. */
  jobId: string;
  kind: MailingKind;
  dueAt: string;
  state: MailingState;
  sent: number;
  /** For reminders: the offset before the start. */
  offset?: string;
  /** Only registrations made at or before this instant get it (reminders: the due time). */
  registeredBefore?: string;
  audience: 'confirmed' | 'everyone' | 'attended' | 'waitlisted';
  /** Certificates re-sent to these registrations only. */
  registrationIds?: string[];
  /** An organiser's message (see message.ts): its text, read when each of its mails is rendered. */
  message?: MessageContent;
  /** When the organiser asked for it (messages; others have their due time). */
  createdAt?: string;
}

export const reminderJobId = (offset: string) => `reminder-${offset}`;

/** Reminders due before an event that has neither started nor been cancelled. */
export function reminderMailings(event: EventRecord): Mailing[] {
  return event.reminders.map((offset) => {
    const dueAt = instantBefore(event.startsAt, offset, event.timeZone);
    return { eventId: event.id, jobId: reminderJobId(offset), kind: 'reminder', dueAt, state: 'scheduled', sent: 0, offset, registeredBefore: dueAt, audience: 'confirmed' };
  });
}

export function noticeMailing(event: EventRecord, kind: 'event-moved' | 'event-cancelled', now: Date): Mailing {
  const jobId = kind === 'event-moved' ? `moved-${event.calendarSequence}` : 'cancelled';
  return { eventId: event.id, jobId, kind, dueAt: now.toISOString(), state: 'scheduled', sent: 0, audience: kind === 'event-moved' ? 'confirmed' : 'everyone' };
}

/** A certificate mailing: to who attended (or everyone with a seat), or a resend to named people. */
export function certificatesMailing(eventId: string, jobId: string, audience: 'attended' | 'confirmed', now: Date, registrationIds?: string[]): Mailing {
  return { eventId, jobId, kind: 'certificates', dueAt: now.toISOString(), state: 'scheduled', sent: 0, audience, ...(registrationIds ? { registrationIds } : {}) };
}

/**
 * Not a mail: when the event's end or its retention changes, every item of its registrations
 * must expire at the new time. The same job machinery walks the registrations (leases, a run
 * that stops early is finished by the next one). One job per change; each applies the event's
 * retention as it is when the job runs, so jobs that overlap or run late cannot undo a later change.
 */
export function retentionMailing(event: EventRecord, now: Date): Mailing {
  return { eventId: event.id, jobId: `retention-${event.updatedAt.replace(/[^0-9]/g, '')}`, kind: 'retention', dueAt: now.toISOString(), state: 'scheduled', sent: 0, audience: 'everyone' };
}

/** Not a mail either: a deleted event's registrations lose their personal data, walked like a mailing. */
export function erasureMailing(event: EventRecord, now: Date): Mailing {
  return { eventId: event.id, jobId: 'erasure', kind: 'erasure', dueAt: now.toISOString(), state: 'scheduled', sent: 0, audience: 'everyone' };
}

export type MailingDecision = 'send' | 'skip';

/** A reminder whose time was missed is still sent while the event has not started; after, never. */
export function decideMailing(mailing: Mailing, event: EventRecord | undefined, now: Date): MailingDecision {
  if (!event) return 'skip';
  if (mailing.kind === 'reminder' && (event.cancelledAt || now.toISOString() >= event.startsAt)) return 'skip';
  if (mailing.kind === 'event-moved' && event.cancelledAt) return 'skip';
  return 'send';
}

/** Looked up on first use, not at import: Intl's first use loads time-zone data (about 10 ms). */
let processTimeZone: string | undefined;

/** The first reminder at least three days before the start offers a one-click "I can't come". */
export function offersRelease(event: EventRecord, offset: string | undefined): boolean {
  if (!offset) return false;
  // Three days on the process's clock (UTC on Lambda), as this has always counted; whether it
  // should count in the event's zone, like the reminders, is a question for the domain.
  const threeDaysBefore = instantBefore(event.startsAt, 'P3D', (processTimeZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone));
  const eligible = reminderMailings(event)
    .filter((mailing) => mailing.dueAt <= threeDaysBefore)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return eligible[0]?.offset === offset;
}

/** A reminder's due time as the organiser reads it: UTC and the event's own clock. */
export function localTime(instant: string, timeZone: string): string {
  return localIsoTime(instant, timeZone);
}
