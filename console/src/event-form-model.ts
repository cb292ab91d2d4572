import type { AdminEvent, CreateEventRequest, FieldError, Language, UpdateEventRequest } from './api-types';
import type { Messages } from './i18n';
import { instantAfter } from '../../shared/domain/durations';
import { DEFAULT_NEEDS_RETENTION, DEFAULT_RETENTION, MAX_RETENTION } from '../../shared/domain/event';
import {
  durationMinutes,
  fromWallTime,
  isTimeZone,
  joinCalendarDuration,
  joinDuration,
  splitCalendarDuration,
  splitDuration,
  toWallTime,
  type CalendarUnit,
  type DurationUnit,
} from './time';

/**
 * The event form as the organiser fills it in (times on the event's own clock, numbers as
 * typed), and its translation to and from the API's event. Errors are keyed by the API's field
 * paths (`venue.name`, `programme.0.startsAt`), so the API's own errors land on the same fields.
 */

export interface ProgrammeRow {
  key: number;
  time: string;
  title: string;
  speaker: string;
}

export interface ReminderRow {
  key: number;
  amount: string;
  unit: DurationUnit;
}

export interface EventForm {
  title: string;
  description: string;
  language: Language;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string;
  capacity: string;
  waitlistEnabled: boolean;
  opensAt: string;
  /** Empty: registration closes when the event starts. */
  closesAt: string;
  programme: ProgrammeRow[];
  reminders: ReminderRow[];
  /** Offsets the form cannot show as a number and a unit; kept as they are. */
  otherReminders: string[];
  /** `emailConfirmation: 'required'`: a registration holds its place until its address is confirmed. */
  confirmationRequired: boolean;
  /** How long such a hold lasts (`confirmationWindow`), as a number and a unit. */
  confirmationAmount: string;
  confirmationUnit: DurationUnit;
  certificateEnabled: boolean;
  hours: string;
  organiserName: string;
  signatoryName: string;
  signatoryTitle: string;
  certificateDescription: string;
  /** Who is responsible for the participants' data (`controller`): both or neither. */
  controllerName: string;
  controllerContact: string;
  /** The event had a controller when the form opened: the API has no way to remove one. */
  hadController: boolean;
  /** How long after the end registrations are kept (`retention`), and the needs (`needsRetention`). */
  retentionAmount: string;
  retentionUnit: CalendarUnit;
  needsRetentionAmount: string;
  needsRetentionUnit: CalendarUnit;
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam';
  } catch {
    return 'Europe/Amsterdam';
  }
}

/** How long an unconfirmed registration may hold its place: the bounds the API sets for `confirmationWindow`. */
const CONFIRMATION_WINDOW_MINUTES = { min: 15, max: 2 * 1440 };

/** The API's default window (`PT2H`), for a new event and for an event whose window the form cannot show. */
const DEFAULT_CONFIRMATION = { amount: '2', unit: 'hours' as DurationUnit };

/** The API's limits on the controller's texts. */
const CONTROLLER_MAX = { name: 200, contact: 300 };

/** A retention as the form shows it; one the form cannot show as one unit shows the API's default. */
function retentionRow(iso: string, fallback: string): { amount: string; unit: CalendarUnit } {
  const split = splitCalendarDuration(iso) ?? splitCalendarDuration(fallback)!;
  return { amount: String(split.amount), unit: split.unit };
}

/** A new event: the browser's zone, a 7-day and a 1-day reminder, address confirmation within 2 hours, a certificate. */
export function emptyForm(language: Language): EventForm {
  return {
    title: '',
    description: '',
    language,
    timeZone: browserTimeZone(),
    startsAt: '',
    endsAt: '',
    venueName: '',
    venueAddress: '',
    onlineUrl: '',
    capacity: '',
    waitlistEnabled: true,
    opensAt: '',
    closesAt: '',
    programme: [],
    reminders: [
      { key: newKey(), amount: '7', unit: 'days' },
      { key: newKey(), amount: '1', unit: 'days' },
    ],
    otherReminders: [],
    confirmationRequired: true,
    confirmationAmount: DEFAULT_CONFIRMATION.amount,
    confirmationUnit: DEFAULT_CONFIRMATION.unit,
    certificateEnabled: true,
    hours: '',
    organiserName: '',
    signatoryName: '',
    signatoryTitle: '',
    certificateDescription: '',
    controllerName: '',
    controllerContact: '',
    hadController: false,
    ...retentionFields(DEFAULT_RETENTION, DEFAULT_NEEDS_RETENTION),
  };
}

function retentionFields(retention: string, needsRetention: string): Pick<EventForm, 'retentionAmount' | 'retentionUnit' | 'needsRetentionAmount' | 'needsRetentionUnit'> {
  const kept = retentionRow(retention, DEFAULT_RETENTION);
  const needs = retentionRow(needsRetention, DEFAULT_NEEDS_RETENTION);
  return { retentionAmount: kept.amount, retentionUnit: kept.unit, needsRetentionAmount: needs.amount, needsRetentionUnit: needs.unit };
}

export function formFromEvent(event: AdminEvent): EventForm {
  const zone = event.timeZone;
  const reminders: ReminderRow[] = [];
  const otherReminders: string[] = [];
  for (const offset of event.reminders) {
    const split = splitDuration(offset);
    if (split) reminders.push({ key: newKey(), amount: String(split.amount), unit: split.unit });
    else otherReminders.push(offset);
  }
  const window = splitDuration(event.confirmationWindow);
  return {
    title: event.title,
    description: event.description ?? '',
    language: event.language,
    timeZone: zone,
    startsAt: toWallTime(event.startsAt, zone),
    endsAt: toWallTime(event.endsAt, zone),
    venueName: event.venue.name,
    venueAddress: event.venue.address ?? '',
    onlineUrl: event.venue.onlineUrl ?? '',
    capacity: String(event.capacity),
    waitlistEnabled: event.waitlistEnabled,
    opensAt: event.registrationOpensAt ? toWallTime(event.registrationOpensAt, zone) : '',
    closesAt: event.registrationClosesAt === event.startsAt ? '' : toWallTime(event.registrationClosesAt, zone),
    programme: event.programme.map((item) => ({ key: newKey(), time: toWallTime(item.startsAt, zone), title: item.title, speaker: item.speaker ?? '' })),
    reminders,
    otherReminders,
    confirmationRequired: event.emailConfirmation === 'required',
    confirmationAmount: window ? String(window.amount) : DEFAULT_CONFIRMATION.amount,
    confirmationUnit: window?.unit ?? DEFAULT_CONFIRMATION.unit,
    certificateEnabled: event.certificate.enabled,
    hours: event.certificate.hours === undefined ? '' : String(event.certificate.hours),
    organiserName: event.certificate.organiserName ?? '',
    signatoryName: event.certificate.signatoryName ?? '',
    signatoryTitle: event.certificate.signatoryTitle ?? '',
    certificateDescription: event.certificate.description ?? '',
    controllerName: event.controller?.name ?? '',
    controllerContact: event.controller?.contact ?? '',
    hadController: event.controller !== undefined,
    ...retentionFields(event.retention, event.needsRetention),
  };
}

export type FieldErrors = Record<string, string>;

/** The DOM id of the input for an API field path. */
export const fieldId = (path: string) => `ev-${path.replace(/\./g, '-')}`;

const isWebUrl = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** What the privacy page can make a link of: an e-mail address or a web address. */
const isContact = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || isWebUrl(text);

/** Accepts "6,5" as well as "6.5". */
const parseNumber = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')));

/**
 * The API's event for this form, or the errors that keep it from being one. Checks what the
 * API would refuse anyway, but in the organiser's language and before anything is sent.
 */
export function requestFromForm(form: EventForm, t: Messages): { request?: CreateEventRequest; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const zone = form.timeZone.trim();
  const zoneOk = isTimeZone(zone) && zone !== '';
  if (!zoneOk) errors.timeZone = t.form.timeZoneInvalid;
  const time = (path: string, wall: string, required: boolean) => {
    if (!wall) {
      if (required) errors[path] = t.errors.required;
      return undefined;
    }
    const iso = zoneOk ? fromWallTime(wall, zone) : undefined;
    if (zoneOk && !iso) errors[path] = t.form.dateTimeHint;
    return iso;
  };
  if (!form.title.trim()) errors.title = t.errors.required;
  const startsAt = time('startsAt', form.startsAt, true);
  const endsAt = time('endsAt', form.endsAt, true);
  const opensAt = time('registrationOpensAt', form.opensAt, false);
  const closesAt = time('registrationClosesAt', form.closesAt, false);
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) errors.endsAt = t.form.endBeforeStart;
  const closing = closesAt ?? startsAt;
  if (opensAt && closing && Date.parse(opensAt) >= Date.parse(closing)) errors.registrationOpensAt = t.form.opensAfterCloses;
  if (closesAt && endsAt && Date.parse(closesAt) > Date.parse(endsAt)) errors.registrationClosesAt = t.form.closesAfterEnd;

  if (!form.venueName.trim()) errors['venue.name'] = t.errors.required;
  if (form.onlineUrl.trim() && !isWebUrl(form.onlineUrl.trim())) errors['venue.onlineUrl'] = t.form.urlInvalid;
  const capacity = parseNumber(form.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000) errors.capacity = t.form.capacityInvalid;

  const programme = form.programme.map((row, index) => {
    const startsAtItem = time(`programme.${index}.startsAt`, row.time, true);
    if (!row.title.trim()) errors[`programme.${index}.title`] = t.errors.required;
    return { startsAt: startsAtItem ?? '', title: row.title.trim(), ...(row.speaker.trim() ? { speaker: row.speaker.trim() } : {}) };
  });
  const reminders = form.reminders.map((row, index) => {
    const amount = parseNumber(row.amount);
    if (!Number.isInteger(amount) || amount < 1) errors[`reminders.${index}`] = t.form.reminderInvalid;
    return joinDuration(amount, row.unit);
  });

  // Only checked (and sent) while it applies: a hidden field cannot hold an error the organiser must fix.
  let confirmationWindow: string | undefined;
  if (form.confirmationRequired) {
    const amount = parseNumber(form.confirmationAmount);
    const window = Number.isInteger(amount) && amount > 0 ? joinDuration(amount, form.confirmationUnit) : undefined;
    const minutes = window ? durationMinutes(window) : undefined;
    if (minutes !== undefined && minutes >= CONFIRMATION_WINDOW_MINUTES.min && minutes <= CONFIRMATION_WINDOW_MINUTES.max) confirmationWindow = window;
    else errors.confirmationWindow = t.form.confirmationWindowInvalid;
  }

  const controllerName = form.controllerName.trim();
  const controllerContact = form.controllerContact.trim();
  if (controllerName && !controllerContact) errors['controller.contact'] = t.form.controllerContactMissing;
  else if (controllerContact && !controllerName) errors['controller.name'] = t.form.controllerNameMissing;
  else if (!controllerName && form.hadController) errors['controller.name'] = t.form.controllerCannotRemove;
  if (controllerName.length > CONTROLLER_MAX.name) errors['controller.name'] = t.form.tooLong(CONTROLLER_MAX.name);
  if (controllerContact && !isContact(controllerContact)) errors['controller.contact'] = t.form.controllerContactInvalid;
  else if (controllerContact.length > CONTROLLER_MAX.contact) errors['controller.contact'] = t.form.tooLong(CONTROLLER_MAX.contact);

  // Counted as the API counts them: on the event's calendar from its end (a month after 31
  // January is 28 February), so the form and the API refuse the same settings.
  const keptUntil = (duration: string) => instantAfter(endsAt ?? new Date().toISOString(), duration, zoneOk ? zone : 'UTC');
  const retentionAmount = parseNumber(form.retentionAmount);
  const retention = Number.isInteger(retentionAmount) && retentionAmount >= 1 ? joinCalendarDuration(retentionAmount, form.retentionUnit) : undefined;
  if (!retention || keptUntil(retention) > keptUntil(MAX_RETENTION)) errors.retention = t.form.retentionInvalid;
  const needsAmount = parseNumber(form.needsRetentionAmount);
  const needsRetention = Number.isInteger(needsAmount) && needsAmount >= 0 ? joinCalendarDuration(needsAmount, form.needsRetentionUnit) : undefined;
  if (!needsRetention) errors.needsRetention = t.form.needsRetentionInvalid;
  else if (retention && !errors.retention && keptUntil(needsRetention) > keptUntil(retention)) errors.needsRetention = t.form.needsRetentionTooLong;

  const hours = parseNumber(form.hours);
  if (form.hours.trim() && (!Number.isFinite(hours) || hours <= 0 || hours > 1000 || !Number.isInteger(hours * 4))) errors['certificate.hours'] = t.form.hoursInvalid;

  if (Object.keys(errors).length > 0) return { errors };
  const venue = {
    name: form.venueName.trim(),
    ...(form.venueAddress.trim() ? { address: form.venueAddress.trim() } : {}),
    ...(form.onlineUrl.trim() ? { onlineUrl: form.onlineUrl.trim() } : {}),
  };
  const request: CreateEventRequest = {
    title: form.title.trim(),
    description: form.description.trim(),
    startsAt: startsAt!,
    endsAt: endsAt!,
    timeZone: zone,
    venue,
    capacity,
    waitlistEnabled: form.waitlistEnabled,
    ...(opensAt ? { registrationOpensAt: opensAt } : {}),
    registrationClosesAt: closesAt ?? startsAt!,
    language: form.language,
    programme,
    reminders: [...new Set([...reminders, ...form.otherReminders])],
    emailConfirmation: form.confirmationRequired ? 'required' : 'off',
    ...(confirmationWindow ? { confirmationWindow } : {}),
    retention: retention!,
    needsRetention: needsRetention!,
    ...(controllerName ? { controller: { name: controllerName, contact: controllerContact } } : {}),
    certificate: {
      enabled: form.certificateEnabled,
      ...(form.hours.trim() ? { hours } : {}),
      organiserName: form.organiserName.trim(),
      signatoryName: form.signatoryName.trim(),
      signatoryTitle: form.signatoryTitle.trim(),
      description: form.certificateDescription.trim(),
    },
  };
  return { request, errors };
}

/** A new event: empty optional texts are left out, so the API's defaults apply. */
export function createRequest(request: CreateEventRequest): CreateEventRequest {
  const certificate = Object.fromEntries(Object.entries(request.certificate ?? {}).filter(([, value]) => value !== ''));
  const { description, ...rest } = request;
  return { ...rest, ...(description ? { description } : {}), certificate };
}

/**
 * Only what changed, compared with the same form filled from the event as it was: a PATCH never
 * repeats a time (which would mail everyone) or resets what the organiser did not touch.
 */
export function changesFrom(original: EventForm, request: CreateEventRequest, t: Messages): UpdateEventRequest {
  const before = requestFromForm(original, t).request;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request) as Array<[keyof CreateEventRequest, unknown]>) {
    if (!before || JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = value;
  }
  if (before?.registrationOpensAt && !request.registrationOpensAt) changes.registrationOpensAt = null;
  return changes as UpdateEventRequest;
}

/** The API's field errors on this form's fields; those it has no field for go to the summary only. */
export function apiFieldErrors(errors: FieldError[]): FieldErrors {
  return Object.fromEntries(errors.map((error) => [error.field, error.message]));
}

export function fieldLabel(path: string, t: Messages): string {
  const labels: Record<string, string> = {
    title: t.form.title,
    description: t.form.description,
    language: t.form.language,
    timeZone: t.form.timeZone,
    startsAt: t.form.startsAt,
    endsAt: t.form.endsAt,
    'venue.name': t.form.venueName,
    'venue.address': t.form.venueAddress,
    'venue.onlineUrl': t.form.onlineUrl,
    capacity: t.form.capacity,
    waitlistEnabled: t.form.waitlist,
    registrationOpensAt: t.form.opensAt,
    registrationClosesAt: t.form.closesAt,
    reminders: t.form.reminders,
    emailConfirmation: t.form.confirmation,
    confirmationWindow: t.form.confirmationWindow,
    programme: t.form.programme,
    certificate: t.form.certificate,
    'certificate.hours': t.form.hours,
    'certificate.organiserName': t.form.organiserName,
    'certificate.signatoryName': t.form.signatoryName,
    'certificate.signatoryTitle': t.form.signatoryTitle,
    'certificate.description': t.form.certificateDescription,
    controller: t.form.controller,
    'controller.name': t.form.controllerName,
    'controller.contact': t.form.controllerContact,
    retention: t.form.retention,
    needsRetention: t.form.needsRetention,
  };
  if (labels[path]) return labels[path];
  const programme = /^programme\.(\d+)\.(startsAt|title|speaker)$/.exec(path);
  if (programme) {
    const part = { startsAt: t.form.programmeTime, title: t.form.programmeTitle, speaker: t.form.programmeSpeaker }[programme[2] as 'startsAt' | 'title' | 'speaker'];
    return `${t.form.programmeItem(Number(programme[1]) + 1)}: ${part}`;
  }
  const reminder = /^reminders\.(\d+)$/.exec(path);
  if (reminder) return t.form.reminder(Number(reminder[1]) + 1);
  return path;
}
