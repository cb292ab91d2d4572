import { describe, expect, inject, it } from 'vitest';
import { call, createEvent, pathOf, personalLinkFor, uniqueEmail } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const register = (eventId: string, body: Record<string, unknown>) => call('POST', `/events/${eventId}/registrations`, { body: { consent: true, ...body } });
const statusOf = (link: { registrationId: string; token: string }) => call('GET', `/registrations/${link.registrationId}?token=${link.token}`, { headers: { accept: 'application/json' } });
const pageOf = (link: { registrationId: string; token: string }, lang = 'nl') => call('GET', `/registrations/${link.registrationId}?token=${link.token}&lang=${lang}`);
const namesSeenBy = async (link: { registrationId: string; token: string }) => ((await statusOf(link)).json.network?.people as Array<{ name: string }> | undefined)?.map((person) => person.name);
const closeRegistration = (eventId: string) =>
  call('PATCH', `/admin/events/${eventId}`, { token: organiser(), body: { registrationClosesAt: new Date(Date.now() - 60_000).toISOString() } });

/** Registers people and returns each one's personal link, by name. */
async function registerAll(eventId: string, people: Array<Record<string, unknown> & { name: string }>) {
  const links: Record<string, { registrationId: string; token: string; url: string }> = {};
  for (const person of people) {
    const email = uniqueEmail('network');
    const response = await register(eventId, { email, ...person });
    expect(response.status, person.name).toBe(201);
    links[person.name] = await personalLinkFor(email);
  }
  return links;
}

describe('the participant list (opt-in networking)', () => {
  it('shows a confirmed participant, from the registration deadline on, the others with a seat who opted in, and nothing to anyone else', async () => {
    const event = await createEvent({ capacity: 4 });
    const links = await registerAll(event.id, [
      { name: 'Vera Kijker' },
      { name: 'Zoë Ambtenaar', organisation: 'Gemeente Utrecht', role: 'Beleidsadviseur', networkConsent: true },
      { name: 'Anna Stil', organisation: 'Provincie Utrecht' },
      { name: 'bram de Vries', networkConsent: true },
      { name: 'Willem Wacht', networkConsent: true },
    ]);
    const viewer = links['Vera Kijker']!;

    const before = await statusOf(viewer);
    const beforePage = await pageOf(viewer);
    expect(before.json).not.toHaveProperty('network');
    expect(beforePage.text).toContain('zie je hier vanaf');
    expect(beforePage.text).not.toContain('Zoë Ambtenaar');

    expect((await closeRegistration(event.id)).status).toBe(200);

    const after = await statusOf(viewer);
    const afterPage = await pageOf(viewer, 'en');
    expect(after.json.network.people).toEqual([{ name: 'bram de Vries' }, { name: 'Zoë Ambtenaar', organisation: 'Gemeente Utrecht', role: 'Beleidsadviseur' }]);
    expect(afterPage.text).toContain('<li>Zoë Ambtenaar, Gemeente Utrecht, Beleidsadviseur</li>');
    expect(afterPage.text).not.toContain('Anna Stil');
    expect(afterPage.text).not.toContain('Willem Wacht');
    // Someone on the list sees the others, not themselves.
    expect(await namesSeenBy(links['Zoë Ambtenaar']!)).toEqual(['bram de Vries']);

    const waiting = await statusOf(links['Willem Wacht']!);
    expect([waiting.json.status, waiting.json.network]).toEqual(['waitlisted', undefined]);
    expect((await pageOf(links['Willem Wacht']!)).text).not.toContain('Zoë Ambtenaar');

    const wrongToken = await call('GET', `/registrations/${viewer.registrationId}?token=${links['Zoë Ambtenaar']!.token}`, { headers: { accept: 'application/json' } });
    const noToken = await call('GET', `/registrations/${viewer.registrationId}`, { headers: { accept: 'application/json' } });
    expect([wrongToken.status, noToken.status]).toEqual([404, 404]);
    expect(wrongToken.text).not.toContain('Zoë');
  });

  it('takes a person off at once when they withdraw, and puts them on when they opt in later', async () => {
    const event = await createEvent({ capacity: 3 });
    const links = await registerAll(event.id, [{ name: 'Vera Kijker' }, { name: 'Daan Deelnemer', networkConsent: true }, { name: 'Anna Later' }]);
    const viewer = links['Vera Kijker']!;
    await closeRegistration(event.id);
    expect(await namesSeenBy(viewer)).toEqual(['Daan Deelnemer']);

    const daan = links['Daan Deelnemer']!;
    const withdrawn = await call('POST', `/registrations/${daan.registrationId}/network`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: daan.token, show: 'off', language: 'en' }).toString(),
    });
    expect(withdrawn.status).toBe(303);
    expect(pathOf(withdrawn.headers.get('location')!)).toBe(`/registrations/${daan.registrationId}?token=${daan.token}&lang=en`);
    expect(await namesSeenBy(viewer)).toEqual([]);
    expect((await pageOf(viewer)).text).toContain('Nog niemand anders heeft gekozen om op de lijst te staan.');
    expect((await pageOf(daan)).text).toContain('Zet mij op de lijst');

    const anna = links['Anna Later']!;
    const optedIn = await call('POST', `/registrations/${anna.registrationId}/network`, { body: { token: anna.token, show: 'on' } });
    const twice = await call('POST', `/registrations/${anna.registrationId}/network`, { body: { token: anna.token, show: 'on' } });
    expect([optedIn.status, optedIn.json, twice.json]).toEqual([200, { show: true }, { show: true }]);
    expect(await namesSeenBy(viewer)).toEqual(['Anna Later']);
    expect((await pageOf(anna)).text).toContain('Haal mij van de lijst');
  });

  it('answers a wrong token, a stranger and an erased person with 404, and drops an erased person from the list', async () => {
    const event = await createEvent({ capacity: 3 });
    const links = await registerAll(event.id, [{ name: 'Vera Kijker' }, { name: 'Eva Gewist', networkConsent: true }, { name: 'Finn Blijft', networkConsent: true }]);
    const viewer = links['Vera Kijker']!;
    const eva = links['Eva Gewist']!;
    await closeRegistration(event.id);
    expect(await namesSeenBy(viewer)).toEqual(['Eva Gewist', 'Finn Blijft']);

    const wrongToken = await call('POST', `/registrations/${eva.registrationId}/network`, { body: { token: viewer.token, show: 'off' } });
    const noToken = await call('POST', `/registrations/${eva.registrationId}/network`, { body: { show: 'off' } });
    const unknown = await call('POST', '/registrations/01JUNKNOWNREGISTRATION0000/network', { body: { token: eva.token, show: 'off' } });
    expect([wrongToken.status, noToken.status, unknown.status]).toEqual([404, 404, 404]);
    expect(await namesSeenBy(viewer)).toEqual(['Eva Gewist', 'Finn Blijft']);

    const erased = await call('DELETE', `/admin/events/${event.id}/registrations/${eva.registrationId}`, { token: organiser() });
    expect(erased.status).toBe(200);
    expect(await namesSeenBy(viewer)).toEqual(['Finn Blijft']);
    const afterErasure = await call('POST', `/registrations/${eva.registrationId}/network`, { body: { token: eva.token, show: 'on' } });
    expect(afterErasure.status).toBe(404);
    expect(await namesSeenBy(viewer)).toEqual(['Finn Blijft']);
  });

  it('the hosted form offers the choice unticked, below the other consent boxes, and stores it when ticked', async () => {
    const event = await createEvent({ capacity: 3 });
    const form = await call('GET', `/events/${event.id}/register?lang=nl`);
    const box = /<input type="checkbox" id="field-networkConsent" name="networkConsent"[^>]*>/.exec(form.text)?.[0];
    expect(box).toBeDefined();
    expect(box).not.toContain('checked');
    expect(box).not.toContain('required');
    expect(form.text.indexOf('field-networkConsent')).toBeGreaterThan(form.text.indexOf('id="field-consent"'));
    expect(form.text).toContain('Laat mijn naam, organisatie en functie zien aan de andere deelnemers van dit evenement.');

    const email = uniqueEmail('networkform');
    const posted = await call('POST', `/events/${event.id}/registrations`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ language: 'nl', name: 'Via Formulier', email, consent: 'true', networkConsent: 'true', website: '' }).toString(),
    });
    expect(posted.status).toBe(303);
    const others = await registerAll(event.id, [{ name: 'Vera Kijker' }]);
    await closeRegistration(event.id);
    expect(await namesSeenBy(others['Vera Kijker']!)).toEqual(['Via Formulier']);
  });
});
