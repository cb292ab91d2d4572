import { describe, expect, it } from 'vitest';
import { call, createEvent, pathOf, uniqueEmail } from '../support/local-stack';

const postForm = (eventId: string, fields: Record<string, string>) =>
  call('POST', `/events/${eventId}/registrations`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('the hosted registration form', () => {
  it('is served in Dutch or English, chosen by ?lang= or Accept-Language', async () => {
    const event = await createEvent({ language: 'nl' });

    const dutch = await call('GET', `/events/${event.id}/register`);
    const english = await call('GET', `/events/${event.id}/register`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const forced = await call('GET', `/events/${event.id}/register?lang=en`, { headers: { 'accept-language': 'nl' } });

    expect(dutch.headers.get('content-type')).toContain('text/html');
    expect(dutch.text).toContain('<html lang="nl">');
    expect(english.text).toContain('<html lang="en">');
    expect(forced.text).toContain('<label for="field-email">Email address');
  });

  it('registers without JavaScript and redirects to the result page', async () => {
    const event = await createEvent({ capacity: 1 });

    const first = await postForm(event.id, { language: 'en', name: 'Ada', email: uniqueEmail('form1'), consent: 'true', website: '' });
    const second = await postForm(event.id, { language: 'nl', name: 'Bea', email: uniqueEmail('form2'), consent: 'true', website: '' });
    const result = await call('GET', pathOf(second.headers.get('location')!));

    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toMatch(/\/events\/.+\/register\?lang=en&status=confirmed$/);
    expect(second.headers.get('location')).toContain('status=waitlisted&position=1');
    expect(result.text).toContain('Je staat op de wachtlijst, op plek 1.');
  });

  it('shows mistakes next to the fields and keeps what was typed', async () => {
    const event = await createEvent();

    const response = await postForm(event.id, { language: 'en', name: 'Ada Lovelace', email: 'ada@', website: '' });
    const page = response.text;

    expect(response.status).toBe(400);
    expect(page).toContain('value="Ada Lovelace"');
    expect(page).toContain('id="field-email-error"');
    expect(page).toContain('id="field-consent-error"');
  });

  it('answers a second attempt with the same address on the page, not as JSON', async () => {
    const event = await createEvent();
    const email = uniqueEmail('again');
    await postForm(event.id, { language: 'en', name: 'Ada', email, consent: 'true' });

    const again = await postForm(event.id, { language: 'en', name: 'Ada', email, consent: 'true' });

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('text/html');
    expect(again.text).toContain('already registered');
  });
});
