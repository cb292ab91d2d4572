import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/privacy-page/handler';
import { publicEventView, type EventRecord } from '../../../shared/domain/event';
import { renderMail } from '../../../shared/mail/templates';
import { renderPrivacyPage } from '../../../shared/pages/privacy-page';
import { renderRegistrationPage } from '../../../shared/pages/registration-page';
import { getPrivacyNotice } from '../../../shared/use-cases/privacy-notice';
import { NOW, aRegistration, anEvent, someSeats } from '../../support/fixtures';
import { context, sampleEvent } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);

afterEach(() => {
  dynamo.reset();
});

/** The page for an event as the use case reads it from a repository holding only that event. */
async function pageFor(event: EventRecord, language: 'nl' | 'en', region = 'eu-west-1') {
  const deps = { events: { get: async (id: string) => (id === event.id ? event : undefined) }, clock: { now: () => NOW } } as unknown as Parameters<typeof getPrivacyNotice>[0];
  return renderPrivacyPage({ notice: await getPrivacyNotice(deps, event.id), language, region });
}

/** The text a reader sees, without tags, on one line. */
const visible = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('privacy page', () => {
  // The fixture event ends on Monday 7 December 2026 at 17:30 in Amsterdam.
  it('gives the deletion dates that follow from the default settings, in Dutch', async () => {
    const page = visible(await pageFor(anEvent(), 'nl'));

    expect(page).toContain('Wat je nodig hebt en wat je niet eet: tot maandag 21 december 2026.');
    expect(page).toContain('Al je andere gegevens: tot dinsdag 7 december 2027.');
    expect(page).toContain('Gegevens over een mail: 90 dagen nadat we de mail verstuurden.');
  });

  it('gives the dates of the event’s own settings, in English', async () => {
    const page = visible(await pageFor(anEvent({ retention: 'P6M', needsRetention: 'P7D' }), 'en'));

    expect(page).toContain('What you need and what you do not eat: until Monday, 14 December 2026.');
    expect(page).toContain('All your other details: until Monday, 7 June 2027.');
    expect(page).toContain('Your certificate can be checked until Monday, 7 June 2027');
  });

  it('declares its language, offers the other one and stays a plain page', async () => {
    const dutch = await pageFor(anEvent(), 'nl');
    const english = await pageFor(anEvent(), 'en');

    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toContain('<a href="?lang=en" lang="en" hreflang="en">English</a>');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<a href="?lang=nl" lang="nl" hreflang="nl">Nederlands</a>');
    for (const page of [dutch, english]) {
      expect(page).not.toContain('<script');
      expect(page).not.toMatch(/src="https?:/);
    }
  });

  it('is navigable by its headings and lists', async () => {
    const page = await pageFor(anEvent(), 'en');

    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect([...page.matchAll(/<h2>([^<]+)<\/h2>/g)].map((match) => match[1])).toEqual([
      'Who is responsible for your details?',
      'What we ask for, and why',
      'Why are we allowed to do this?',
      'How long we keep your details',
      'Who sees your details',
      'Where your details are stored',
      'Your rights',
    ]);
    expect(page.match(/<ul>/g)).toHaveLength(4);
  });

  it('names the controller and links their contact', async () => {
    const byMail = await pageFor(anEvent({ controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.example' } }), 'nl');
    const byWeb = await pageFor(anEvent({ controller: { name: 'Gemeente Utrecht', contact: 'https://utrecht.example/privacy' } }), 'en');

    expect(visible(byMail)).toContain('Gemeente Utrecht is verantwoordelijk voor je gegevens (de verwerkingsverantwoordelijke).');
    expect(byMail).toContain('<a href="mailto:privacy@utrecht.example">privacy@utrecht.example</a>');
    expect(visible(byMail)).toContain('Neem contact op met Gemeente Utrecht.');
    expect(byWeb).toContain('<a href="https://utrecht.example/privacy">https://utrecht.example/privacy</a>');
  });

  it('shows a contact that is neither an address nor a web address as text, never as a link', async () => {
    const page = await pageFor(anEvent({ controller: { name: 'Stichting X', contact: 'javascript:alert(1)' } }), 'en');

    expect(page).toContain('Contact: javascript:alert(1)');
    expect(page).not.toContain('href="javascript:');
  });

  it('says honestly who is responsible when the organiser named nobody', async () => {
    const dutch = visible(await pageFor(anEvent(), 'nl'));
    const english = visible(await pageFor(anEvent(), 'en'));

    expect(dutch).toContain('De organisator van dit evenement is verantwoordelijk voor je gegevens');
    expect(dutch).toContain('Neem contact op met de organisator.');
    expect(english).toContain('The organiser of this event is responsible for your details');
    expect(english).toContain('The organiser has not filled in a name and contact details here.');
  });

  it('names the legal bases, the recipients, the processor and its region', async () => {
    const page = visible(await pageFor(anEvent(), 'en', 'eu-central-1'));

    expect(page).toContain('GDPR, article 6(1)(a)');
    expect(page).toContain('GDPR, article 9(2)(a)');
    expect(page).toContain('The people at the door: only your name and your check-in code.');
    expect(page).toContain('in the region eu-central-1 (Frankfurt)');
  });

  it('names a region it has no place name for by its code', async () => {
    expect(visible(await pageFor(anEvent(), 'nl', 'ap-south-2'))).toContain('in de regio ap-south-2.');
  });

  it('tells a lost link’s owner what works for this event', async () => {
    expect(visible(await pageFor(anEvent({ emailConfirmation: 'required' }), 'en'))).toContain('Register again with the same email address while registration is open.');
    expect(visible(await pageFor(anEvent({ emailConfirmation: 'off' }), 'en'))).toContain('Lost the link? Contact the organiser.');
  });

  it('links back to the form in its language', async () => {
    expect(await pageFor(anEvent(), 'en')).toContain('<a href="/events/event-1/register?lang=en">Back to the registration form</a>');
  });
});

describe('privacy page handler', () => {
  const request = (eventId: string, overrides: Parameters<typeof sampleEvent>[1] = {}) =>
    sampleEvent('privacy-page.json', { pathParameters: { eventId }, queryStringParameters: {}, headers: {}, ...overrides });

  it('answers in the event’s language unless the reader asks for another, with the region the function runs in', async () => {
    dynamo.on(GetCommand).resolves({ Item: anEvent({ id: 'event-en', language: 'en' }) });

    const byEvent = await handler(request('event-en'), context);
    const byBrowser = await handler(request('event-en', { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } }), context);
    const byQuery = await handler(request('event-en', { queryStringParameters: { lang: 'en' }, headers: { 'accept-language': 'nl' } }), context);

    expect(byEvent.statusCode).toBe(200);
    expect(byEvent.headers?.['content-type']).toContain('text/html');
    expect(byEvent.body).toContain('<html lang="en">');
    expect(byEvent.body).toContain('eu-west-1 (Ireland)');
    expect(byBrowser.body).toContain('<html lang="nl">');
    expect(byQuery.body).toContain('<html lang="en">');
  });

  it('answers 404 for an unknown event, as the form does', async () => {
    dynamo.on(GetCommand).resolves({});

    const response = await handler(request('no-such-event'), context);

    expect(response.statusCode).toBe(404);
  });
});

describe('links to the privacy page', () => {
  it('sit beside the consent box and at the foot of the form', () => {
    const page = renderRegistrationPage({ event: publicEventView(anEvent(), someSeats(), NOW), language: 'nl' });

    const links = page.match(/<a href="\/events\/event-1\/privacy\?lang=nl">Zo gaan we om met je gegevens \(privacy\)<\/a>/g);
    expect(links).toHaveLength(2);
    expect(page.indexOf('privacy?lang=nl')).toBeGreaterThan(page.indexOf('id="field-consent"'));
  });

  it('stays on the result page, where the form is gone', () => {
    const page = renderRegistrationPage({ event: publicEventView(anEvent(), someSeats(), NOW), language: 'en', result: { status: 'confirmed' } });

    expect(page).toContain('<a href="/events/event-1/privacy?lang=en">How we handle your details (privacy)</a>');
  });

  it('close every mail, as a link in the HTML and as a URL in the text', () => {
    const privacyUrl = 'https://events.example.org/events/event-1/privacy?lang=en';
    for (const kind of ['registration-confirmed', 'confirm-address', 'event-cancelled'] as const) {
      const mail = renderMail(kind, { event: anEvent(), registration: aRegistration({ language: 'en' }), personalLink: 'https://events.example.org/registrations/reg-1?token=t', privacyUrl });

      expect(mail.text.endsWith(`How we handle your details (privacy): ${privacyUrl}`)).toBe(true);
      expect(mail.html).toContain(`<a href="${privacyUrl}" style="color:#0b4f9c">How we handle your details (privacy)</a>`);
    }
  });
});
