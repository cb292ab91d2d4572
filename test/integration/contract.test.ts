import { describe, expect, inject, it } from 'vitest';
import { openApiDocument } from '../../shared/http/openapi';
import { call, createEvent, personalLinkFor, uniqueEmail } from '../support/local-stack';

/**
 * call() checks every answer against /openapi.json. These provoke, through it, the answers that
 * are not JSON or not from a function: pages, form posts and their redirects, the CSV export,
 * the certificate PDF, and API Gateway's own 401 and 404.
 */
const organiser = () => inject('organiserToken');
const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('the API as /openapi.json describes it', () => {
  it('serves the document generated from the catalogue and the contracts', async () => {
    const served = await call('GET', '/openapi.json');

    expect(served.json).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("answers an unknown route, a wrong method and a missing token as API Gateway does", async () => {
    const unknown = await call('GET', '/nowhere');
    const wrongMethod = await call('PUT', '/admin/events', { token: organiser() });
    const noToken = await call('GET', '/admin/events');

    expect([unknown.status, unknown.json]).toEqual([404, { message: 'Not Found' }]);
    expect([wrongMethod.status, noToken.status, noToken.json]).toEqual([404, 401, { message: 'Unauthorized' }]);
  });

  it('takes the hosted form: 303 to the result page, the form again on a mistake (400) or a conflict (409)', async () => {
    const event = await createEvent({ capacity: 5 });
    const path = `/events/${event.id}/registrations`;
    const email = uniqueEmail('contract-form');

    const registered = await call('POST', path, form({ language: 'en', name: 'Ada', email, consent: 'on', website: '' }));
    const again = await call('POST', path, form({ language: 'en', name: 'Ada', email, consent: 'on' }));
    const mistake = await call('POST', path, form({ language: 'en', name: 'Ada', email: 'ada@' }));
    const bot = await call('POST', path, form({ name: 'Bot', email: uniqueEmail('bot'), consent: 'on', website: 'https://spam.example' }));
    const result = await call('GET', `/events/${event.id}/register?lang=en&status=confirmed`);

    expect([registered.status, again.status, mistake.status, bot.status, result.status]).toEqual([303, 409, 400, 303, 200]);
    expect([again.headers.get('content-type'), mistake.headers.get('content-type')]).toEqual(['text/html; charset=utf-8', 'text/html; charset=utf-8']);
    expect(bot.headers.get('location')).toContain('status=received');
  });

  it('shows the personal page as HTML or JSON, and cancels from its form with a 303', async () => {
    const event = await createEvent({ capacity: 5 });
    const email = uniqueEmail('contract-personal');
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Bea', email, consent: true } });
    const { registrationId, token } = await personalLinkFor(email);

    const page = await call('GET', `/registrations/${registrationId}?token=${token}&lang=en`);
    const asJson = await call('GET', `/registrations/${registrationId}?token=${token}`, { headers: { accept: 'application/json' } });
    const cancelled = await call('POST', `/registrations/${registrationId}/cancel`, form({ token }));

    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(asJson.json).toEqual({ registrationId, eventId: event.id, status: 'confirmed' });
    expect([cancelled.status, cancelled.headers.get('location')]).toEqual([303, expect.stringContaining(`/registrations/${registrationId}?token=`)]);
  });

  it('exports the registrations as CSV', async () => {
    const event = await createEvent({ capacity: 5 });
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Zoë Ça Ğ', email: uniqueEmail('contract-csv'), consent: true } });

    const csv = await call('GET', `/admin/events/${event.id}/registrations`, { token: organiser(), headers: { accept: 'text/csv' } });

    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.text).toContain('"Zoë Ça Ğ"');
  });

  it('hands out the certificate PDF and verifies its number as JSON and as a page', async () => {
    const event = await createEvent({ capacity: 5 });
    const email = uniqueEmail('contract-certificate');
    const registration = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Wim', email, consent: true } });
    await call('POST', `/admin/events/${event.id}/registrations/${registration.json.registrationId}/check-in`, { token: organiser() });
    const { registrationId, token } = await personalLinkFor(email);
    const ended = new Date(Date.now() - 3_600_000);
    await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { startsAt: new Date(ended.getTime() - 3_600_000).toISOString(), endsAt: ended.toISOString() } });
    const requested = await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser() });
    expect([requested.status, requested.json]).toEqual([202, { total: 1 }]);

    // Until the mailing has issued it (within a schedule run), the certificate is a 404.
    let pdf = await call('GET', `/registrations/${registrationId}/certificate?token=${token}`);
    await expect.poll(async () => (pdf = await call('GET', `/registrations/${registrationId}/certificate?token=${token}`)).status, { timeout: 20_000 }).toBe(200);
    const number = /certificate-([0-9A-Z]{5}-[0-9A-Z]{5})\.pdf/.exec(pdf.headers.get('content-disposition') ?? '')![1]!;
    const verified = await call('GET', `/certificates/${number}`);
    const page = await call('GET', `/certificates/${number}`, { headers: { accept: 'text/html', 'accept-language': 'en' } });

    expect([pdf.headers.get('content-type'), pdf.bytes.subarray(0, 5).toString()]).toEqual(['application/pdf', '%PDF-']);
    expect([verified.status, verified.json.holderName, page.status]).toEqual([200, 'Wim', 200]);
  });
});
