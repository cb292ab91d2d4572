import type { EventRecord, Language } from '../domain/event';
import type { Registration } from '../domain/registration';
import { formatEventTime } from '../i18n/format';
import { html } from '../i18n/html';
import { pageDocument } from './layout';

const words = {
  nl: {
    title: 'Je aanmelding',
    when: 'Wanneer',
    where: 'Waar',
    confirmed: 'Je bent aangemeld. Er is een plek voor je.',
    waitlisted: (position?: number) => `Je staat op de wachtlijst${position ? `, op plek ${position}` : ''}. Komt er een plek vrij, dan krijg je die automatisch en mailen we je.`,
    cancelled: 'Je aanmelding is geannuleerd. Je hoeft niets meer te doen.',
    cancelConfirmed: 'Kun je niet komen? Meld je dan af. Je plek gaat meteen naar de volgende op de wachtlijst.',
    cancelWaitlisted: 'Wil je niet meer op de wachtlijst staan?',
    buttonConfirmed: 'Ik kan niet komen: meld mij af',
    buttonWaitlisted: 'Haal mij van de wachtlijst',
    releaseHeading: 'Kun je niet komen?',
    releaseAsk: 'Bevestig hieronder dat je je plek weggeeft. De volgende op de wachtlijst krijgt hem meteen.',
  },
  en: {
    title: 'Your registration',
    when: 'When',
    where: 'Where',
    confirmed: 'You are registered. Your seat is booked.',
    waitlisted: (position?: number) => `You are on the waitlist${position ? `, at place ${position}` : ''}. If a seat becomes free, you get it automatically and we email you.`,
    cancelled: 'Your registration is cancelled. You do not need to do anything else.',
    cancelConfirmed: 'Cannot come? Cancel here. Your seat goes straight to the next person on the waitlist.',
    cancelWaitlisted: 'No longer want to be on the waitlist?',
    buttonConfirmed: 'I cannot come: cancel my registration',
    buttonWaitlisted: 'Take me off the waitlist',
    releaseHeading: 'Cannot come?',
    releaseAsk: 'Confirm below that you give up your seat. The next person on the waitlist gets it straight away.',
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
}

/** The participant's own page: where they stand, and one button to give up their place. */
export function renderRegistrationStatusPage({ event, registration, waitlistPosition, token, language, releaseRequested }: StatusPageInput): string {
  const w = words[language];
  const place = [event.venue.name, event.venue.address].filter(Boolean).join(', ');
  const status =
    registration.status === 'confirmed' ? w.confirmed : registration.status === 'waitlisted' ? w.waitlisted(waitlistPosition) : w.cancelled;
  const active = registration.status !== 'cancelled';
  return pageDocument(
    language,
    `${w.title}: ${event.title}`,
    html`<h1>${event.title}</h1>
<dl>
<dt>${w.when}</dt><dd>${formatEventTime(event, language)}</dd>
${place ? html`<dt>${w.where}</dt><dd>${place}</dd>` : ''}
</dl>
${releaseRequested && registration.status === 'confirmed' ? html`<div class="notice" role="alert"><h2>${w.releaseHeading}</h2><p>${w.releaseAsk}</p></div>` : ''}
<h2>${w.title}</h2>
<div class="${active ? 'result' : 'notice'}" role="status"><p>${registration.name}: ${status}</p></div>
${active
  ? html`<form method="post" action="/registrations/${registration.registrationId}/cancel">
<p>${registration.status === 'confirmed' ? w.cancelConfirmed : w.cancelWaitlisted}</p>
<input type="hidden" name="token" value="${token}">
<button type="submit" class="secondary">${registration.status === 'confirmed' ? w.buttonConfirmed : w.buttonWaitlisted}</button>
</form>`
  : ''}`,
  );
}
