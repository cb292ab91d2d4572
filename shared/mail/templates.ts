import type { EventRecord, Language } from '../domain/event';
import type { MailKind } from '../domain/mail';
import type { Registration } from '../domain/registration';
import { formatEventTime, formatTime } from '../i18n/format';
import { html, type SafeHtml } from '../i18n/html';
import { eventCalendar } from './calendar';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

export interface MailContext {
  event: EventRecord;
  registration: Registration;
  waitlistPosition?: number;
}

const words = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    confirmedSubject: (title: string) => `Je bent aangemeld: ${title}`,
    confirmedIntro: (title: string) => `Je bent aangemeld voor ${title}. Er is een plek voor je.`,
    waitlistSubject: (title: string) => `Je staat op de wachtlijst: ${title}`,
    waitlistIntro: (title: string, position: number) =>
      `${title} is vol. Je staat op de wachtlijst, op plek ${position}.`,
    waitlistHow: 'Komt er een plek vrij? Dan krijg je die automatisch, op volgorde van de wachtlijst. Je krijgt dan meteen een mail.',
    when: 'Wanneer',
    where: 'Waar',
    online: 'Online',
    programme: 'Programma',
    calendar: 'In de bijlage staat een agenda-bestand. Open het om de afspraak in je agenda te zetten.',
    yourNeeds: 'Wat je ons doorgaf',
    accessibility: 'Toegankelijkheid',
    dietary: 'Eten en drinken',
    closing: 'Tot dan!',
    footer: 'Je krijgt deze mail omdat je je hebt aangemeld. We gebruiken je gegevens alleen voor dit evenement.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    confirmedSubject: (title: string) => `You are registered: ${title}`,
    confirmedIntro: (title: string) => `You are registered for ${title}. Your seat is booked.`,
    waitlistSubject: (title: string) => `You are on the waitlist: ${title}`,
    waitlistIntro: (title: string, position: number) => `${title} is full. You are on the waitlist, at place ${position}.`,
    waitlistHow: 'If a seat becomes free, you get it automatically, in waitlist order. We will email you straight away.',
    when: 'When',
    where: 'Where',
    online: 'Online',
    programme: 'Programme',
    calendar: 'The attached calendar file adds the event to your calendar.',
    yourNeeds: 'What you told us',
    accessibility: 'Accessibility',
    dietary: 'Food and drink',
    closing: 'See you there!',
    footer: 'You receive this email because you registered. We only use your details for this event.',
  },
} satisfies Record<Language, unknown>;

type Words = (typeof words)[Language];

function detailLines(event: EventRecord, language: Language, w: Words): Array<[string, string]> {
  const lines: Array<[string, string]> = [[w.when, formatEventTime(event, language)]];
  const place = [event.venue.name, event.venue.address].filter(Boolean).join(', ');
  if (place) lines.push([w.where, place]);
  if (event.venue.onlineUrl) lines.push([w.online, event.venue.onlineUrl]);
  return lines;
}

function needsLines(registration: Registration, w: Words): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (registration.accessibilityNeeds) lines.push([w.accessibility, registration.accessibilityNeeds]);
  if (registration.dietaryNeeds) lines.push([w.dietary, registration.dietaryNeeds]);
  return lines;
}

/** A plain, single-column layout: readable at 200% zoom, real headings, 4.5:1 contrast or more. */
function layout(language: Language, title: string, body: SafeHtml, footer: string): string {
  return html`<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px;margin:0 auto;padding:24px">
${body}
<hr style="border:none;border-top:1px solid #767676;margin:32px 0 16px">
<p style="font-size:14px;color:#4a4a4a">${footer}</p>
</main>
</body>
</html>`.value;
}

const definitionList = (lines: Array<[string, string]>) =>
  html`<dl>${lines.map(([term, value]) => html`<dt style="font-weight:bold">${term}</dt><dd style="margin:0 0 8px 0">${value}</dd>`)}</dl>`;

const textList = (lines: Array<[string, string]>) => lines.map(([term, value]) => `${term}: ${value}`).join('\n');

export function renderMail(kind: MailKind, { event, registration, waitlistPosition }: MailContext): RenderedMail {
  const language = registration.language;
  const w = words[language];
  const details = detailLines(event, language, w);
  const needs = needsLines(registration, w);
  const programme = event.programme.map((item) => `${formatTime(item.startsAt, event.timeZone, language)} ${item.title}${item.speaker ? ` (${item.speaker})` : ''}`);

  const confirmed = kind === 'registration-confirmed';
  const subject = confirmed ? w.confirmedSubject(event.title) : w.waitlistSubject(event.title);
  const intro = confirmed ? w.confirmedIntro(event.title) : w.waitlistIntro(event.title, waitlistPosition ?? 0);

  const textParts = [w.greeting(registration.name), intro, textList(details)];
  if (!confirmed) textParts.push(w.waitlistHow);
  if (programme.length > 0) textParts.push(`${w.programme}\n${programme.join('\n')}`);
  if (needs.length > 0) textParts.push(`${w.yourNeeds}\n${textList(needs)}`);
  if (confirmed) textParts.push(w.calendar);
  textParts.push(w.closing, `--\n${w.footer}`);

  const body = html`
<h1 style="font-size:24px;margin:0 0 16px">${subject}</h1>
<p>${w.greeting(registration.name)}</p>
<p>${intro}</p>
${definitionList(details)}
${confirmed ? '' : html`<p>${w.waitlistHow}</p>`}
${programme.length > 0 ? html`<h2 style="font-size:20px">${w.programme}</h2><ul>${programme.map((line) => html`<li>${line}</li>`)}</ul>` : ''}
${needs.length > 0 ? html`<h2 style="font-size:20px">${w.yourNeeds}</h2>${definitionList(needs)}` : ''}
${confirmed ? html`<p>${w.calendar}</p>` : ''}
<p>${w.closing}</p>`;

  return {
    subject,
    text: textParts.join('\n\n'),
    html: layout(language, subject, body, w.footer),
    attachments: confirmed
      ? [{ filename: 'event.ics', content: eventCalendar(event), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
      : [],
  };
}
