import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, operate, pathOf, personalLinkFor, settle, uniqueEmail, waitForMail, type StoredMail } from '../support/local-stack';

const organiser = () => inject('organiserToken');

async function pdfText(content: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(content), isEvalSupported: false }).promise;
  const page = await document.getPage(1);
  return (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('\n');
}

const pdfOf = (mail: StoredMail) => Buffer.from(mail.attachments.find((attachment) => attachment.contentType === 'application/pdf')!.content, 'base64');

describe('certificates of attendance', () => {
  it('after the event, mail a PDF to those who came, once, verifiable by anyone', async () => {
    const event = await createEvent({ capacity: 3, language: 'nl', certificate: { hours: 6.5, organiserName: 'Publiek Denken', signatoryName: 'Marion van der Voort' } });
    const people = [
      { name: 'Zoë Ça Ğ', email: uniqueEmail('cert-zoe') },
      { name: 'Wim de Vries', email: uniqueEmail('cert-wim') },
      { name: 'Nooit Gekomen', email: uniqueEmail('cert-absent') },
    ];
    const ids: string[] = [];
    for (const person of people) ids.push((await call('POST', `/events/${event.id}/registrations`, { body: { ...person, consent: true } })).json.registrationId);
    for (const id of ids.slice(0, 2)) await call('POST', `/admin/events/${event.id}/registrations/${id}/check-in`, { token: organiser() });

    const tooEarly = await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser(), body: {} });
    expect([tooEarly.status, tooEarly.json.type]).toEqual([409, 'urn:event-registration:problem:event-not-ended']);

    const ended = new Date(Date.now() - 3_600_000);
    await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { startsAt: new Date(ended.getTime() - 6 * 3_600_000).toISOString(), endsAt: ended.toISOString() } });

    const triggered = await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser() });
    expect([triggered.status, triggered.json]).toEqual([202, { total: 2 }]);

    const mails = await waitForMail((mail) => mail.subject === `Je certificaat: ${event.title}`, (found) => found.length >= 2, 30_000);
    const texts = await Promise.all(mails.map((mail) => pdfText(pdfOf(mail))));
    expect(mails.map((mail) => mail.destination.to[0]).sort()).toEqual([people[0]!.email, people[1]!.email].sort());
    const zoe = texts.find((text) => text.includes('Zoë Ça Ğ'))!;
    expect(zoe).toContain('6,5 uur');
    const verification = /(http:\/\/\S+\/certificates\/([0-9A-Z]{5}-[0-9A-Z]{5}))/.exec(zoe)!;

    const verified = await call('GET', pathOf(verification[1]!));
    expect(verified.json).toEqual({
      valid: true,
      certificateNumber: verification[2],
      holderName: 'Zoë Ça Ğ',
      eventTitle: event.title,
      eventDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      issuedAt: expect.any(String),
    });
    const page = await call('GET', pathOf(verification[1]!), { headers: { accept: 'text/html' } });
    expect(page.text).toContain('Dit certificaat is echt.');
    expect((await call('GET', '/certificates/ZZZZZ-ZZZZZ')).status).toBe(404);

    await expect.poll(async () => (await call('GET', `/admin/events/${event.id}/certificates`, { token: organiser() })).json, { timeout: 15_000 }).toEqual({ total: 2, sent: 2, failed: 0, pending: 0 });

    const again = await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser(), body: { include: 'attended' } });
    expect(again.json).toEqual({ total: 2 });
    await settle();
    expect((await allMail()).filter((mail) => mail.subject === `Je certificaat: ${event.title}`)).toHaveLength(2);

    const link = await personalLinkFor(people[0]!.email);
    const download = await call('GET', pathOf(`${link.url.replace(/\?token=.*/, '/certificate')}?token=${link.token}`));
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(download.bytes)).toContain(verification[2]);
    const stranger = await call('GET', pathOf(`${link.url.replace(/\?token=.*/, '/certificate')}?token=wrong`));
    expect(stranger.status).toBe(404);

    const resent = await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser(), body: { resend: true, registrationIds: [ids[1]] } });
    expect(resent.json).toEqual({ total: 1 });
    await settle();
    // Wim twice (the resend), Zoë once, nobody else.
    const certificates = (await allMail()).filter((mail) => mail.subject === `Je certificaat: ${event.title}`);
    expect(certificates.map((mail) => mail.destination.to[0]).sort()).toEqual([people[0]!.email, people[1]!.email, people[1]!.email].sort());
  });

  it('survives SES failing halfway: once it is back, everyone gets their certificate exactly once', async () => {
    const event = await createEvent({ capacity: 4, language: 'en' });
    const emails = ['a', 'b', 'c', 'd'].map((label) => uniqueEmail(`cert-outage-${label}`));
    for (const email of emails) {
      const { json } = await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Attendee', email, consent: true } });
      await call('POST', `/admin/events/${event.id}/registrations/${json.registrationId}/check-in`, { token: organiser() });
    }
    const ended = new Date(Date.now() - 3_600_000);
    await call('PATCH', `/admin/events/${event.id}`, { token: organiser(), body: { startsAt: new Date(ended.getTime() - 3_600_000).toISOString(), endsAt: ended.toISOString() } });

    try {
      await operate('/mail/offline');
      expect((await call('POST', `/admin/events/${event.id}/certificates`, { token: organiser() })).json).toEqual({ total: 4 });
      await expect.poll(async () => (await call('GET', `/admin/events/${event.id}/certificates`, { token: organiser() })).json.total, { timeout: 15_000 }).toBe(4);
      // Every certificate tried once and failed, now waiting out its backoff.
      await settle({ waitForRetries: false });
    } finally {
      await operate('/mail/online');
    }

    // The failed sends are retried after their backoff: settling waits for them.
    await settle();
    const delivered = (await allMail()).filter((mail) => mail.subject === `Your certificate: ${event.title}`);
    expect(delivered.map((mail) => mail.destination.to[0]).sort()).toEqual([...emails].sort());
    expect((await call('GET', `/admin/events/${event.id}/certificates`, { token: organiser() })).json).toEqual({ total: 4, sent: 4, failed: 0, pending: 0 });
  });
});
