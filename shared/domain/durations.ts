import { DateTime, Duration } from 'luxon';

/**
 * ISO 8601 durations before an instant, counted in the event's own time zone: "P1D" before
 * 09:00 is 09:00 local the day before, also across a summer/winter time change.
 */
export function isIsoDuration(value: string): boolean {
  return /^P(?!$)/.test(value) && Duration.fromISO(value).isValid;
}

export function instantBefore(isoInstant: string, duration: string, timeZone: string): string {
  const parsed = Duration.fromISO(duration);
  if (!parsed.isValid) throw new Error(`Not an ISO 8601 duration: ${duration}`);
  return DateTime.fromISO(isoInstant, { zone: timeZone }).minus(parsed).toUTC().toISO()!;
}
