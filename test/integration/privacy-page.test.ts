import { describe, expect, it } from 'vitest';
import { call, createEvent, pathOf, uniqueEmail, waitForMail } from '../support/local-stack';

/** The text a reader sees, without tags, on one line. */
const visible = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the privacy page of an event', () => {
  // Thursday 10 June 2027, 09:00–12:00 in Amsterdam: kept six months after the end, the needs a week.
  const settings = {
    startsAt: '2027-06-10T09:00:00+02:00',
    endsAt: '2027-06-10T12:00:00+02:00',
    retention: 'P6M',
    needsRetention: 'P7D',
    controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.example' },
  };

  it('states the controller and the dates that follow from the event’s settings, in Dutch and English', async () => {
    const event = await createEvent({ ...settings, language: 'nl' });

    const dutch = await call('GET', `/events/${event.id}/privacy`);
    const english = await call('GET', `/events/${event.id}/privacy`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });

    expect(dutch.status).toBe(200);
    expect(dutch.headers.get('content-type')).toContain('text/html');
    expect(dutch.text).toContain('<html lang="nl">');
    expect(visible(dutch.text)).toContain('Gemeente Utrecht is verantwoordelijk voor je gegevens');
    expect(dutch.text).toContain('<a href="mailto:privacy@utrecht.example">privacy@utrecht.example</a>');
    expect(visible(dutch.text)).toContain('Wat je nodig hebt en wat je niet eet: tot donderdag 17 juni 2027.');
    expect(visible(dutch.text)).toContain('Al je andere gegevens: tot vrijdag 10 december 2027.');
    expect(visible(dutch.text)).toContain('in de regio eu-west-1 (Ierland)');

    expect(english.text).toContain('<html lang="en">');
    expect(visible(english.text)).toContain('What you need and what you do not eat: until Thursday, 17 June 2027.');
    expect(visible(english.text)).toContain('All your other details: until Friday, 10 December 2027.');
    expect(english.text).toContain(`<a href="/events/${event.id}/register?lang=en">Back to the registration form</a>`);
  });

  it('is linked from the form', async () => {
    const event = await createEvent({ language: 'en' });

    const form = await call('GET', `/events/${event.id}/register`);

    expect(form.text).toContain(`<a href="/events/${event.id}/privacy?lang=en">How we handle your details (privacy)</a>`);
  });

  it('answers 404 for an unknown event, like the form', async () => {
    const response = await call('GET', '/events/01JUNKNOWNEVENT0000000000/privacy');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is linked from the confirmation mail, in the participant’s language, and the link works', async () => {
    const event = await createEvent({ ...settings, language: 'nl' });
    const email = uniqueEmail('privacy');
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Anna de Wit', email, consent: true, language: 'en' } });

    const [mail] = await waitForMail((candidate) => candidate.destination.to.includes(email), (mails) => mails.length >= 1);
    const link = /How we handle your details \(privacy\): (\S+)$/.exec(mail!.body.text ?? '')?.[1];
    const page = await call('GET', pathOf(link!));

    expect(mail!.subject).toBe(`You are registered: ${event.title}`);
    expect(link).toMatch(new RegExp(`^http://[^/]+/events/${event.id}/privacy\\?lang=en$`));
    expect(mail!.body.html).toContain(`href="${link}"`);
    expect(page.status).toBe(200);
    expect(visible(page.text)).toContain('All your other details: until Friday, 10 December 2027.');
  });
});
