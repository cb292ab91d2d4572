import type { FieldError } from '../domain/errors';
import type { Language, PublicEventView } from '../domain/event';
import { formatEventTime, formatTime } from '../i18n/format';
import { html, type SafeHtml } from '../i18n/html';

export type FormResult = 'confirmed' | 'waitlisted' | 'received';

export interface RegistrationPageInput {
  event: PublicEventView;
  language: Language;
  values?: Record<string, string>;
  errors?: FieldError[];
  /** A problem that is not about one field: already registered, full, closed. */
  notice?: string;
  result?: { status: FormResult; position?: number };
}

const FIELDS = ['name', 'email', 'organisation', 'role', 'accessibilityNeeds', 'dietaryNeeds', 'consent'] as const;
type Field = (typeof FIELDS)[number];

const words = {
  nl: {
    register: 'Aanmelden',
    otherLanguage: { label: 'English', lang: 'en' as Language },
    when: 'Wanneer',
    where: 'Waar',
    online: 'Online',
    programme: 'Programma',
    seats: (n: number) => (n === 1 ? 'Er is nog 1 plek vrij.' : `Er zijn nog ${n} plekken vrij.`),
    waitlist: 'Alle plekken zijn bezet. Meld je aan voor de wachtlijst: komt er een plek vrij, dan krijg je die automatisch.',
    closed: 'Aanmelden is niet (meer) mogelijk voor dit evenement.',
    formHeading: 'Je gegevens',
    required: 'verplicht',
    labels: {
      name: 'Naam',
      email: 'E-mailadres',
      organisation: 'Organisatie',
      role: 'Functie',
      accessibilityNeeds: 'Heb je iets nodig om goed mee te doen? Bijvoorbeeld een rolstoelplek, een doventolk of grote letters.',
      dietaryNeeds: 'Eet je iets niet, of heb je een allergie?',
      consent: 'Ik geef toestemming om mijn gegevens te bewaren voor dit evenement. Na afloop verwijderen we ze.',
    } satisfies Record<Field, string>,
    hints: { email: 'Hier sturen we de bevestiging naartoe.' } as Partial<Record<Field, string>>,
    messages: {
      name: 'Vul je naam in (hoogstens 200 tekens).',
      email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      organisation: 'Gebruik hoogstens 200 tekens.',
      role: 'Gebruik hoogstens 200 tekens.',
      accessibilityNeeds: 'Gebruik hoogstens 1000 tekens.',
      dietaryNeeds: 'Gebruik hoogstens 500 tekens.',
      consent: 'Vink het vakje aan. Zonder toestemming kunnen we je niet aanmelden.',
    } satisfies Record<Field, string>,
    errorTitle: 'Controleer je gegevens',
    errorPrefix: 'Fout: ',
    honeypot: 'Laat dit veld leeg',
    submit: 'Aanmelden',
    results: {
      confirmed: 'Je bent aangemeld. We hebben je een bevestiging gemaild, met een agenda-bestand.',
      waitlisted: (position?: number) =>
        `Je staat op de wachtlijst${position ? `, op plek ${position}` : ''}. Komt er een plek vrij, dan krijg je die automatisch en mailen we je.`,
      received: 'Bedankt. We hebben je aanmelding ontvangen.',
    },
    thanks: 'Gelukt',
  },
  en: {
    register: 'Register',
    otherLanguage: { label: 'Nederlands', lang: 'nl' as Language },
    when: 'When',
    where: 'Where',
    online: 'Online',
    programme: 'Programme',
    seats: (n: number) => (n === 1 ? 'There is 1 seat left.' : `There are ${n} seats left.`),
    waitlist: 'All seats are taken. Join the waitlist: if a seat becomes free, you get it automatically.',
    closed: 'Registration for this event is not open.',
    formHeading: 'Your details',
    required: 'required',
    labels: {
      name: 'Name',
      email: 'Email address',
      organisation: 'Organisation',
      role: 'Job title',
      accessibilityNeeds: 'Do you need anything to take part fully? For example a wheelchair space, a sign language interpreter or large print.',
      dietaryNeeds: 'Is there anything you do not eat, or do you have an allergy?',
      consent: 'I agree that my details are kept for this event. We delete them afterwards.',
    } satisfies Record<Field, string>,
    hints: { email: 'We send your confirmation here.' } as Partial<Record<Field, string>>,
    messages: {
      name: 'Enter your name (200 characters at most).',
      email: 'Enter a valid email address, like name@example.org.',
      organisation: 'Use 200 characters at most.',
      role: 'Use 200 characters at most.',
      accessibilityNeeds: 'Use 1000 characters at most.',
      dietaryNeeds: 'Use 500 characters at most.',
      consent: 'Tick the box. Without your consent we cannot register you.',
    } satisfies Record<Field, string>,
    errorTitle: 'Please check your details',
    errorPrefix: 'Error: ',
    honeypot: 'Leave this field empty',
    submit: 'Register',
    results: {
      confirmed: 'You are registered. We have emailed you a confirmation with a calendar file.',
      waitlisted: (position?: number) =>
        `You are on the waitlist${position ? `, at place ${position}` : ''}. If a seat becomes free, you get it automatically and we email you.`,
      received: 'Thank you. We have received your registration.',
    },
    thanks: 'Done',
  },
};

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1.125rem;line-height:1.6;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
a{color:#0b4f9c}
a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #b35900;outline-offset:2px}
h1{font-size:1.75rem;line-height:1.25}
dt{font-weight:700}
dd{margin:0 0 .5rem 0}
label,legend{display:block;font-weight:700;margin-top:1.25rem}
.hint{color:#4a4a4a;margin:.25rem 0}
input[type=text],input[type=email],textarea{width:100%;padding:.5rem;font:inherit;border:2px solid #1a1a1a;border-radius:4px}
textarea{min-height:5rem}
.check{display:flex;gap:.75rem;align-items:flex-start;margin-top:1.25rem}
.check input{width:1.5rem;height:1.5rem;margin-top:.2rem;flex:none}
.check label{margin-top:0;font-weight:400}
.error{color:#a30000;font-weight:700;margin:.25rem 0}
[aria-invalid=true]{border-color:#a30000}
.summary,.notice,.result{border:3px solid #a30000;padding:1rem;margin:1rem 0}
.notice{border-color:#1a1a1a}
.result{border-color:#1d6b2f}
button{margin-top:1.5rem;padding:.75rem 1.5rem;font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:none;border-radius:4px;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;

function fieldMarkup(field: Exclude<Field, 'consent'>, input: RegistrationPageInput, w: (typeof words)[Language], invalid: Set<string>): SafeHtml {
  const id = `field-${field}`;
  const required = field === 'name' || field === 'email';
  const hint = w.hints[field];
  const describedBy = [hint ? `${id}-hint` : '', invalid.has(field) ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    value: input.values?.[field] ?? '',
    attributes: html`id="${id}" name="${field}"${required ? html` required aria-required="true"` : ''}${invalid.has(field) ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`,
  };
  const autocomplete: Partial<Record<Field, string>> = { name: 'name', email: 'email', organisation: 'organization', role: 'organization-title' };
  const control =
    field === 'accessibilityNeeds' || field === 'dietaryNeeds'
      ? html`<textarea ${common.attributes}>${common.value}</textarea>`
      : html`<input type="${field === 'email' ? 'email' : 'text'}" ${common.attributes} value="${common.value}" autocomplete="${autocomplete[field] ?? 'off'}">`;
  return html`<label for="${id}">${w.labels[field]}${required ? html` <span>(${w.required})</span>` : ''}</label>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
${invalid.has(field) ? html`<p class="error" id="${id}-error">${w.errorPrefix}${w.messages[field]}</p>` : ''}
${control}`;
}

export function renderRegistrationPage(input: RegistrationPageInput): string {
  const { event, language } = input;
  const w = words[language];
  const invalid = new Set((input.errors ?? []).map((error) => error.field.split('.')[0] as string));
  const knownInvalid = FIELDS.filter((field) => invalid.has(field));
  const place = [event.venue.name, (event.venue as { address?: string }).address].filter(Boolean).join(', ');
  const canRegister = event.registrationOpen && !input.result;
  const titlePrefix = knownInvalid.length > 0 ? w.errorPrefix : input.result ? `${w.thanks}: ` : '';

  const status = input.result
    ? html`<div class="result" role="status"><p>${input.result.status === 'waitlisted' ? w.results.waitlisted(input.result.position) : w.results[input.result.status]}</p></div>`
    : !event.registrationOpen
      ? html`<p class="notice">${w.closed}</p>`
      : event.seatsAvailable > 0
        ? html`<p>${w.seats(event.seatsAvailable)}</p>`
        : html`<p class="notice">${w.waitlist}</p>`;

  const summary =
    knownInvalid.length > 0
      ? html`<div class="summary" role="alert" aria-labelledby="summary-title" tabindex="-1">
<h2 id="summary-title">${w.errorTitle}</h2>
<ul>${knownInvalid.map((field) => html`<li><a href="#field-${field}">${w.messages[field]}</a></li>`)}</ul>
</div>`
      : '';

  const consentInvalid = invalid.has('consent');
  const form = canRegister
    ? html`<h2>${w.formHeading}</h2>
${summary}
${input.notice ? html`<div class="summary" role="alert"><p>${input.notice}</p></div>` : ''}
<form method="post" action="/events/${event.id}/registrations" novalidate>
<input type="hidden" name="language" value="${language}">
${(['name', 'email', 'organisation', 'role', 'accessibilityNeeds', 'dietaryNeeds'] as const).map((field) => fieldMarkup(field, input, w, invalid))}
${consentInvalid ? html`<p class="error" id="field-consent-error">${w.errorPrefix}${w.messages.consent}</p>` : ''}
<div class="check">
<input type="checkbox" id="field-consent" name="consent" value="true" required aria-required="true"${input.values?.consent ? html` checked` : ''}${consentInvalid ? html` aria-invalid="true" aria-describedby="field-consent-error"` : ''}>
<label for="field-consent">${w.labels.consent}</label>
</div>
<div class="hp" aria-hidden="true"><label for="field-website">${w.honeypot}</label><input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${w.submit}</button>
</form>`
    : input.notice
      ? html`<div class="summary" role="alert"><p>${input.notice}</p></div>`
      : '';

  return html`<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titlePrefix}${w.register}: ${event.title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p><a href="?lang=${w.otherLanguage.lang}" lang="${w.otherLanguage.lang}" hreflang="${w.otherLanguage.lang}">${w.otherLanguage.label}</a></p>
<h1>${event.title}</h1>
${event.description ? html`<p>${event.description}</p>` : ''}
<dl>
<dt>${w.when}</dt><dd>${formatEventTime(event, language)}</dd>
${place ? html`<dt>${w.where}</dt><dd>${place}</dd>` : ''}
${event.venue.onlineUrl ? html`<dt>${w.online}</dt><dd>${event.venue.onlineUrl}</dd>` : ''}
</dl>
${event.programme.length > 0
    ? html`<details><summary>${w.programme}</summary><ul>${event.programme.map(
        (item) => html`<li><strong>${formatTime(item.startsAt, event.timeZone, language)}</strong> ${item.title}${item.speaker ? ` (${item.speaker})` : ''}</li>`,
      )}</ul></details>`
    : ''}
${status}
${form}
</main>
</body>
</html>`.value;
}
