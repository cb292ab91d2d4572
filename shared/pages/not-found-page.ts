import type { Language } from '../domain/event';
import { html } from '../i18n/html';
import { pageDocument } from './layout';

/** What a browser is told when a link leads nowhere: a page in the visitor's language, not a JSON body in English. */
export type DeadEnd = 'certificate' | 'personal-link' | 'other';

const words = {
  nl: {
    certificate: { title: 'Geen geldig certificaat', lines: ['Dit is geen geldig certificaat: er is geen certificaat met dit nummer uitgegeven.', 'Controleer het nummer op het certificaat, of vraag de organisator van het evenement om een bevestiging.'] },
    'personal-link': {
      title: 'Deze link werkt niet (meer)',
      lines: [
        'We vinden geen aanmelding bij deze link. Misschien is de link niet helemaal meegekopieerd, is de aanmelding geannuleerd of gewist, of is de tijd om hem te bewaren voorbij.',
        'Wil je weten hoe het zit? Neem contact op met de organisator van het evenement. Wil je toch komen? Meld je dan opnieuw aan via het aanmeldformulier.',
      ],
    },
    other: { title: 'Niet gevonden', lines: ['Deze pagina bestaat niet (meer).'] },
  },
  en: {
    certificate: { title: 'Not a valid certificate', lines: ['This is not a valid certificate: no certificate with this number was issued.', 'Check the number on the certificate, or ask the organiser of the event to confirm it.'] },
    'personal-link': {
      title: 'This link does not work (any more)',
      lines: [
        'We find no registration for this link. Perhaps it was not copied in full, the registration was cancelled or erased, or the time to keep it has passed.',
        'Want to know more? Contact the organiser of the event. Want to come after all? Register again with the registration form.',
      ],
    },
    other: { title: 'Not found', lines: ['This page does not exist (any more).'] },
  },
} satisfies Record<Language, Record<DeadEnd, { title: string; lines: string[] }>>;

export function renderNotFoundPage(deadEnd: DeadEnd, language: Language): string {
  const { title, lines } = words[language][deadEnd];
  return pageDocument(language, title, html`<h1>${title}</h1><div class="notice" role="status">${lines.map((line) => html`<p>${line}</p>`)}</div>`);
}

/** Which dead end a path is: a certificate's verification page, or a participant's personal link (and what hangs off it). */
export const deadEndOf = (path: string): DeadEnd => (path.startsWith('/certificates/') ? 'certificate' : path.startsWith('/registrations/') ? 'personal-link' : 'other');
