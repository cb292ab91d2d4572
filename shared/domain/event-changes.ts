import { instantAfter, instantBefore } from './durations';
import { questionErrors } from './questions';
import { Conflict, ValidationFailed, type FieldError } from './errors';
import { confirmationWindowOf, DEFAULT_CONFIRMATION_WINDOW, DEFAULT_EMAIL_CONFIRMATION, DEFAULT_NEEDS_RETENTION, DEFAULT_RETENTION, emailConfirmationOf, needsRetentionOf, questionsOf, retentionOf, DEFAULT_PROMOTION_CUTOFF, DEFAULT_REMINDERS, DEFAULT_TIME_ZONE, MAX_RETENTION, type CertificateSettings, type EventRecord, type EventSettings } from './event';

type Defaulted = 'registrationClosesAt' | 'timeZone' | 'waitlistEnabled' | 'language' | 'programme' | 'promotionCutoff' | 'reminders' | 'emailConfirmation' | 'confirmationWindow' | 'retention' | 'needsRetention' | 'questions';
export type NewEventInput = Omit<EventSettings, Defaulted | 'certificate'> &
  Partial<Pick<EventSettings, Defaulted>> & { certificate?: Partial<CertificateSettings> };

export type EventChanges = Partial<Omit<EventSettings, 'registrationOpensAt' | 'certificate' | 'controller'>> & {
  registrationOpensAt?: string | null;
  controller?: EventSettings['controller'] | null;
  certificate?: Partial<CertificateSettings>;
};

const toUtc = (iso: string): string => new Date(iso).toISOString();

function checkTimes(settings: EventSettings): void {
  const errors: FieldError[] = [];
  if (settings.endsAt <= settings.startsAt) errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (settings.registrationOpensAt && settings.registrationOpensAt >= settings.registrationClosesAt) {
    errors.push({ field: 'registrationOpensAt', message: 'must be before registrationClosesAt' });
  }
  if (settings.registrationClosesAt > settings.endsAt) errors.push({ field: 'registrationClosesAt', message: 'must not be after endsAt' });
  const keptUntil = (duration: string) => instantAfter(settings.endsAt, duration, settings.timeZone);
  if (keptUntil(settings.retention) > keptUntil(MAX_RETENTION)) errors.push({ field: 'retention', message: `must be at most ${MAX_RETENTION} after the event` });
  if (keptUntil(settings.needsRetention) > keptUntil(settings.retention)) errors.push({ field: 'needsRetention', message: 'must not be longer than retention' });
  errors.push(...questionErrors(settings.questions));
  if (errors.length > 0) throw new ValidationFailed(errors);
}

const cutoffAt = (settings: EventSettings) => instantBefore(settings.startsAt, settings.promotionCutoff, settings.timeZone);

export function newEvent(input: NewEventInput, ids: { id: string; organisationId: string }, now: Date): EventRecord {
  const settings: EventSettings = {
    title: input.title,
    description: input.description,
    startsAt: toUtc(input.startsAt),
    endsAt: toUtc(input.endsAt),
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    venue: input.venue,
    capacity: input.capacity,
    waitlistEnabled: input.waitlistEnabled ?? true,
    registrationOpensAt: input.registrationOpensAt ? toUtc(input.registrationOpensAt) : undefined,
    registrationClosesAt: toUtc(input.registrationClosesAt ?? input.startsAt),
    language: input.language ?? 'nl',
    programme: (input.programme ?? []).map((item) => ({ ...item, startsAt: toUtc(item.startsAt) })),
    promotionCutoff: input.promotionCutoff ?? DEFAULT_PROMOTION_CUTOFF,
    reminders: uniqueReminders(input.reminders ?? [...DEFAULT_REMINDERS]),
    certificate: { enabled: true, ...input.certificate },
    emailConfirmation: input.emailConfirmation ?? DEFAULT_EMAIL_CONFIRMATION,
    confirmationWindow: input.confirmationWindow ?? DEFAULT_CONFIRMATION_WINDOW,
    retention: input.retention ?? DEFAULT_RETENTION,
    needsRetention: input.needsRetention ?? DEFAULT_NEEDS_RETENTION,
    ...(input.controller ? { controller: input.controller } : {}),
    questions: input.questions ?? [],
  };
  checkTimes(settings);
  const timestamp = now.toISOString();
  return {
    id: ids.id,
    organisationId: ids.organisationId,
    ...settings,
    createdAt: timestamp,
    updatedAt: timestamp,
    promotionCutoffAt: cutoffAt(settings),
    calendarSequence: 0,
  };
}

/**
 * The event after an organiser's PATCH. A registration window that followed the start (the
 * default) keeps following it. Whether the seats allow a new capacity is the seats' call (capacityChange).
 */
export function changedEvent(event: EventRecord, changes: EventChanges, now: Date): EventRecord {
  const startsAt = changes.startsAt ? toUtc(changes.startsAt) : event.startsAt;
  const closesFollowedStart = event.registrationClosesAt === event.startsAt;
  const settings: EventSettings = {
    title: changes.title ?? event.title,
    description: changes.description ?? event.description,
    startsAt,
    endsAt: changes.endsAt ? toUtc(changes.endsAt) : event.endsAt,
    timeZone: changes.timeZone ?? event.timeZone,
    venue: changes.venue ?? event.venue,
    capacity: changes.capacity ?? event.capacity,
    waitlistEnabled: changes.waitlistEnabled ?? event.waitlistEnabled,
    registrationOpensAt:
      changes.registrationOpensAt === null ? undefined : changes.registrationOpensAt ? toUtc(changes.registrationOpensAt) : event.registrationOpensAt,
    registrationClosesAt: changes.registrationClosesAt ? toUtc(changes.registrationClosesAt) : closesFollowedStart ? startsAt : event.registrationClosesAt,
    language: changes.language ?? event.language,
    programme: changes.programme ? changes.programme.map((item) => ({ ...item, startsAt: toUtc(item.startsAt) })) : event.programme,
    promotionCutoff: changes.promotionCutoff ?? event.promotionCutoff,
    reminders: changes.reminders ? uniqueReminders(changes.reminders) : event.reminders,
    certificate: { ...event.certificate, ...changes.certificate },
    emailConfirmation: changes.emailConfirmation ?? emailConfirmationOf(event),
    confirmationWindow: changes.confirmationWindow ?? confirmationWindowOf(event),
    retention: changes.retention ?? retentionOf(event),
    needsRetention: changes.needsRetention ?? needsRetentionOf(event),
    questions: changes.questions ?? questionsOf(event),
    ...(changes.controller === null ? {} : changes.controller ?? event.controller ? { controller: changes.controller ?? event.controller } : {}),
  };
  checkTimes(settings);
  if (event.cancelledAt) throw new Conflict('event-cancelled', 'Event cancelled', 'This event has been cancelled and can no longer be changed.');
  const calendarChanged = timeOrPlaceChanged(event, settings);
  // The settings decide the controller: one the change removed must not come back from the event as it was.
  const { controller: _previous, ...unchanged } = event;
  return {
    ...unchanged,
    ...settings,
    promotionCutoffAt: cutoffAt(settings),
    calendarSequence: event.calendarSequence + (calendarChanged ? 1 : 0),
    updatedAt: now.toISOString(),
  };
}

/** What a participant's calendar entry shows: a change here is worth telling them about. */
export function timeOrPlaceChanged(before: EventSettings, after: EventSettings): boolean {
  return before.startsAt !== after.startsAt || before.endsAt !== after.endsAt || JSON.stringify(before.venue) !== JSON.stringify(after.venue);
}

const uniqueReminders = (offsets: readonly string[]) => [...new Set(offsets)];
