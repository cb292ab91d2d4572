/**
 * ISO 8601 durations before an instant, counted in the event's own time zone: "P1D" before
 * 09:00 is 09:00 local the day before, also across a summer/winter time change.
 *
 * Intl carries the time-zone rules (Node ships the full zone data), so no date library is
 * bundled for this; the arithmetic is Luxon's, which these functions replaced and match to the
 * millisecond: whole years, months, weeks and days move the local calendar (a month before
 * 31 March is 28 February), hours, minutes, seconds and fractions of the larger units move the
 * instant (PT24H is always 24 real hours), and a local time that a clock change skips moves
 * forward by the gap.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

const PART = String.raw`(-?\d{1,20}(?:\.\d{1,20})?)`;
/** Luxon's grammar: a sign and a fraction on any part, a comma or a point before fractional seconds. */
const DURATION = new RegExp(String.raw`^(-)?P(?:${PART}Y)?(?:${PART}M)?(?:${PART}W)?(?:${PART}D)?(?:T(?:${PART}H)?(?:${PART}M)?(?:(-?\d{1,20})(?:[.,](\d{1,20}))?S)?)?$`);

function parseDuration(text: string): DurationParts | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, negative, years, months, weeks, days, hours, minutes, seconds, fraction] = match;
  // A leading minus negates every part; a minus on the seconds also holds for their fraction.
  const value = (part: string | undefined) => (part ? (negative ? -1 : 1) * parseFloat(part) : 0);
  const milliseconds = fraction ? Math.floor(parseFloat(`0.${fraction}`) * 1000) : 0;
  return {
    years: value(years),
    months: value(months),
    weeks: value(weeks),
    days: value(days),
    hours: value(hours),
    minutes: value(minutes),
    seconds: value(seconds),
    milliseconds: negative || seconds?.startsWith('-') ? -milliseconds : milliseconds,
  };
}

/**
 * An ISO 8601 duration with at least one number in it: "P" and "PT" name no length, and a "T"
 * must be followed by a time ("P1DT" is not a duration).
 */
export function isIsoDuration(value: string): boolean {
  return /^P(?!$)/.test(value) && /\d/.test(value) && !/T$/.test(value) && parseDuration(value) !== undefined;
}

/** Where durations are measured from when only their length matters: a fixed instant, in UTC (so P1Y is 365 days, P2Y 731). */
const MEASURED_FROM = '2026-01-01T00:00:00.000Z';

/**
 * A duration's length in milliseconds, counted back from a fixed instant in UTC; negative for a
 * negative duration, undefined for text that is not a duration or a length past any date.
 */
export function durationMs(duration: string): number | undefined {
  if (!isIsoDuration(duration)) return undefined;
  try {
    const length = Date.parse(MEASURED_FROM) - Date.parse(instantBefore(MEASURED_FROM, duration, 'UTC'));
    return Number.isFinite(length) ? length : undefined;
  } catch {
    return undefined;
  }
}

/** The shortest and the longest a setting's duration may be, as durations themselves (shown in errors). */
export interface DurationBounds {
  min: string;
  max: string;
  /** The minimum itself is too short (a reminder must come before the start, not at it). */
  exclusiveMin?: boolean;
}

/** Whether `duration` is a duration without a minus sign anywhere, within `bounds`. */
export function isDurationWithin(duration: string, bounds: DurationBounds): boolean {
  const length = durationMs(duration);
  const min = durationMs(bounds.min)!;
  if (length === undefined || duration.includes('-')) return false;
  return (bounds.exclusiveMin ? length > min : length >= min) && length <= durationMs(bounds.max)!;
}

/** A time zone as a function from an instant to its UTC offset in minutes. */
type Zone = (instant: number) => number;

/** "UTC" and "GMT" are fixed offsets, written "Z"; every other name is an IANA zone. */
const isFixedUtc = (timeZone: string) => /^(utc|gmt)$/i.test(timeZone);

const zones = new Map<string, Zone>();
function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (isFixedUtc(timeZone)) {
      zone = () => 0;
    } else {
      const format = new Intl.DateTimeFormat('en-US', { hour12: false, timeZone, era: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      zone = (instant) => {
        const time = new Date(instant).getTime();
        const part: Record<string, string> = {};
        for (const { type, value } of format.formatToParts(time)) part[type] = value;
        const year = part.era === 'BC' ? 1 - Number(part.year) : Number(part.year);
        const local = utcOf(year, Number(part.month), Number(part.day), Number(part.hour) % 24, Number(part.minute), Number(part.second), 0);
        return (local - (time - (((time % 1000) + 1000) % 1000))) / MINUTE_MS;
      };
    }
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Date.UTC, without its reading of years 0–99 as 1900–1999. */
function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  if (year >= 0 && year < 100) date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  const monthOfYear = month - 1 - 12 * Math.floor((month - 1) / 12) + 1;
  const yearOfMonth = year + (month - monthOfYear) / 12;
  const leap = yearOfMonth % 4 === 0 && (yearOfMonth % 100 !== 0 || yearOfMonth % 400 === 0);
  return monthOfYear === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][monthOfYear - 1]!;
}

function instantOf(iso: string): number {
  const instant = /(Z|[+-]\d\d:\d\d)$/i.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(instant)) throw new Error(`Not an ISO 8601 date-time with offset: ${iso}`);
  return instant;
}

/** The wall clock of an instant at an offset, read through Date's UTC fields. */
const wallClock = (instant: number, offset: number) => new Date(instant + offset * MINUTE_MS);

/** The instant a wall-clock time names in a zone; in a gap (a skipped hour) the later side. */
function instantAt(localAsUtc: number, guessedOffset: number, zone: Zone): number {
  const guess = localAsUtc - guessedOffset * MINUTE_MS;
  const offset = zone(guess);
  if (offset === guessedOffset) return guess;
  const corrected = guess - (offset - guessedOffset) * MINUTE_MS;
  const correctedOffset = zone(corrected);
  if (offset === correctedOffset) return corrected;
  return localAsUtc - Math.min(offset, correctedOffset) * MINUTE_MS;
}

/** Fractions of the calendar units and the clock units, in milliseconds (a year is 365 days, a month 30). */
function clockMilliseconds(duration: DurationParts): number {
  const fractionOf = (value: number) => value - Math.trunc(value);
  let total = 0;
  total += 365 * DAY_MS * fractionOf(duration.years);
  total += 30 * DAY_MS * fractionOf(duration.months);
  total += 7 * DAY_MS * fractionOf(duration.weeks);
  total += DAY_MS * fractionOf(duration.days);
  total += 3_600_000 * duration.hours;
  total += MINUTE_MS * duration.minutes;
  total += 1000 * duration.seconds;
  total += duration.milliseconds;
  // Luxon carries the fraction of a millisecond apart and adds it back; so does this, for the same result.
  const whole = Math.trunc(total);
  return whole + (total * 1000 - whole * 1000) / 1000;
}

export function instantBefore(isoInstant: string, duration: string, timeZone: string): string {
  const back = parseDuration(duration);
  if (!back) throw new Error(`Not an ISO 8601 duration: ${duration}`);
  const zone = zoneOf(timeZone);
  const start = instantOf(isoInstant);
  const offset = zone(start);
  const local = wallClock(start, offset);
  const year = local.getUTCFullYear() - Math.trunc(back.years);
  const month = local.getUTCMonth() + 1 - Math.trunc(back.months);
  const day = Math.min(local.getUTCDate(), daysInMonth(year, month)) - Math.trunc(back.days) - Math.trunc(back.weeks) * 7;
  const localAsUtc = utcOf(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  const result = instantAt(localAsUtc, offset, zone) - clockMilliseconds(back);
  if (!(Math.abs(result) <= 8.64e15)) throw new RangeError(`${duration} before ${isoInstant} is out of range`);
  return new Date(result).toISOString();
}

/** The instant `duration` after `isoInstant`, on the zone's calendar (P1Y after 7 December is 7 December). */
export const instantAfter = (isoInstant: string, duration: string, timeZone: string): string => instantBefore(isoInstant, `-${duration}`, timeZone);

/** An instant as ISO 8601 on a zone's wall clock with its offset: 2026-03-29T09:00:00+02:00 (milliseconds only when not zero). */
export function localIsoTime(isoInstant: string, timeZone: string): string {
  const instant = instantOf(isoInstant);
  const offset = zoneOf(timeZone)(instant);
  const local = wallClock(instant, offset);
  const pad = (value: number, length = 2) => (value < 0 ? `-${String(-value).padStart(length, '0')}` : String(value).padStart(length, '0'));
  const year = local.getUTCFullYear();
  const date = `${year > 9999 ? '+' : ''}${pad(year, year > 9999 || year < 0 ? 6 : 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const milliseconds = local.getUTCMilliseconds();
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${milliseconds ? `.${pad(milliseconds, 3)}` : ''}`;
  const zone = isFixedUtc(timeZone) ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.trunc(Math.abs(offset) % 60))}`;
  return `${date}T${time}${zone}`;
}
