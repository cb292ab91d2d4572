import type { EventRecord, Language } from '../domain/event';
import type { MailKind } from '../domain/mail';
import type { Registration } from '../domain/registration';
import { EVENT_WORDS, eventDetailLines, programmeLines } from '../i18n/event-details';
import { formatDate, formatMoment } from '../i18n/format';
import { html, SafeHtml } from '../i18n/html';
import { messageText, type MessageContent } from '../domain/message';
import { PRIVACY_LINK_LABEL } from '../pages/privacy-page';
import { eventCalendar } from './calendar';
import { qrPng } from './qr-png';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
  /** Set for images shown in the HTML (`cid:` references): sent inline, not as a download. */
  contentId?: string;
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
  /** The participant's personal page (status, cancel); absent in mails that need none. */
  personalLink?: string;
  /** Offer the one-click "I can't come, give my seat away" (first reminder ≥ 3 days ahead). */
  offerRelease?: boolean;
  /** Certificate mails: where anyone can check the certificate. */
  verificationUrl?: string;
  /** The event's privacy page (absolute), linked from the footer of every mail. */
  privacyUrl?: string;
  /** A message's mail: the organiser's text, in one language or both. */
  message?: Pick<MessageContent, 'subject' | 'body'>;
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
    ...EVENT_WORDS.nl,
    calendar: 'In de bijlage staat een agenda-bestand. Open het om de afspraak in je agenda te zetten.',
    yourNeeds: 'Wat je ons doorgaf',
    accessibility: 'Toegankelijkheid',
    dietary: 'Eten en drinken',
    closing: 'Tot dan!',
    footer: 'Je krijgt deze mail omdat je je hebt aangemeld. We gebruiken je gegevens alleen voor dit evenement.',
    promotedSubject: (title: string) => `Er is een plek voor je: ${title}`,
    promotedIntro: (title: string) => `Goed nieuws: er is een plek vrijgekomen, en die is voor jou. Je bent nu aangemeld voor ${title}.`,
    cancelledSubject: (title: string) => `Afgemeld: ${title}`,
    cancelledIntro: (title: string) => `Je aanmelding voor ${title} is geannuleerd. Je hoeft niets meer te doen.`,
    cancelledAgain: 'Wil je toch komen? Meld je dan opnieuw aan, zolang er plek is.',
    linkIntro: 'Bekijk je aanmelding, of meld je af als je niet kunt komen. Je plek gaat dan naar de volgende op de wachtlijst.',
    linkLabel: 'Mijn aanmelding bekijken',
    regards: 'Met vriendelijke groet,',
    checkInCode: (code: string) => `Je code voor de ingang: ${code}. Laat hem zien of noem hem bij binnenkomst.`,
    checkInQrAlt: (code: string) => `QR-code voor de ingang, met code ${code}`,
    certificateSubject: (title: string) => `Je certificaat: ${title}`,
    certificateIntro: (title: string) => `Bedankt voor je deelname aan ${title}. In de bijlage staat je certificaat van deelname (PDF).`,
    certificateVerify: (url: string) => `Je werkgever kan het certificaat controleren op ${url}`,
    reminderSubject: (title: string, date: string) => `Herinnering: ${title}, ${date}`,
    reminderIntro: (title: string) => `Je bent aangemeld voor ${title}. Hieronder staan de gegevens nog een keer.`,
    releaseIntro: 'Kun je toch niet komen? Geef je plek dan aan de volgende op de wachtlijst. Dat kost één klik.',
    releaseLabel: 'Ik kan niet komen: geef mijn plek aan de volgende',
    movedSubject: (title: string) => `Gewijzigd: ${title}`,
    movedIntro: (title: string) => `De tijd of plaats van ${title} is veranderd. Hieronder staan de nieuwe gegevens.`,
    movedCalendar: 'Open het bijgevoegde agenda-bestand: het werkt de afspraak in je agenda bij.',
    eventCancelledSubject: (title: string) => `Gaat niet door: ${title}`,
    eventCancelledIntro: (title: string) => `${title} gaat helaas niet door. Je aanmelding vervalt; je hoeft niets te doen.`,
    eventCancelledCalendar: 'Open het bijgevoegde agenda-bestand: het haalt de afspraak uit je agenda.',
    hello: 'Hallo,',
    confirmSubject: (title: string) => `Bevestig je aanmelding: ${title}`,
    confirmIntro: (title: string) => `Iemand heeft dit e-mailadres aangemeld voor ${title}. Was jij dat? Bevestig het dan met de knop hieronder.`,
    confirmDeadline: (deadline: string) => `Je plek blijft voor je vrij tot ${deadline}. Bevestig je niet op tijd, dan vervalt de aanmelding en wissen we de gegevens.`,
    confirmLabel: 'Ja, ik meld mij aan',
    confirmNotYou: 'Was jij het niet? Doe dan niets. Zonder bevestiging vervalt de aanmelding vanzelf en sturen we je niets meer.',
    alreadySubject: (title: string) => `Je bent al aangemeld: ${title}`,
    alreadyIntro: (title: string) => `Er kwam een nieuwe aanmelding binnen voor dit e-mailadres, maar je bent al aangemeld voor ${title}. Je hoeft niets te doen.`,
    alreadyNotYou: 'Heb jij je niet opnieuw aangemeld? Dan probeerde iemand anders dit adres. Er is niets veranderd.',
    addressFooter: 'Je krijgt deze mail omdat dit e-mailadres werd opgegeven bij een aanmelding.',
    messageSubject: (title: string) => `Bericht over ${title}`,
    messageIntro: (title: string) => `Een bericht van de organisatie van ${title}:`,
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    confirmedSubject: (title: string) => `You are registered: ${title}`,
    confirmedIntro: (title: string) => `You are registered for ${title}. Your seat is booked.`,
    waitlistSubject: (title: string) => `You are on the waitlist: ${title}`,
    waitlistIntro: (title: string, position: number) => `${title} is full. You are on the waitlist, at place ${position}.`,
    waitlistHow: 'If a seat becomes free, you get it automatically, in waitlist order. We will email you straight away.',
    ...EVENT_WORDS.en,
    calendar: 'The attached calendar file adds the event to your calendar.',
    yourNeeds: 'What you told us',
    accessibility: 'Accessibility',
    dietary: 'Food and drink',
    closing: 'See you there!',
    footer: 'You receive this email because you registered. We only use your details for this event.',
    promotedSubject: (title: string) => `A seat is yours: ${title}`,
    promotedIntro: (title: string) => `Good news: a seat has become free, and it is yours. You are now registered for ${title}.`,
    cancelledSubject: (title: string) => `Cancelled: ${title}`,
    cancelledIntro: (title: string) => `Your registration for ${title} is cancelled. You do not need to do anything else.`,
    cancelledAgain: 'Want to come after all? Register again while there is room.',
    linkIntro: 'See your registration, or cancel it if you cannot come. Your seat then goes to the next person on the waitlist.',
    linkLabel: 'See my registration',
    regards: 'Kind regards,',
    checkInCode: (code: string) => `Your code for the door: ${code}. Show it or say it when you arrive.`,
    checkInQrAlt: (code: string) => `QR code for the door, with code ${code}`,
    certificateSubject: (title: string) => `Your certificate: ${title}`,
    certificateIntro: (title: string) => `Thank you for taking part in ${title}. Your certificate of attendance is attached (PDF).`,
    certificateVerify: (url: string) => `Your employer can check the certificate at ${url}`,
    reminderSubject: (title: string, date: string) => `Reminder: ${title}, ${date}`,
    reminderIntro: (title: string) => `You are registered for ${title}. Here are the details once more.`,
    releaseIntro: 'Cannot come after all? Give your seat to the next person on the waitlist, in one click.',
    releaseLabel: 'I cannot come: give my seat to the next person',
    movedSubject: (title: string) => `Changed: ${title}`,
    movedIntro: (title: string) => `The time or place of ${title} has changed. The new details are below.`,
    movedCalendar: 'Open the attached calendar file: it updates the entry in your calendar.',
    eventCancelledSubject: (title: string) => `Called off: ${title}`,
    eventCancelledIntro: (title: string) => `Unfortunately ${title} will not take place. Your registration lapses; you do not need to do anything.`,
    eventCancelledCalendar: 'Open the attached calendar file: it removes the entry from your calendar.',
    hello: 'Hello,',
    confirmSubject: (title: string) => `Confirm your registration: ${title}`,
    confirmIntro: (title: string) => `Someone registered this email address for ${title}. Was it you? Then confirm with the button below.`,
    confirmDeadline: (deadline: string) => `Your place is kept for you until ${deadline}. Without confirmation by then, the registration lapses and we delete its details.`,
    confirmLabel: 'Yes, register me',
    confirmNotYou: 'Was it not you? Then do nothing. Without confirmation the registration lapses by itself and we send you nothing more.',
    alreadySubject: (title: string) => `You are already registered: ${title}`,
    alreadyIntro: (title: string) => `A new registration came in for this email address, but you are already registered for ${title}. You do not need to do anything.`,
    alreadyNotYou: 'Did you not register again? Then someone else tried this address. Nothing has changed.',
    addressFooter: 'You receive this email because this address was given in a registration.',
    messageSubject: (title: string) => `Message about ${title}`,
    messageIntro: (title: string) => `A message from the organisers of ${title}:`,
  },
} satisfies Record<Language, unknown>;

type Words = (typeof words)[Language];

function needsLines(registration: Registration, w: Words): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (registration.accessibilityNeeds) lines.push([w.accessibility, registration.accessibilityNeeds]);
  if (registration.dietaryNeeds) lines.push([w.dietary, registration.dietaryNeeds]);
  return lines;
}

/**
 * What a mail says, in order, once: each section has its plain-text and its HTML rendering, so
 * the two parts of a mail can never say different things.
 */
export type MailSection =
  | { type: 'paragraph'; text: string }
  | { type: 'details'; lines: Array<[string, string]>; heading?: string }
  | { type: 'list'; heading: string; items: string[] }
  | { type: 'link'; url: string; label: string; intro?: string; button?: boolean }
  | { type: 'door-code'; text: string; qrAlt: string }
  /** The organiser's own words: as written in the text part, escaped and linkified in the HTML. */
  | { type: 'organiser-text'; text: string };

const LINK_STYLE = 'color:#0b4f9c;font-weight:bold';
const BUTTON_STYLE = 'display:inline-block;background:#0b4f9c;color:#ffffff;padding:12px 20px;border-radius:4px;font-weight:bold;text-decoration:none';
const H2_STYLE = 'font-size:20px';

const definitionList = (lines: Array<[string, string]>) =>
  html`<dl>${lines.map(([term, value]) => html`<dt style="font-weight:bold">${term}</dt><dd style="margin:0 0 8px 0">${value}</dd>`)}</dl>`;

const textList = (lines: Array<[string, string]>) => lines.map(([term, value]) => `${term}: ${value}`).join('\n');

function sectionText(section: MailSection): string {
  switch (section.type) {
    case 'paragraph':
    case 'door-code':
    case 'organiser-text':
      return section.text;
    case 'details':
      return section.heading ? `${section.heading}\n${textList(section.lines)}` : textList(section.lines);
    case 'list':
      return `${section.heading}\n${section.items.join('\n')}`;
    case 'link':
      return `${section.intro ?? section.label}\n${section.url}`;
  }
}

function sectionHtml(section: MailSection): SafeHtml {
  switch (section.type) {
    case 'paragraph':
      return html`<p>${section.text}</p>`;
    case 'organiser-text':
      return plainTextHtml(section.text);
    case 'details':
      return html`${section.heading ? html`<h2 style="${H2_STYLE}">${section.heading}</h2>` : ''}${definitionList(section.lines)}`;
    case 'list':
      return html`<h2 style="${H2_STYLE}">${section.heading}</h2><ul>${section.items.map((item) => html`<li>${item}</li>`)}</ul>`;
    case 'link':
      return html`${section.intro ? html`<p>${section.intro}</p>` : ''}<p><a href="${section.url}" style="${section.button ? BUTTON_STYLE : LINK_STYLE}">${section.label}</a></p>`;
    case 'door-code':
      return html`<p style="font-size:18px"><strong>${section.text}</strong></p><p><img src="cid:check-in-qr" width="180" height="180" alt="${section.qrAlt}"></p>`;
  }
}

/** A plain, single-column layout: readable at 200% zoom, real headings, 4.5:1 contrast or more. */
function layout(language: Language, title: string, body: SafeHtml, footer: string, privacyUrl: string | undefined): string {
  return html`<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px;margin:0 auto;padding:24px">
${body}
<hr style="border:none;border-top:1px solid #767676;margin:32px 0 16px">
<p style="font-size:14px;color:#4a4a4a">${footer}</p>
${privacyUrl ? html`<p style="font-size:14px"><a href="${privacyUrl}" style="color:#0b4f9c">${PRIVACY_LINK_LABEL[language]}</a></p>` : ''}
</main>
</body>
</html>`.value;
}

/** One mail from its sections: the text part, and the HTML part under the subject as its heading; both end in the footer. */
function composeMail(language: Language, subject: string, sections: Array<MailSection | undefined>, footer: string, privacyUrl: string | undefined, attachments: MailAttachment[] = []): RenderedMail {
  const present = sections.filter((section): section is MailSection => section !== undefined);
  const textFooter = `--\n${footer}${privacyUrl ? `\n${PRIVACY_LINK_LABEL[language]}: ${privacyUrl}` : ''}`;
  const body = html`
<h1 style="font-size:24px;margin:0 0 16px">${subject}</h1>
${present.map((section) => html`${sectionHtml(section)}
`)}`;
  return { subject, text: [...present.map(sectionText), textFooter].join('\n\n'), html: layout(language, subject, body, footer, privacyUrl), attachments };
}

const paragraph = (text: string | undefined): MailSection | undefined => (text === undefined ? undefined : { type: 'paragraph', text });

/** A mail's subject as it was sent (a waitlist mail's position aside), for the person's own data download. */
export const mailSubject = (kind: MailKind, event: EventRecord, language: Language): string => subjectAndIntro(kind, event, words[language], language, undefined).subject;

function subjectAndIntro(kind: MailKind, event: EventRecord, w: Words, language: Language, waitlistPosition: number | undefined): { subject: string; intro: string } {
  switch (kind) {
    case 'registration-confirmed':
      return { subject: w.confirmedSubject(event.title), intro: w.confirmedIntro(event.title) };
    case 'registration-promoted':
      return { subject: w.promotedSubject(event.title), intro: w.promotedIntro(event.title) };
    case 'registration-waitlisted':
      return { subject: w.waitlistSubject(event.title), intro: w.waitlistIntro(event.title, waitlistPosition ?? 0) };
    case 'registration-cancelled':
      return { subject: w.cancelledSubject(event.title), intro: w.cancelledIntro(event.title) };
    case 'reminder':
      return { subject: w.reminderSubject(event.title, formatDate(event.startsAt, event.timeZone, language)), intro: w.reminderIntro(event.title) };
    case 'event-moved':
      return { subject: w.movedSubject(event.title), intro: w.movedIntro(event.title) };
    case 'event-cancelled':
      return { subject: w.eventCancelledSubject(event.title), intro: w.eventCancelledIntro(event.title) };
    case 'certificate':
      return { subject: w.certificateSubject(event.title), intro: w.certificateIntro(event.title) };
    case 'confirm-address':
      return { subject: w.confirmSubject(event.title), intro: w.confirmIntro(event.title) };
    case 'already-registered':
      return { subject: w.alreadySubject(event.title), intro: w.alreadyIntro(event.title) };
    // The organiser's own subject replaces this one in the mail (see renderMessageMail); this is what a data download names it.
    case 'message':
      return { subject: w.messageSubject(event.title), intro: w.messageIntro(event.title) };
  }
}

/**
 * The mails a stranger can cause by typing an address: the event's own details and one
 * button, and not one word the requester typed (no name, no needs), so the form cannot be
 * used to mail someone a message from the organiser's domain.
 */
function renderAddressMail(kind: 'confirm-address' | 'already-registered', { event, registration, personalLink, privacyUrl }: MailContext): RenderedMail {
  const language = registration.language;
  const w = words[language];
  const { subject, intro } = subjectAndIntro(kind, event, w, language, undefined);
  const deadline = kind === 'confirm-address' && registration.confirmBy ? w.confirmDeadline(formatMoment(registration.confirmBy, event.timeZone, language)) : undefined;
  return composeMail(
    language,
    subject,
    [
      paragraph(w.hello),
      paragraph(intro),
      { type: 'details', lines: eventDetailLines(event, language) },
      paragraph(deadline),
      personalLink ? { type: 'link', url: personalLink, label: kind === 'confirm-address' ? w.confirmLabel : w.linkLabel, button: true } : undefined,
      paragraph(kind === 'confirm-address' ? w.confirmNotYou : w.alreadyNotYou),
    ],
    w.addressFooter,
    privacyUrl,
  );
}

/** The calendar file a mail carries, if any: seats get the entry, a called-off event removes it. */
function calendarFor(kind: MailKind, event: EventRecord, registration: Registration): MailAttachment | undefined {
  const seat = registration.status === 'confirmed';
  const publish = kind === 'registration-confirmed' || kind === 'registration-promoted' || ((kind === 'reminder' || kind === 'event-moved') && seat);
  if (publish) {
    return { filename: 'event.ics', content: eventCalendar(event, { method: 'PUBLISH', sequence: event.calendarSequence }), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
  }
  if (kind === 'event-cancelled' && seat) {
    return { filename: 'event.ics', content: eventCalendar(event, { method: 'CANCEL', sequence: event.calendarSequence + 1 }), contentType: 'text/calendar; charset=utf-8; method=CANCEL' };
  }
  return undefined;
}

/** A bare http(s) URL; anything else that looks like a link (javascript:, mailto:, www.) stays text. */
const WEB_URL = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Sentence punctuation right after a URL ends the sentence, not the URL. */
const TRAILING_PUNCTUATION = /[.,;:!?'”’]+$/;

function linkified(line: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const match of line.matchAll(WEB_URL)) {
    let url = match[0];
    for (let previous = ''; previous !== url; ) {
      previous = url;
      url = url.replace(TRAILING_PUNCTUATION, '');
      // "(see https://x.org)": the bracket closes the sentence's, unless the URL opened one itself.
      if (url.endsWith(')') && !url.includes('(')) url = url.slice(0, -1);
    }
    if (/^https?:\/\/$/i.test(url)) continue;
    parts.push(html`${line.slice(at, match.index)}<a href="${url}" style="color:#0b4f9c">${url}</a>`);
    at = match.index + url.length;
  }
  parts.push(html`${line.slice(at)}`);
  return html`${parts}`;
}

/**
 * The organiser's plain text as HTML: every character escaped, paragraphs at blank lines, line
 * breaks kept, http(s) URLs made links. Nothing else is read into it: no markdown, no markup.
 */
export function plainTextHtml(text: string): SafeHtml {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return html`${paragraphs.map((paragraph) => html`<p>${paragraph.split('\n').map((line, index) => html`${index > 0 ? html`<br>` : ''}${linkified(line)}`)}</p>`)}`;
}

/**
 * An organiser's message: their subject and text in the person's language (or the one written),
 * the event it is about, the personal link and the usual footer. The text goes into the text
 * part as written and into the HTML part escaped (see plainTextHtml).
 */
function renderMessageMail({ event, registration, personalLink, privacyUrl, message }: MailContext): RenderedMail {
  if (!message) throw new Error('A message mail needs its message');
  const { language, subject, body: text } = messageText(message, registration.language);
  const w = words[language];
  return composeMail(
    language,
    subject,
    [paragraph(w.messageIntro(event.title)), { type: 'organiser-text', text }, personalLink ? { type: 'link', url: personalLink, label: w.linkLabel, intro: w.linkIntro } : undefined],
    w.footer,
    privacyUrl,
  );
}

export function renderMail(kind: MailKind, context: MailContext): RenderedMail {
  if (kind === 'confirm-address' || kind === 'already-registered') return renderAddressMail(kind, context);
  if (kind === 'message') return renderMessageMail(context);
  const { event, registration, waitlistPosition, personalLink, offerRelease, verificationUrl, privacyUrl } = context;
  const language = registration.language;
  const w = words[language];
  const needs = needsLines(registration, w);
  const programme = programmeLines(event, language).map((item) => `${item.time} ${item.text}`);

  const calendar = calendarFor(kind, event, registration);
  const cancelled = kind === 'registration-cancelled' || kind === 'event-cancelled';
  const certificate = kind === 'certificate';
  const aboutTheDay = !cancelled && !certificate;
  const calendarNote = kind === 'event-moved' ? w.movedCalendar : kind === 'event-cancelled' ? w.eventCancelledCalendar : w.calendar;
  const releaseLink = offerRelease && personalLink ? `${personalLink}&release=1` : undefined;
  const { subject, intro } = subjectAndIntro(kind, event, w, language, waitlistPosition);
  const doorCode = calendar && kind !== 'event-cancelled' && registration.checkInCode ? w.checkInCode(registration.checkInCode) : undefined;
  // The same code as a QR image an organiser's device can scan at the door.
  const doorQr: MailAttachment | undefined = doorCode
    ? { filename: 'check-in.png', content: qrPng(registration.checkInCode), contentType: 'image/png', contentId: 'check-in-qr' }
    : undefined;

  return composeMail(
    language,
    subject,
    [
      paragraph(w.greeting(registration.name)),
      paragraph(intro),
      certificate ? paragraph(verificationUrl && w.certificateVerify(verificationUrl)) : { type: 'details', lines: eventDetailLines(event, language) },
      paragraph(kind === 'registration-waitlisted' ? w.waitlistHow : undefined),
      paragraph(kind === 'registration-cancelled' ? w.cancelledAgain : undefined),
      aboutTheDay && programme.length > 0 ? { type: 'list', heading: w.programme, items: programme } : undefined,
      aboutTheDay && needs.length > 0 ? { type: 'details', heading: w.yourNeeds, lines: needs } : undefined,
      doorCode ? { type: 'door-code', text: doorCode, qrAlt: w.checkInQrAlt(registration.checkInCode) } : undefined,
      paragraph(calendar ? calendarNote : undefined),
      releaseLink ? { type: 'link', url: releaseLink, label: w.releaseLabel, intro: w.releaseIntro } : undefined,
      personalLink ? { type: 'link', url: personalLink, label: w.linkLabel, intro: w.linkIntro } : undefined,
      // After the event (a certificate) or for nothing (cancelled), "see you there" would be wrong.
      paragraph(cancelled || certificate ? w.regards : w.closing),
    ],
    w.footer,
    privacyUrl,
    [calendar, doorQr].filter((attachment): attachment is MailAttachment => attachment !== undefined),
  );
}
