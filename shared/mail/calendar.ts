import { createEvent } from 'ics';
import type { EventRecord } from '../domain/event';

export const CALENDAR_PRODUCT_ID = '-//event-registration//masterclass//EN';

/** One UID per event, so calendar apps update the entry when a later file has a higher SEQUENCE. */
export const calendarUid = (eventId: string) => `${eventId}@event-registration`;

export interface CalendarOptions {
  method: 'PUBLISH' | 'CANCEL';
  sequence: number;
}

/** An iCalendar file with times in UTC, derived from the stored instants, so DST cannot shift it. */
export function eventCalendar(event: EventRecord, { method, sequence }: CalendarOptions = { method: 'PUBLISH', sequence: 0 }): string {
  const location = [event.venue.name, event.venue.address].filter(Boolean).join(', ');
  const { error, value } = createEvent({
    productId: CALENDAR_PRODUCT_ID,
    method,
    uid: calendarUid(event.id),
    sequence,
    title: event.title,
    description: event.description,
    location: location || undefined,
    url: event.venue.onlineUrl,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw new Error(`Could not build calendar file: ${error?.message ?? 'empty result'}`);
  return value;
}
