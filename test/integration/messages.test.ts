import { describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, personalLinkFor, settle, uniqueEmail } from '../support/local-stack';

const organiser = () => inject('organiserToken');

async function register(eventId: string, label: string, language: 'nl' | 'en') {
  const email = uniqueEmail(label);
  const response = await call('POST', `/events/${eventId}/registrations`, { body: { name: `Deelnemer ${label}`, email, consent: true, language } });
  expect(response.status).toBe(201);
  return { email, registrationId: response.json.registrationId as string, status: response.json.status as string };
}

const mailsTo = async (email: string, subjects: string[]) => (await allMail()).filter((mail) => mail.destination.to.includes(email) && subjects.includes(mail.subject));

describe('messages to participants', () => {
  it('mails everyone in the audience once, in their language, escaped with its links clickable, and counts the mails', async () => {
    const event = await createEvent({ capacity: 2, language: 'nl' });
    const anna = await register(event.id, 'msg-anna', 'nl');
    const bob = await register(event.id, 'msg-bob', 'en');
    const wachtend = await register(event.id, 'msg-waiting', 'nl');
    expect(wachtend.status).toBe('waitlisted');
    const subjects = [`Parkeren ${event.id}`, `Parking ${event.id}`];
    const message = {
      subject: { nl: subjects[0], en: subjects[1] },
      body: { nl: 'Parkeer op P2 <b>niet</b> op P1 & kom op tijd.\n\nRoute: https://example.org/route?van=station&naar=zaal.', en: 'Park at P2.\n\nDirections: https://example.org/route' },
      audience: 'confirmed',
    };
    const headers = { 'idempotency-key': `parking-${event.id}` };

    const first = await call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body: message, headers });
    const repeated = await call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body: message, headers });
    const reused = await call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body: { ...message, body: { nl: 'Iets anders', en: 'Something else' } }, headers });

    expect(first.status).toBe(201);
    expect(first.json).toEqual({ id: expect.stringMatching(/^message-[0-9a-f]{32}$/), subject: message.subject, audience: 'confirmed', createdAt: expect.any(String) });
    expect([repeated.status, repeated.json]).toEqual([201, first.json]);
    expect([reused.status, reused.json.type]).toEqual([409, 'urn:event-registration:problem:idempotency-key-reused']);

    await settle();
    const [toAnna, toBob, toWaiting] = await Promise.all([mailsTo(anna.email, subjects), mailsTo(bob.email, subjects), mailsTo(wachtend.email, subjects)]);
    expect(toAnna.map((mail) => mail.subject)).toEqual([`Parkeren ${event.id}`]);
    expect(toBob.map((mail) => mail.subject)).toEqual([`Parking ${event.id}`]);
    expect(toWaiting).toEqual([]);

    const html = toAnna[0]!.body.html!;
    expect(html).toContain('Parkeer op P2 &lt;b&gt;niet&lt;/b&gt; op P1 &amp; kom op tijd.');
    expect(html).not.toContain('<b>niet</b>');
    expect(html).toContain('<a href="https://example.org/route?van=station&amp;naar=zaal" style="color:#0b4f9c">https://example.org/route?van=station&amp;naar=zaal</a>.');
    expect(html).toContain(event.title);
    expect(toAnna[0]!.body.text).toContain('Parkeer op P2 <b>niet</b> op P1 & kom op tijd.\n\nRoute: https://example.org/route?van=station&naar=zaal.');
    expect(toBob[0]!.body.text).toContain(`A message from the organisers of ${event.title}:\n\nPark at P2.`);

    // The footer's personal link works: it is the person's own page.
    const link = await personalLinkFor(anna.email);
    expect(link.registrationId).toBe(anna.registrationId);
    const page = await call('GET', `/registrations/${link.registrationId}?token=${link.token}`, { headers: { accept: 'application/json' } });
    expect(page.status).toBe(200);

    const list = await call('GET', `/admin/events/${event.id}/messages`, { token: organiser() });
    expect(list.json).toEqual({
      items: [{ ...first.json, state: 'sent', counts: { recipients: 2, sent: 2, pending: 0, failed: 0, suppressed: 0 } }],
    });
  });

  it('sends a message to the waitlist only to those waiting; without an Idempotency-Key each request is a message of its own', async () => {
    const event = await createEvent({ capacity: 1, language: 'en' });
    const seated = await register(event.id, 'msg-seated', 'en');
    const waiting = await register(event.id, 'msg-waitlisted', 'en');
    const subject = `Still waiting ${event.id}`;
    const message = { subject: { en: subject }, body: { en: 'A seat may still come free.' }, audience: 'waitlisted' };

    const first = await call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body: message });
    const second = await call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body: message });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.json.id).not.toBe(first.json.id);

    await settle();
    expect(await mailsTo(seated.email, [subject])).toEqual([]);
    expect((await mailsTo(waiting.email, [subject])).map((mail) => mail.subject)).toEqual([subject, subject]);
    const list = await call('GET', `/admin/events/${event.id}/messages`, { token: organiser() });
    expect(list.json.items.map((item: { counts: unknown }) => item.counts)).toEqual([
      { recipients: 1, sent: 1, pending: 0, failed: 0, suppressed: 0 },
      { recipients: 1, sent: 1, pending: 0, failed: 0, suppressed: 0 },
    ]);
  });

  it('counts the mail of an unconfirmed address in `all` as suppressed: nothing goes to it', async () => {
    const event = await createEvent({ capacity: 3, language: 'nl', emailConfirmation: 'required' });
    const email = uniqueEmail('msg-unconfirmed');
    expect((await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Nog niet bevestigd', email, consent: true } })).status).toBe(202);
    const subject = `Iedereen ${event.id}`;

    const sent = await call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body: { subject: { nl: subject }, body: { nl: 'Tekst' }, audience: 'all' } });
    expect(sent.status).toBe(201);
    await settle();

    expect(await mailsTo(email, [subject])).toEqual([]);
    const list = await call('GET', `/admin/events/${event.id}/messages`, { token: organiser() });
    expect(list.json.items[0].counts).toEqual({ recipients: 1, sent: 0, pending: 0, failed: 0, suppressed: 1 });
  });

  it('refuses a message without text, in mismatched languages, or with control characters, and one for an unknown event', async () => {
    const event = await createEvent();
    const post = (body: unknown) => call('POST', `/admin/events/${event.id}/messages`, { token: organiser(), body });

    const empty = await post({ subject: {}, body: {}, audience: 'all' });
    const mismatched = await post({ subject: { nl: 'Onderwerp' }, body: { en: 'Text' }, audience: 'all' });
    const control = await post({ subject: { nl: 'Onderwerp' }, body: { nl: 'Tekst\u0007' }, audience: 'all' });
    const bidi = await post({ subject: { nl: 'Onder\u202ewerp' }, body: { nl: 'Tekst' }, audience: 'all' });
    const tooLong = await post({ subject: { nl: 'x'.repeat(201) }, body: { nl: 'Tekst' }, audience: 'all' });
    const unknownAudience = await post({ subject: { nl: 'Onderwerp' }, body: { nl: 'Tekst' }, audience: 'everyone' });

    const fields = (response: { json: { errors: Array<{ field: string }> } }) => response.json.errors.map((error) => error.field);
    expect([empty.status, fields(empty)]).toEqual([400, ['subject']]);
    expect([mismatched.status, fields(mismatched)]).toEqual([400, ['body']]);
    expect([control.status, fields(control)]).toEqual([400, ['body.nl']]);
    expect([bidi.status, fields(bidi)]).toEqual([400, ['subject.nl']]);
    expect([tooLong.status, fields(tooLong)]).toEqual([400, ['subject.nl']]);
    expect([unknownAudience.status, fields(unknownAudience)]).toEqual([400, ['audience']]);

    const unknown = await call('POST', '/admin/events/01JUNKNOWNEVENT0000000000000/messages', { token: organiser(), body: { subject: { nl: 'Onderwerp' }, body: { nl: 'Tekst' }, audience: 'all' } });
    expect(unknown.status).toBe(404);
    expect((await call('GET', `/admin/events/${event.id}/messages`, { token: organiser() })).json).toEqual({ items: [] });
  });
});
