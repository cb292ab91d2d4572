import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus } from 'ical-generator';
import type { EventRecord } from '../domain/event';

export const CALENDAR_PRODUCT_ID = { company: 'event-registration', product: 'masterclass', language: 'EN' };

/** One UID per event, so calendar apps update the entry when a later file has a higher SEQUENCE. */
export const calendarUid = (eventId: string) => `${eventId}@event-registration`;

export interface CalendarOptions {
  method: 'PUBLISH' | 'CANCEL';
  sequence: number;
}

/**
 * An iCalendar file whose times are the stored UTC instants (DTSTART:...Z), so no calendar app
 * has to guess a zone and summer/winter time cannot shift the event.
 */
export function eventCalendar(event: EventRecord, { method, sequence }: CalendarOptions = { method: 'PUBLISH', sequence: 0 }): string {
  const calendar = ical({ prodId: CALENDAR_PRODUCT_ID, method: ICalCalendarMethod[method], name: event.title });
  calendar.createEvent({
    id: calendarUid(event.id),
    sequence,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    summary: event.title,
    description: event.description,
    location: [event.venue.name, event.venue.address].filter(Boolean).join(', ') || undefined,
    url: event.venue.onlineUrl,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    busystatus: ICalEventBusyStatus.BUSY,
    stamp: new Date(event.updatedAt),
  });
  return calendar.toString();
}
