import type { EventRecord, Language } from '../domain/event';
import { formatEventTime, formatTime } from './format';

/** The words every mail and page uses to describe an event: one place, so they never drift apart. */
export const EVENT_WORDS = {
  nl: { when: 'Wanneer', where: 'Waar', online: 'Online', programme: 'Programma' },
  en: { when: 'When', where: 'Where', online: 'Online', programme: 'Programme' },
} as const satisfies Record<Language, Record<string, string>>;

/** When, where and (if any) the online link, as term and value: the same lines in every mail and page. */
export function eventDetailLines(event: Pick<EventRecord, 'startsAt' | 'endsAt' | 'timeZone' | 'venue'>, language: Language): Array<[string, string]> {
  const w = EVENT_WORDS[language];
  const lines: Array<[string, string]> = [[w.when, formatEventTime(event, language)]];
  const place = [event.venue.name, event.venue.address].filter(Boolean).join(', ');
  if (place) lines.push([w.where, place]);
  if (event.venue.onlineUrl) lines.push([w.online, event.venue.onlineUrl]);
  return lines;
}

/** A programme item's time, in the event's time zone, and its text ("Jan Jansen" as speaker in brackets). */
export const programmeLines = (event: Pick<EventRecord, 'programme' | 'timeZone'>, language: Language) =>
  event.programme.map((item) => ({ time: formatTime(item.startsAt, event.timeZone, language), text: `${item.title}${item.speaker ? ` (${item.speaker})` : ''}` }));
