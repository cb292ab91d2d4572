import { describe, expect, it } from 'vitest';
import { call, createEvent, personalLinkFor, uniqueEmail } from '../support/local-stack';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('links that lead nowhere, opened in a browser', () => {
  it('say plainly that a forged certificate is not valid, in the visitor\'s language, with the same 404', async () => {
    const dutch = await call('GET', '/certificates/FORGE-D0000', { headers: { accept: BROWSER, 'accept-language': 'nl-NL,nl;q=0.9' } });
    const english = await call('GET', '/certificates/FORGE-D0000', { headers: { accept: BROWSER, 'accept-language': 'en-GB' } });
    const client = await call('GET', '/certificates/FORGE-D0000', { headers: { accept: 'application/json' } });

    expect([dutch.status, dutch.headers.get('content-type')]).toEqual([404, expect.stringContaining('text/html')]);
    expect(dutch.text).toContain('Dit is geen geldig certificaat');
    expect(english.text).toContain('This is not a valid certificate');
    expect([client.status, client.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
  });

  it('tell what to do next when a personal link is wrong or its registration is gone', async () => {
    const event = await createEvent({ language: 'en' });
    const email = uniqueEmail('dead');
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Dode Link', email, consent: true } });
    const link = await personalLinkFor(email);

    const wrong = await call('GET', `/registrations/${link.registrationId}?token=not-it&lang=en`, { headers: { accept: BROWSER } });
    const client = await call('GET', `/registrations/${link.registrationId}?token=not-it`, { headers: { accept: 'application/json' } });

    expect([wrong.status, wrong.headers.get('content-type')]).toEqual([404, expect.stringContaining('text/html')]);
    expect(wrong.text).toContain('Contact the organiser of the event');
    expect(wrong.text).toContain('Register again');
    expect(wrong.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(client.headers.get('content-type')).toContain('application/problem+json');
  });
});
