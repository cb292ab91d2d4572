import { questionsOf, type EventRecord, type Language } from '../domain/event';
import { answerText, textIn } from '../domain/questions';
import type { NetworkView } from '../domain/network';
import { visibleStatus, type Registration } from '../domain/registration';
import { eventDetailLines } from '../i18n/event-details';
import { formatMoment } from '../i18n/format';
import { html, type SafeHtml } from '../i18n/html';
import { detailList, pageDocument } from './layout';

const words = {
  nl: {
    title: 'Je aanmelding',
    confirmed: 'Je bent aangemeld. Er is een plek voor je.',
    waitlisted: (position?: number) => `Je staat op de wachtlijst${position ? `, op plek ${position}` : ''}. Komt er een plek vrij, dan krijg je die automatisch en mailen we je.`,
    cancelled: 'Je aanmelding is geannuleerd. Je hoeft niets meer te doen.',
    cancelConfirmed: 'Kun je niet komen? Meld je dan af. Je plek gaat meteen naar de volgende op de wachtlijst.',
    cancelWaitlisted: 'Wil je niet meer op de wachtlijst staan?',
    buttonConfirmed: 'Ik kan niet komen: meld mij af',
    buttonWaitlisted: 'Haal mij van de wachtlijst',
    releaseHeading: 'Kun je niet komen?',
    releaseAsk: 'Bevestig hieronder dat je je plek weggeeft. De volgende op de wachtlijst krijgt hem meteen.',
    pendingHeading: 'Bevestig je aanmelding',
    pending: (deadline: string) =>
      `Iemand heeft dit e-mailadres aangemeld voor dit evenement. Was jij dat? Bevestig het dan met de knop. We houden de plek voor je vrij tot ${deadline}.`,
    pendingNotYou: 'Was jij het niet? Doe dan niets: zonder bevestiging vervalt de aanmelding en wissen we de gegevens.',
    buttonConfirm: 'Ja, ik meld mij aan',
    calledOff: 'Dit evenement gaat niet door. Er valt niets te bevestigen; de aanmelding vervalt vanzelf.',
    answersHeading: 'Jouw antwoorden',
    dataHeading: 'Jouw gegevens',
    download: 'Download alles wat we van je bewaren (een JSON-bestand)',
    eraseLink: 'Verwijder mijn gegevens',
    eraseHeading: 'Je gegevens verwijderen?',
    eraseAsk:
      'We wissen je naam, e-mailadres, organisatie, functie en wensen. Heb je een plek, dan gaat die naar de volgende op de wachtlijst. Je krijgt daarna geen mail meer van ons, en deze link werkt niet meer. Dit kun je niet terugdraaien.',
    eraseButton: 'Ja, verwijder mijn gegevens',
    erasedTitle: 'Je gegevens zijn verwijderd',
    erased: 'We hebben je gegevens gewist. Je krijgt geen mail meer over dit evenement. Je hoeft niets meer te doen.',
    networkHeading: 'Andere deelnemers',
    networkOn: 'Je staat op de lijst: andere deelnemers met een plek zien je naam, organisatie en functie.',
    networkOff: 'Je staat niet op de lijst. Wil je dat andere deelnemers met een plek je naam, organisatie en functie zien?',
    networkButtonOn: 'Zet mij op de lijst',
    networkButtonOff: 'Haal mij van de lijst',
    networkNotYet: (at: string) => `De lijst van deelnemers die daarvoor gekozen hebben, zie je hier vanaf ${at}. Dan sluit de aanmelding.`,
    networkEmpty: 'Nog niemand anders heeft gekozen om op de lijst te staan.',
  },
  en: {
    title: 'Your registration',
    confirmed: 'You are registered. Your seat is booked.',
    waitlisted: (position?: number) => `You are on the waitlist${position ? `, at place ${position}` : ''}. If a seat becomes free, you get it automatically and we email you.`,
    cancelled: 'Your registration is cancelled. You do not need to do anything else.',
    cancelConfirmed: 'Cannot come? Cancel here. Your seat goes straight to the next person on the waitlist.',
    cancelWaitlisted: 'No longer want to be on the waitlist?',
    buttonConfirmed: 'I cannot come: cancel my registration',
    buttonWaitlisted: 'Take me off the waitlist',
    releaseHeading: 'Cannot come?',
    releaseAsk: 'Confirm below that you give up your seat. The next person on the waitlist gets it straight away.',
    pendingHeading: 'Confirm your registration',
    pending: (deadline: string) =>
      `Someone registered this email address for this event. Was it you? Then confirm with the button. We keep the place for you until ${deadline}.`,
    pendingNotYou: 'Was it not you? Then do nothing: without confirmation the registration lapses and we delete its details.',
    buttonConfirm: 'Yes, register me',
    calledOff: 'This event has been called off. There is nothing to confirm; the registration lapses by itself.',
    answersHeading: 'Your answers',
    dataHeading: 'Your data',
    download: 'Download everything we keep about you (a JSON file)',
    eraseLink: 'Delete my data',
    eraseHeading: 'Delete your data?',
    eraseAsk:
      'We erase your name, email address, organisation, job title and needs. If you have a seat, it goes to the next person on the waitlist. You will get no more mail from us, and this link will stop working. This cannot be undone.',
    eraseButton: 'Yes, delete my data',
    erasedTitle: 'Your data has been deleted',
    erased: 'We have erased your data. You will get no more mail about this event. You do not need to do anything else.',
    networkHeading: 'Other participants',
    networkOn: 'You are on the list: other participants with a seat see your name, organisation and job title.',
    networkOff: 'You are not on the list. Do you want other participants with a seat to see your name, organisation and job title?',
    networkButtonOn: 'Put me on the list',
    networkButtonOff: 'Take me off the list',
    networkNotYet: (at: string) => `From ${at}, when registration closes, you see here the participants who chose to be on the list.`,
    networkEmpty: 'Nobody else has chosen to be on the list yet.',
  },
} satisfies Record<Language, unknown>;

export interface StatusPageInput {
  event: EventRecord;
  registration: Registration;
  waitlistPosition?: number;
  token: string;
  language: Language;
  /** Opened from a reminder's "I can't come" link: ask to confirm giving the seat away. */
  releaseRequested?: boolean;
  /** "Delete my data" was chosen: ask to confirm first. */
  eraseRequested?: boolean;
  /** The participant list, for a confirmed participant; absent or closed: not shown. */
  network?: NetworkView;
}

/** The participant's own page: where they stand, and one button to give up their place. */
export function renderRegistrationStatusPage(input: StatusPageInput): string {
  const { event, registration, language } = input;
  if (visibleStatus(registration) === 'pending') return renderConfirmationStep(input);
  const { waitlistPosition, token, releaseRequested } = input;
  const w = words[language];
  const status =
    registration.status === 'confirmed' ? w.confirmed : registration.status === 'waitlisted' ? w.waitlisted(waitlistPosition) : w.cancelled;
  const active = registration.status !== 'cancelled';
  return pageDocument(
    language,
    `${w.title}: ${event.title}`,
    html`${eventSummary(event, language)}
${releaseRequested && registration.status === 'confirmed' ? html`<div class="notice" role="alert"><h2>${w.releaseHeading}</h2><p>${w.releaseAsk}</p></div>` : ''}
<h2>${w.title}</h2>
<div class="${active ? 'result' : 'notice'}" role="status"><p>${registration.name}: ${status}</p></div>
${active
  ? html`<form method="post" action="/registrations/${registration.registrationId}/cancel">
<p>${registration.status === 'confirmed' ? w.cancelConfirmed : w.cancelWaitlisted}</p>
<input type="hidden" name="token" value="${token}">
<button type="submit" class="secondary">${registration.status === 'confirmed' ? w.buttonConfirmed : w.buttonWaitlisted}</button>
</form>`
  : ''}
${yourAnswers(input)}
${active ? participantList(input) : ''}
${dataRights(input)}`,
  );
}

/** What the person answered to the event's questions, as they would read it back. */
function yourAnswers({ event, registration, language }: StatusPageInput): SafeHtml | '' {
  const answered = questionsOf(event).filter((question) => registration.answers?.[question.id] !== undefined);
  if (answered.length === 0) return '';
  const w = words[language];
  return html`<h2>${w.answersHeading}</h2>
<dl>${answered.map((question) => html`<dt>${textIn(question.label, language)}</dt><dd>${answerText(question, registration.answers![question.id], language)}</dd>`)}</dl>`;
}

/** The switch for being on the participant list, and the list itself once registration has closed. */
function participantList({ event, registration, token, language, network }: StatusPageInput): SafeHtml {
  const w = words[language];
  const shown = Boolean(registration.networkConsentAt);
  const list =
    network?.state === 'not-yet'
      ? html`<p>${w.networkNotYet(formatMoment(network.opensAt, event.timeZone, language))}</p>`
      : network?.state === 'open'
        ? network.people.length === 0
          ? html`<p>${w.networkEmpty}</p>`
          : html`<ul>${network.people.map((person) => html`<li>${[person.name, person.organisation, person.role].filter(Boolean).join(', ')}</li>`)}</ul>`
        : '';
  return html`<h2>${w.networkHeading}</h2>
<form method="post" action="/registrations/${registration.registrationId}/network">
<p>${shown ? w.networkOn : w.networkOff}</p>
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="language" value="${language}">
<input type="hidden" name="show" value="${shown ? 'off' : 'on'}">
<button type="submit" class="secondary">${shown ? w.networkButtonOff : w.networkButtonOn}</button>
</form>
${list}`;
}

/** Access and erasure (GDPR articles 15 and 17), behind the same token as the rest of the page. */
function dataRights({ registration, token, language, eraseRequested }: StatusPageInput): SafeHtml {
  const w = words[language];
  const link = (query: string) => `/registrations/${registration.registrationId}${query}`;
  return html`<h2>${w.dataHeading}</h2>
<p><a href="${link(`/data?token=${encodeURIComponent(token)}`)}" download>${w.download}</a></p>
${eraseRequested
  ? html`<div class="notice" role="alert"><h3>${w.eraseHeading}</h3><p>${w.eraseAsk}</p>
<form method="post" action="${link('/erase')}">
<input type="hidden" name="token" value="${token}">
<input type="hidden" name="language" value="${language}">
<button type="submit" class="secondary">${w.eraseButton}</button>
</form></div>`
  : html`<p><a href="${link(`?token=${encodeURIComponent(token)}&lang=${language}&erase=1`)}">${w.eraseLink}</a></p>`}`;
}

/** After erasure nothing is left to show but that it happened. */
export function renderErasedPage(language: Language): string {
  const w = words[language];
  return pageDocument(language, w.erasedTitle, html`<h1>${w.erasedTitle}</h1><div class="result" role="status"><p>${w.erased}</p></div>`);
}

function eventSummary(event: EventRecord, language: Language): SafeHtml {
  return html`<h1>${event.title}</h1>
${detailList(eventDetailLines(event, language))}`;
}

/**
 * Where the confirmation request's button leads: the event and one button that confirms (a
 * POST; opening the link alone changes nothing, so a mail scanner that follows links confirms
 * nobody). Nothing the requester typed is shown: the address's owner may not be the requester.
 */
function renderConfirmationStep({ event, registration, token, language }: StatusPageInput): string {
  const w = words[language];
  if (event.cancelledAt) {
    return pageDocument(language, `${w.pendingHeading}: ${event.title}`, html`${eventSummary(event, language)}<div class="notice" role="status"><p>${w.calledOff}</p></div>`);
  }
  return pageDocument(
    language,
    `${w.pendingHeading}: ${event.title}`,
    html`${eventSummary(event, language)}
<h2>${w.pendingHeading}</h2>
<p>${w.pending(formatMoment(registration.confirmBy!, event.timeZone, language))}</p>
<form method="post" action="/registrations/${registration.registrationId}/confirm">
<input type="hidden" name="token" value="${token}">
<button type="submit">${w.buttonConfirm}</button>
</form>
<p>${w.pendingNotYou}</p>`,
  );
}
