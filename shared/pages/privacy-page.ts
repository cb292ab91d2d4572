import type { DataController, Language } from '../domain/event';
import { formatDate, formatEventTime } from '../i18n/format';
import { html, type SafeHtml } from '../i18n/html';
import type { PrivacyNotice } from '../use-cases/privacy-notice';
import { pageDocument } from './layout';

/** The privacy page of an event, in a language: the form links to it as it is, mails with the public base URL before it. */
export const privacyPagePath = (eventId: string, language: Language) => `/events/${encodeURIComponent(eventId)}/privacy?lang=${language}`;

/** The words of the link to the privacy page, the same on the form and in every mail. */
export const PRIVACY_LINK_LABEL: Record<Language, string> = {
  nl: 'Zo gaan we om met je gegevens (privacy)',
  en: 'How we handle your details (privacy)',
};

/** AWS's own names for the regions people are most likely to be told about; any other shows its code only. */
const REGION_PLACES: Record<string, Record<Language, string>> = {
  'eu-west-1': { nl: 'Ierland', en: 'Ireland' },
  'eu-west-2': { nl: 'Londen', en: 'London' },
  'eu-west-3': { nl: 'Parijs', en: 'Paris' },
  'eu-central-1': { nl: 'Frankfurt', en: 'Frankfurt' },
  'eu-central-2': { nl: 'Zürich', en: 'Zurich' },
  'eu-north-1': { nl: 'Stockholm', en: 'Stockholm' },
  'eu-south-1': { nl: 'Milaan', en: 'Milan' },
  'eu-south-2': { nl: 'Spanje', en: 'Spain' },
};

const words = {
  nl: {
    otherLanguage: { label: 'English', lang: 'en' as Language },
    title: (event: string) => `Privacy: ${event}`,
    lead: (event: string, when: string) => `Wat gebeurt er met je gegevens als je je aanmeldt voor ${event} (${when})? Dat lees je op deze pagina.`,
    controllerHeading: 'Wie is verantwoordelijk voor je gegevens?',
    controller: (name: string) => `${name} is verantwoordelijk voor je gegevens (de verwerkingsverantwoordelijke).`,
    contact: 'Contact',
    noController: [
      'De organisator van dit evenement is verantwoordelijk voor je gegevens (de verwerkingsverantwoordelijke).',
      'De organisator heeft hier geen naam en contactgegevens ingevuld. Je bereikt de organisator via het adres waar de mails over dit evenement vandaan komen, of via de uitnodiging voor dit evenement.',
    ],
    dataHeading: 'Welke gegevens we vragen, en waarom',
    data: [
      ['Je naam, je e-mailadres en de taal van je aanmelding', 'Om je een plek of een plek op de wachtlijst te geven, om je te mailen over het evenement, om je bij de ingang binnen te laten en voor je certificaat.'],
      ['Je organisatie en je functie, als je die invult', 'Zodat de organisator weet wie er komen.'],
      ['Wat je nodig hebt om mee te doen, en wat je niet eet, als je dat invult', 'Om de dag voor jou toegankelijk te maken, en voor het eten en drinken. Dit kan iets zeggen over je gezondheid of je geloof. Daarom vragen we hier apart toestemming voor.'],
      ['Je aanmelding: wanneer je toestemming gaf, of je een plek hebt, je plek op de wachtlijst en wanneer je binnenkwam', 'Om het evenement te regelen, en om te laten zien dat je toestemming gaf.'],
      ['Je certificaat, als je er een krijgt: het nummer, je naam, het evenement, de datum en het aantal uren', 'Zodat iedereen kan nagaan of je certificaat echt is. We bewaren daarvoor alleen wat op het certificaat staat.'],
      ['Over de mails die we je sturen: welke mail, wanneer, en of hij is aangekomen. Niet de tekst van de mail.', 'Zodat we weten of onze mails je bereiken, en niet blijven mailen naar een adres dat niet werkt.'],
    ] as ReadonlyArray<readonly [string, string]>,
    basisHeading: 'Waarom mogen we dat?',
    basis: [
      'Omdat je ons toestemming geeft (AVG, artikel 6 lid 1 onder a).',
      'Voor wat je nodig hebt en wat je niet eet, vragen we je uitdrukkelijke toestemming (AVG, artikel 9 lid 2 onder a).',
      'Je kunt je toestemming altijd intrekken: meld je af, of laat je gegevens wissen.',
    ],
    keptHeading: 'Hoe lang we je gegevens bewaren',
    keptNeeds: (date: string) => `Wat je nodig hebt en wat je niet eet: tot ${date}.`,
    keptRest: (date: string) => `Al je andere gegevens: tot ${date}.`,
    keptCertificate: (date: string) => `Je certificaat blijft te controleren tot ${date}, ook als je je andere gegevens eerder laat wissen.`,
    keptMail: 'Gegevens over een mail: 90 dagen nadat we de mail verstuurden.',
    keptUnconfirmed: 'Bevestig je je e-mailadres niet op tijd? Dan wissen we je aanmelding meteen als de tijd in de mail voorbij is.',
    keptAfter: 'Daarna worden de gegevens vanzelf gewist.',
    recipientsHeading: 'Wie je gegevens ziet',
    recipients: [
      'De medewerkers van de organisator: alles wat je invult.',
      'De mensen bij de ingang: alleen je naam en je code voor de ingang.',
      'De cateraar: alleen een overzicht van wat mensen niet eten. Daar staan standaard geen namen bij.',
    ],
    processorHeading: 'Waar je gegevens staan',
    processor: (region: string) => [
      'De organisator gebruikt deze aanmeldservice. De service verwerkt je gegevens alleen in opdracht van de organisator (als verwerker).',
      `De service draait bij Amazon Web Services (AWS), in de regio ${region}. Je gegevens staan in Amazon DynamoDB, de programma’s draaien op AWS Lambda en de mails gaan via Amazon SES.`,
    ],
    rightsHeading: 'Je rechten',
    rightsIntro: 'In de mails over je aanmelding staat een persoonlijke link. Die link is alleen voor jou. Op die pagina kun je:',
    rights: [
      'je gegevens bekijken en downloaden;',
      'je gegevens laten wissen. Je aanmelding stopt dan. Alleen je certificaat blijft te controleren;',
      'je afmelden, of van de wachtlijst gaan. Je plek gaat dan naar de volgende op de wachtlijst.',
    ],
    lostLinkResend: 'Ben je de link kwijt? Meld je dan opnieuw aan met hetzelfde e-mailadres, zolang aanmelden nog kan. Je krijgt dan een mail met je link.',
    lostLinkAsk: (who: string) => `Ben je de link kwijt? Neem dan contact op met ${who}.`,
    ask: (who: string) => `Wil je iets laten verbeteren, of heb je een vraag of klacht? Neem contact op met ${who}.`,
    theOrganiser: 'de organisator',
    authority: 'Je mag ook een klacht indienen bij de toezichthouder voor privacy. In Nederland is dat de Autoriteit Persoonsgegevens.',
    back: 'Terug naar het aanmeldformulier',
  },
  en: {
    otherLanguage: { label: 'Nederlands', lang: 'nl' as Language },
    title: (event: string) => `Privacy: ${event}`,
    lead: (event: string, when: string) => `What happens to your details when you register for ${event} (${when})? This page tells you.`,
    controllerHeading: 'Who is responsible for your details?',
    controller: (name: string) => `${name} is responsible for your details (the data controller).`,
    contact: 'Contact',
    noController: [
      'The organiser of this event is responsible for your details (the data controller).',
      'The organiser has not filled in a name and contact details here. You can reach the organiser through the address the emails about this event come from, or through the invitation to this event.',
    ],
    dataHeading: 'What we ask for, and why',
    data: [
      ['Your name, your email address and the language you registered in', 'To give you a seat or a place on the waitlist, to email you about the event, to let you in at the door and for your certificate.'],
      ['Your organisation and job title, if you fill them in', 'So the organiser knows who is coming.'],
      ['What you need to take part, and what you do not eat, if you tell us', 'To make the day accessible for you, and for the food and drink. This can say something about your health or your religion. That is why we ask your separate consent for it.'],
      ['Your registration: when you gave consent, whether you have a seat, your place on the waitlist and when you were let in', 'To run the event, and to show that you gave consent.'],
      ['Your certificate, if you get one: its number, your name, the event, the date and the number of hours', 'So anyone can check that your certificate is real. For that we keep only what is on the certificate.'],
      ['About the emails we send you: which email, when, and whether it arrived. Not the text of the email.', 'So we know whether our emails reach you, and do not keep mailing an address that does not work.'],
    ] as ReadonlyArray<readonly [string, string]>,
    basisHeading: 'Why are we allowed to do this?',
    basis: [
      'Because you give us your consent (GDPR, article 6(1)(a)).',
      'For what you need and what you do not eat, we ask your explicit consent (GDPR, article 9(2)(a)).',
      'You can withdraw your consent at any time: cancel, or have your details deleted.',
    ],
    keptHeading: 'How long we keep your details',
    keptNeeds: (date: string) => `What you need and what you do not eat: until ${date}.`,
    keptRest: (date: string) => `All your other details: until ${date}.`,
    keptCertificate: (date: string) => `Your certificate can be checked until ${date}, even if you have your other details deleted earlier.`,
    keptMail: 'Details about an email: 90 days after we sent it.',
    keptUnconfirmed: 'If you do not confirm your email address in time, we delete your registration as soon as the time in the email is up.',
    keptAfter: 'After that, the details are deleted automatically.',
    recipientsHeading: 'Who sees your details',
    recipients: [
      'The organiser’s staff: everything you fill in.',
      'The people at the door: only your name and your check-in code.',
      'The caterer: only a summary of what people do not eat. By default it shows no names.',
    ],
    processorHeading: 'Where your details are stored',
    processor: (region: string) => [
      'The organiser uses this registration service. The service handles your details only on the organiser’s behalf (as a processor).',
      `The service runs on Amazon Web Services (AWS), in the region ${region}. Your details are stored in Amazon DynamoDB, the software runs on AWS Lambda and the emails go out through Amazon SES.`,
    ],
    rightsHeading: 'Your rights',
    rightsIntro: 'The emails about your registration contain a personal link. That link is for you only. On its page you can:',
    rights: [
      'see and download your details;',
      'have your details deleted. Your registration then ends. Only your certificate can still be checked;',
      'cancel, or leave the waitlist. Your seat then goes to the next person on the waitlist.',
    ],
    lostLinkResend: 'Lost the link? Register again with the same email address while registration is open. We then send you an email with your link.',
    lostLinkAsk: (who: string) => `Lost the link? Contact ${who}.`,
    ask: (who: string) => `Do you want something corrected, or do you have a question or complaint? Contact ${who}.`,
    theOrganiser: 'the organiser',
    authority: 'You may also complain to the data protection authority. In the Netherlands that is the Autoriteit Persoonsgegevens.',
    back: 'Back to the registration form',
  },
} satisfies Record<Language, unknown>;

/** A contact is an e-mail address or a web address; anything else (a phone number) is shown as text, never as a link. */
function contactMarkup(contact: string): SafeHtml {
  if (/^[^\s@]+@[^\s@]+$/.test(contact)) return html`<a href="mailto:${contact}">${contact}</a>`;
  if (/^https?:\/\/\S+$/i.test(contact)) return html`<a href="${contact}">${contact}</a>`;
  return html`${contact}`;
}

function controllerMarkup(controller: DataController | undefined, w: (typeof words)[Language]): SafeHtml {
  if (!controller) return html`${w.noController.map((line) => html`<p>${line}</p>`)}`;
  return html`<p>${w.controller(controller.name)}</p>
<p>${w.contact}: ${contactMarkup(controller.contact)}</p>`;
}

const regionName = (region: string, language: Language) => {
  const place = REGION_PLACES[region]?.[language];
  return place ? `${region} (${place})` : region;
};

export interface PrivacyPageInput {
  notice: PrivacyNotice;
  language: Language;
  /** The AWS region this deployment runs in. */
  region: string;
}

export function renderPrivacyPage({ notice, language, region }: PrivacyPageInput): string {
  const w = words[language];
  const date = (iso: string) => formatDate(iso, notice.timeZone, language);
  const who = notice.controller?.name ?? w.theOrganiser;
  const list = (items: readonly string[]) => html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;

  return pageDocument(
    language,
    w.title(notice.title),
    html`<p><a href="?lang=${w.otherLanguage.lang}" lang="${w.otherLanguage.lang}" hreflang="${w.otherLanguage.lang}">${w.otherLanguage.label}</a></p>
<h1>${w.title(notice.title)}</h1>
<p>${w.lead(notice.title, formatEventTime(notice, language))}</p>
<h2>${w.controllerHeading}</h2>
${controllerMarkup(notice.controller, w)}
<h2>${w.dataHeading}</h2>
<ul>${w.data.map(([what, why]) => html`<li><p><strong>${what}</strong><br>${why}</p></li>`)}</ul>
<h2>${w.basisHeading}</h2>
${w.basis.map((line) => html`<p>${line}</p>`)}
<h2>${w.keptHeading}</h2>
${list([
  w.keptNeeds(date(notice.needsKeptUntil)),
  w.keptRest(date(notice.keptUntil)),
  w.keptCertificate(date(notice.keptUntil)),
  w.keptMail,
  ...(notice.addressConfirmation ? [w.keptUnconfirmed] : []),
])}
<p>${w.keptAfter}</p>
<h2>${w.recipientsHeading}</h2>
${list(w.recipients)}
<h2>${w.processorHeading}</h2>
${w.processor(regionName(region, language)).map((line) => html`<p>${line}</p>`)}
<h2>${w.rightsHeading}</h2>
<p>${w.rightsIntro}</p>
${list(w.rights)}
<p>${notice.addressConfirmation ? w.lostLinkResend : w.lostLinkAsk(who)}</p>
<p>${w.ask(who)}</p>
<p>${w.authority}</p>
<p><a href="/events/${encodeURIComponent(notice.eventId)}/register?lang=${language}">${w.back}</a></p>`,
  );
}
