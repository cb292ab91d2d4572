/**
 * Times in an event's own time zone, with nothing but Intl: an organiser in Amsterdam editing
 * an event in London types London times, and summer and winter time come out right.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string) {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at that instant, in minutes (Amsterdam in winter: 60). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** An instant as `YYYY-MM-DDTHH:mm` on the zone's clock: the value of an `<input type="datetime-local">`. */
export function toWallTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * `YYYY-MM-DDTHH:mm` on the zone's clock as ISO 8601 with that zone's offset then
 * (`2026-12-07T09:00:00+01:00`). A time that does not exist (the hour skipped in spring) moves
 * forward by the gap, as clocks do; undefined when the text is not a date and time.
 */
export function fromWallTime(wallTime: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallTime);
  if (!match || !isTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return undefined;
  // The offset at a guess, then at the instant that guess gives: twice settles every transition.
  let instant = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - zoneOffsetMinutes(instant, timeZone) * 60_000;
  const offset = zoneOffsetMinutes(instant, timeZone);
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:00${offsetText(offset)}`;
}

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;
export type UiLanguage = keyof typeof locales;

export function formatDateTime(iso: string | undefined, language: UiLanguage, timeZone?: string, style: 'long' | 'short' = 'long'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    timeZone,
    ...(style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatTime(iso: string | undefined, language: UiLanguage, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

export type DurationUnit = 'days' | 'hours' | 'minutes';

/** Whole minutes of an ISO 8601 duration made of weeks, days, hours, minutes (and seconds); undefined otherwise. */
export function durationMinutes(iso: string): number | undefined {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return weeks * 7 * 1440 + days * 1440 + hours * 60 + minutes + Math.floor(seconds / 60);
}

/** A duration in the largest unit that divides it: P7D → 7 days, PT36H → 36 hours. */
export function splitDuration(iso: string): { amount: number; unit: DurationUnit } | undefined {
  const minutes = durationMinutes(iso);
  if (minutes === undefined) return undefined;
  if (minutes > 0 && minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

export function joinDuration(amount: number, unit: DurationUnit): string {
  if (unit === 'days') return `P${amount}D`;
  if (unit === 'hours') return `PT${amount}H`;
  return `PT${amount}M`;
}

/** A period on the calendar, as retention is counted: P1Y after 7 December is 7 December. */
export type CalendarUnit = 'days' | 'weeks' | 'months' | 'years';

/**
 * A calendar duration as one number and a unit: P1Y → 1 year, P18M → 18 months, P1Y6M → 18
 * months, P2W3D → 17 days. Undefined for anything with a clock part or a fraction, or one that
 * mixes months and days, which no single unit can show.
 */
export function splitCalendarDuration(iso: string): { amount: number; unit: CalendarUnit } | undefined {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!match || iso === 'P') return undefined;
  const [y, m, w, d] = match.slice(1);
  const [years, months, weeks, days] = [y, m, w, d].map((part) => Number(part ?? 0)) as [number, number, number, number];
  if ((y ?? m) !== undefined && (w ?? d) !== undefined) return undefined;
  if (m !== undefined) return { amount: years * 12 + months, unit: 'months' };
  if (y !== undefined) return { amount: years, unit: 'years' };
  return d === undefined ? { amount: weeks, unit: 'weeks' } : { amount: weeks * 7 + days, unit: 'days' };
}

export function joinCalendarDuration(amount: number, unit: CalendarUnit): string {
  return `P${amount}${{ days: 'D', weeks: 'W', months: 'M', years: 'Y' }[unit]}`;
}
