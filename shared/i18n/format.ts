import type { Language } from '../domain/event';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "donderdag 7 december 2026" — dates are always shown in the event's own time zone. */
export function formatDate(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function formatTime(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "donderdag 7 december 2026, 11:30": one moment, in the event's time zone. */
export function formatMoment(iso: string, timeZone: string, language: Language): string {
  return `${formatDate(iso, timeZone, language)}, ${formatTime(iso, timeZone, language)}`;
}

/** "donderdag 7 december 2026, 09:00–17:30" */
export function formatEventTime(event: { startsAt: string; endsAt: string; timeZone: string }, language: Language): string {
  const sameDay = formatDate(event.startsAt, event.timeZone, language) === formatDate(event.endsAt, event.timeZone, language);
  const start = formatMoment(event.startsAt, event.timeZone, language);
  const end = sameDay
    ? formatTime(event.endsAt, event.timeZone, language)
    : formatMoment(event.endsAt, event.timeZone, language);
  return `${start}–${end}`;
}

export function pickLanguage(requested: string | undefined, acceptLanguage: string | undefined, fallback: Language): Language {
  if (requested === 'nl' || requested === 'en') return requested;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((pref) => pref.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = preferences.find((pref) => pref.primary === 'nl' || pref.primary === 'en');
  return (match?.primary as Language | undefined) ?? fallback;
}
