import type { EventRecord } from '../domain/event';

/** RFC 5545 §3.7.3: who wrote the file. */
export const CALENDAR_PRODUCT_ID = '-//event-registration//masterclass//EN';

/** One UID per event, so calendar apps update the entry when a later file has a higher SEQUENCE. */
export const calendarUid = (eventId: string) => `${eventId}@event-registration`;

export interface CalendarOptions {
  method: 'PUBLISH' | 'CANCEL';
  sequence: number;
}

/** A UTC instant as an iCalendar DATE-TIME: 20261207T080000Z. */
const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
const text = (value: string) => value.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');

/** RFC 5545 §3.1: lines of at most 75 octets, continued after a line break and a space. */
function folded(line: string): string {
  let result = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    octets += size;
    if (octets > 74) {
      result += '\r\n ';
      octets = size;
    }
    result += character;
  }
  return result;
}

/**
 * An iCalendar file whose times are the stored UTC instants (DTSTART:...Z), so no calendar app
 * has to guess a zone and summer/winter time cannot shift the event. One event with a handful
 * of properties: this writes what ical-generator wrote for it before (about 35 KB of the mail
 * functions' bundles, which would take send-mail over its 500 KB budget), except that the
 * calendar's NAME is escaped too, so no title can add a property of its own.
 */
export function eventCalendar(event: EventRecord, { method, sequence }: CalendarOptions = { method: 'PUBLISH', sequence: 0 }): string {
  const [start, end] = [event.startsAt, event.endsAt].sort((a, b) => Date.parse(a) - Date.parse(b)) as [string, string];
  const location = [event.venue.name, event.venue.address].filter(Boolean).join(', ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${CALENDAR_PRODUCT_ID}`,
    `METHOD:${method}`,
    `NAME:${text(event.title)}`,
    `X-WR-CALNAME:${text(event.title)}`,
    'BEGIN:VEVENT',
    `UID:${calendarUid(event.id)}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${utc(event.updatedAt)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${text(event.title)}`,
    ...(location ? [`LOCATION:${text(location)}`] : []),
    ...(event.description !== undefined ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(event.venue.onlineUrl ? [`URL;VALUE=URI:${text(event.venue.onlineUrl)}`] : []),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(folded).join('\r\n');
}
