import type { FieldError } from '../domain/errors';
import type { Language, PublicEventView } from '../domain/event';
import { EVENT_WORDS, eventDetailLines, programmeLines } from '../i18n/event-details';
import { TEXT_ANSWER_MAX, textIn, type Question } from '../domain/questions';
import { html, type SafeHtml } from '../i18n/html';
import { detailList, pageDocument } from './layout';
import { PRIVACY_LINK_LABEL, privacyPagePath } from './privacy-page';

/** What the result page can say after a post: `received` is what a bot caught by the honeypot hears where addresses are not confirmed. */
export const FORM_RESULTS = ['confirmed', 'waitlisted', 'pending', 'received'] as const;
export type FormResult = (typeof FORM_RESULTS)[number];

export interface RegistrationPageInput {
  event: PublicEventView;
  language: Language;
  values?: Record<string, string>;
  errors?: FieldError[];
  /** A problem that is not about one field: already registered, full, closed. */
  notice?: string;
  result?: { status: FormResult; position?: number };
}

const FIELDS = ['name', 'email', 'organisation', 'role', 'accessibilityNeeds', 'dietaryNeeds', 'needsConsent', 'consent', 'networkConsent'] as const;
type Checkbox = 'needsConsent' | 'consent' | 'networkConsent';
type Field = (typeof FIELDS)[number];

const words = {
  nl: {
    register: 'Aanmelden',
    otherLanguage: { label: 'English', lang: 'en' as Language },
    ...EVENT_WORDS.nl,
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
      needsConsent:
        'Ik geef apart toestemming om wat ik hierboven over toegankelijkheid of eten schrijf te bewaren. Dit kan iets zeggen over mijn gezondheid of geloof. We gebruiken het alleen om de dag goed te regelen en verwijderen het kort na afloop.',
      consent: 'Ik geef toestemming om mijn gegevens te bewaren voor dit evenement. Na afloop verwijderen we ze.',
      networkConsent:
        'Laat mijn naam, organisatie en functie zien aan de andere deelnemers van dit evenement. Dat kun je altijd weer uitzetten op je eigen pagina.',
    } satisfies Record<Field, string>,
    hints: { email: 'Hier sturen we de bevestiging naartoe.' } as Partial<Record<Field, string>>,
    confirmHint: 'Hier sturen we een mail met een knop. Pas als je daarop klikt, ben je aangemeld.',
    messages: {
      name: 'Vul je naam in: hoogstens 200 tekens, zonder onzichtbare tekens, in Latijnse, Griekse of Cyrillische letters (zo komt hij op je certificaat).',
      email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      organisation: 'Gebruik hoogstens 200 tekens, zonder onzichtbare tekens.',
      role: 'Gebruik hoogstens 200 tekens, zonder onzichtbare tekens.',
      accessibilityNeeds: 'Gebruik hoogstens 1000 tekens.',
      dietaryNeeds: 'Gebruik hoogstens 500 tekens.',
      needsConsent: 'Vink het vakje over je wensen aan, of laat de vragen over toegankelijkheid en eten leeg.',
      consent: 'Vink het vakje aan. Zonder toestemming kunnen we je niet aanmelden.',
      networkConsent: 'Vink dit vakje aan of laat het leeg.',
    } satisfies Record<Field, string>,
    errorTitle: 'Controleer je gegevens',
    errorPrefix: 'Fout: ',
    yes: 'Ja',
    no: 'Nee',
    answerRequired: 'Beantwoord deze vraag.',
    answerInvalid: 'Dit antwoord past niet bij de vraag. Kies een van de mogelijkheden of maak je antwoord korter.',
    honeypot: 'Laat dit veld leeg',
    submit: 'Aanmelden',
    results: {
      confirmed: 'Je bent aangemeld. We hebben je een bevestiging gemaild, met een agenda-bestand.',
      waitlisted: (position?: number) =>
        `Je staat op de wachtlijst${position ? `, op plek ${position}` : ''}. Komt er een plek vrij, dan krijg je die automatisch en mailen we je.`,
      received: 'Bedankt. We hebben je aanmelding ontvangen.',
      pending: [
        'Bijna klaar: kijk in je mail.',
        'We hebben je een e-mail gestuurd met een knop. Klik op die knop om te bevestigen dat het jouw e-mailadres is. Pas dan ben je aangemeld.',
        'Tot die tijd houden we je plek vrij. In de mail staat tot wanneer. Bevestig je niet op tijd, dan vervalt de aanmelding en wissen we je gegevens.',
        'Geen mail gekregen? Kijk ook bij je ongewenste mail (spam). Was je al aangemeld, dan sturen we je in plaats daarvan een mail met de link naar je aanmelding.',
      ],
    },
    thanks: 'Gelukt',
  },
  en: {
    register: 'Register',
    otherLanguage: { label: 'Nederlands', lang: 'nl' as Language },
    ...EVENT_WORDS.en,
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
      needsConsent:
        'I separately agree that what I wrote above about accessibility or food is kept. It may say something about my health or religion. It is used only to arrange the day well and deleted shortly after it.',
      consent: 'I agree that my details are kept for this event. We delete them after it.',
      networkConsent: 'Show my name, organisation and job title to the other participants of this event. You can turn this off on your own page at any time.',
    } satisfies Record<Field, string>,
    hints: { email: 'We send your confirmation here.' } as Partial<Record<Field, string>>,
    confirmHint: 'We send an email with a button here. You are registered once you click it.',
    messages: {
      name: 'Enter your name: 200 characters at most, without invisible characters, in Latin, Greek or Cyrillic letters (as it will appear on your certificate).',
      email: 'Enter a valid email address, like name@example.org.',
      organisation: 'Use 200 characters at most, without invisible characters.',
      role: 'Use 200 characters at most, without invisible characters.',
      accessibilityNeeds: 'Use 1000 characters at most.',
      dietaryNeeds: 'Use 500 characters at most.',
      needsConsent: 'Tick the box about your needs, or leave the questions about accessibility and food empty.',
      consent: 'Tick the box. Without your consent we cannot register you.',
      networkConsent: 'Tick this box or leave it empty.',
    } satisfies Record<Field, string>,
    errorTitle: 'Please check your details',
    errorPrefix: 'Error: ',
    yes: 'Yes',
    no: 'No',
    answerRequired: 'Answer this question.',
    answerInvalid: 'This answer does not fit the question. Choose one of the options or make your answer shorter.',
    honeypot: 'Leave this field empty',
    submit: 'Register',
    results: {
      confirmed: 'You are registered. We have emailed you a confirmation with a calendar file.',
      waitlisted: (position?: number) =>
        `You are on the waitlist${position ? `, at place ${position}` : ''}. If a seat becomes free, you get it automatically and we email you.`,
      received: 'Thank you. We have received your registration.',
      pending: [
        'Almost done: check your email.',
        'We have sent you an email with a button. Click it to confirm that the address is yours. Only then are you registered.',
        'Until then we keep your place. The email says until when. If you do not confirm in time, the registration lapses and we delete your details.',
        'No email? Look in your junk (spam) folder too. If you were registered already, we send you an email with the link to your registration instead.',
      ],
    },
    thanks: 'Done',
  },
};


function resultMessage(result: { status: FormResult; position?: number }, w: (typeof words)[Language]): SafeHtml {
  if (result.status === 'pending') {
    const [heading, ...lines] = w.results.pending;
    return html`<p><strong>${heading}</strong></p>${lines.map((line) => html`<p>${line}</p>`)}`;
  }
  return html`<p>${result.status === 'waitlisted' ? w.results.waitlisted(result.position) : w.results[result.status]}</p>`;
}

/** Where a question's first control is: what the error summary links to. */
const questionId = (question: Question) => `field-answers-${question.id}${question.type === 'text' || question.type === 'longText' ? '' : `-${firstChoiceOf(question)}`}`;
const firstChoiceOf = (question: Question) => (question.type === 'yesNo' ? 'yes' : question.options?.[0]?.id ?? '');

/**
 * One of the organiser's questions, with the control its type calls for: a text field or area,
 * or a fieldset with a legend around radio buttons (one choice, yes or no) or checkboxes (several).
 * Without JavaScript; its error and help are tied to it, as for the fixed fields.
 */
function questionMarkup(question: Question, input: RegistrationPageInput, problem: string | undefined): SafeHtml {
  const { language } = input;
  const w = words[language];
  const name = `answers.${question.id}`;
  const base = `field-answers-${question.id}`;
  const value = (key: string) => input.values?.[key] ?? '';
  const help = textIn(question.help, language);
  const describedBy = [help ? `${base}-hint` : '', problem ? `${base}-error` : ''].filter(Boolean).join(' ');
  const described = describedBy ? html` aria-describedby="${describedBy}"` : '';
  const required = question.required ? html` <span>(${w.required})</span>` : '';
  const notes = html`${help ? html`<p class="hint" id="${base}-hint">${help}</p>` : ''}${problem ? html`<p class="error" id="${base}-error">${w.errorPrefix}${problem}</p>` : ''}`;
  const label = textIn(question.label, language);
  if (question.type === 'text' || question.type === 'longText') {
    const attributes = html`id="${base}" name="${name}" maxlength="${TEXT_ANSWER_MAX[question.type]}"${question.required ? html` required aria-required="true"` : ''}${problem ? html` aria-invalid="true"` : ''}${described}`;
    const control = question.type === 'text' ? html`<input type="text" ${attributes} value="${value(name)}">` : html`<textarea ${attributes}>${value(name)}</textarea>`;
    return html`<label for="${base}">${label}${required}</label>${notes}${control}`;
  }
  const choices: Array<{ id: string; text: string }> =
    question.type === 'yesNo' ? [{ id: 'yes', text: w.yes }, { id: 'no', text: w.no }] : (question.options ?? []).map((option) => ({ id: option.id, text: textIn(option.label, language) }));
  const several = question.type === 'multiChoice';
  return html`<fieldset${described}><legend>${label}${required}</legend>${notes}
${choices.map((choice) => {
  const id = `${base}-${choice.id}`;
  const checked = several ? value(`${name}.${choice.id}`) !== '' : value(name) === choice.id;
  return html`<div class="check"><input type="${several ? 'checkbox' : 'radio'}" id="${id}" name="${several ? `${name}.${choice.id}` : name}" value="${several ? 'on' : choice.id}"${checked ? html` checked` : ''}><label for="${id}">${choice.text}</label></div>`;
})}
</fieldset>`;
}

/** A consent box: the general one is required, the one for the needs only when needs are given, the one for the participant list never. */
function checkboxMarkup(field: Checkbox, input: RegistrationPageInput, w: (typeof words)[Language], invalid: Set<string>): SafeHtml {
  const id = `field-${field}`;
  const required = field === 'consent';
  return html`${invalid.has(field) ? html`<p class="error" id="${id}-error">${w.errorPrefix}${w.messages[field]}</p>` : ''}
<div class="check">
<input type="checkbox" id="${id}" name="${field}" value="true"${required ? html` required aria-required="true"` : ''}${input.values?.[field] ? html` checked` : ''}${invalid.has(field) ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
<label for="${id}">${w.labels[field]}</label>
</div>`;
}

function fieldMarkup(field: Exclude<Field, Checkbox>, input: RegistrationPageInput, w: (typeof words)[Language], invalid: Set<string>): SafeHtml {
  const id = `field-${field}`;
  const required = field === 'name' || field === 'email';
  const hint = field === 'email' && input.event.addressConfirmationRequired ? w.confirmHint : w.hints[field];
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
  const answerProblems = new Map(
    (input.errors ?? []).filter((error) => error.field.startsWith('answers.')).map((error) => [error.field.slice('answers.'.length), error.message === 'is required' ? w.answerRequired : w.answerInvalid]),
  );
  const invalidQuestions = event.questions.filter((question) => answerProblems.has(question.id));
  const canRegister = event.registrationOpen && !input.result;
  const titlePrefix = knownInvalid.length + invalidQuestions.length > 0 ? w.errorPrefix : input.result ? `${w.thanks}: ` : '';

  const status = input.result
    ? html`<div class="result" role="status">${resultMessage(input.result, w)}</div>`
    : !event.registrationOpen
      ? html`<p class="notice">${w.closed}</p>`
      : event.seatsAvailable > 0
        ? html`<p>${w.seats(event.seatsAvailable)}</p>`
        : html`<p class="notice">${w.waitlist}</p>`;

  const summary =
    knownInvalid.length + invalidQuestions.length > 0
      ? html`<div class="summary" role="alert" aria-labelledby="summary-title" tabindex="-1">
<h2 id="summary-title">${w.errorTitle}</h2>
<ul>${knownInvalid.map((field) => html`<li><a href="#field-${field}">${w.messages[field]}</a></li>`)}${invalidQuestions.map(
          (question) => html`<li><a href="#${questionId(question)}">${textIn(question.label, language)}: ${answerProblems.get(question.id)!}</a></li>`,
        )}</ul>
</div>`
      : '';

  const form = canRegister
    ? html`<h2>${w.formHeading}</h2>
${summary}
${input.notice ? html`<div class="summary" role="alert"><p>${input.notice}</p></div>` : ''}
<form method="post" action="/events/${event.id}/registrations" novalidate>
<input type="hidden" name="language" value="${language}">
${(['name', 'email', 'organisation', 'role'] as const).map((field) => fieldMarkup(field, input, w, invalid))}
${event.questions.map((question) => questionMarkup(question, input, answerProblems.get(question.id)))}
${(['accessibilityNeeds', 'dietaryNeeds'] as const).map((field) => fieldMarkup(field, input, w, invalid))}
${checkboxMarkup('needsConsent', input, w, invalid)}
${checkboxMarkup('consent', input, w, invalid)}
${checkboxMarkup('networkConsent', input, w, invalid)}
<p class="hint"><a href="${privacyPagePath(event.id, language)}">${PRIVACY_LINK_LABEL[language]}</a></p>
<div class="hp" aria-hidden="true"><label for="field-website">${w.honeypot}</label><input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${w.submit}</button>
</form>`
    : input.notice
      ? html`<div class="summary" role="alert"><p>${input.notice}</p></div>`
      : '';

  return pageDocument(
    language,
    `${titlePrefix}${w.register}: ${event.title}`,
    html`<p><a href="?lang=${w.otherLanguage.lang}" lang="${w.otherLanguage.lang}" hreflang="${w.otherLanguage.lang}">${w.otherLanguage.label}</a></p>
<h1>${event.title}</h1>
${event.description ? html`<p>${event.description}</p>` : ''}
${detailList(eventDetailLines(event, language))}
${event.programme.length > 0
    ? html`<details><summary>${w.programme}</summary><ul>${programmeLines(event, language).map((item) => html`<li><strong>${item.time}</strong> ${item.text}</li>`)}</ul></details>`
    : ''}
${status}
${form}
<p><a href="${privacyPagePath(event.id, language)}">${PRIVACY_LINK_LABEL[language]}</a></p>`,
  );
}
