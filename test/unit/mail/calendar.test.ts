import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { formatEventTime, pickLanguage } from '../../../shared/i18n/format';
import { eventCalendar } from '../../../shared/mail/calendar';
import { anEvent } from '../../support/fixtures';

function parsedEvent(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return { calendar: component, event: new ICAL.Event(component.getFirstSubcomponent('vevent')!) };
}

describe('eventCalendar', () => {
  it('writes a winter-time start (UTC+1) as the right UTC instant', () => {
    const ics = eventCalendar(anEvent({}, { startsAt: '2026-12-07T09:00:00+01:00', endsAt: '2026-12-07T17:30:00+01:00' }));

    expect(ics).toContain('DTSTART:20261207T080000Z');
    expect(ics).toContain('DTEND:20261207T163000Z');
    expect(parsedEvent(ics).event.startDate.toJSDate().toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('writes a summer-time start (UTC+2) as the right UTC instant', () => {
    const ics = eventCalendar(anEvent({}, { startsAt: '2027-06-10T09:00:00+02:00', endsAt: '2027-06-10T12:00:00+02:00' }));

    expect(ics).toContain('DTSTART:20270610T070000Z');
  });

  it('keeps one UID per event and carries the method and sequence', () => {
    const { calendar, event } = parsedEvent(eventCalendar(anEvent({ id: 'abc' }), { method: 'CANCEL', sequence: 3 }));

    expect(event.uid).toBe('abc@event-registration');
    expect(event.sequence).toBe(3);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
  });

  it('keeps a title with line breaks, commas and long text inside its own properties, folded at 75 octets', () => {
    const title = 'Samen sterker; inclusieve burgerparticipatie,\nMETHOD:CANCEL\nZoë Ça Ğ — een masterclass voor gemeenten, provincies en waterschappen';
    const ics = eventCalendar(anEvent({ id: 'abc' }, { title }));
    const { calendar, event } = parsedEvent(ics);

    expect(event.summary).toBe(title);
    expect(calendar.getAllProperties('method').map((property) => property.getFirstValue())).toEqual(['PUBLISH']);
    expect(ics.split('\r\n').filter((line) => line.startsWith('METHOD:'))).toEqual(['METHOD:PUBLISH']);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('formatting in the event time zone', () => {
  it('shows Amsterdam local time in Dutch and English, across the DST change', () => {
    // Punctuation between weekday and date differs between ICU versions; the facts must not.
    const winter = formatEventTime({ startsAt: '2026-12-07T08:00:00Z', endsAt: '2026-12-07T16:30:00Z', timeZone: 'Europe/Amsterdam' }, 'nl');
    const summer = formatEventTime({ startsAt: '2027-06-10T07:00:00Z', endsAt: '2027-06-10T10:00:00Z', timeZone: 'Europe/Amsterdam' }, 'en');

    expect(winter).toMatch(/^maandag,? 7 december 2026, 09:00–17:30$/);
    expect(summer).toMatch(/^Thursday,? 10 June 2027, 09:00–12:00$/);
  });

  it('picks the language from the query, then Accept-Language, then the event', () => {
    expect(pickLanguage('en', 'nl', 'nl')).toBe('en');
    expect(pickLanguage(undefined, 'de-DE,en-GB;q=0.8,nl;q=0.5', 'nl')).toBe('en');
    expect(pickLanguage(undefined, 'fr', 'nl')).toBe('nl');
    expect(pickLanguage('xx', undefined, 'en')).toBe('en');
  });
});
