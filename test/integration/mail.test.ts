import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { allMail, call, createEvent, settle, uniqueEmail, waitForMail, type StoredMail } from '../support/local-stack';

const calendarOf = (mail: StoredMail) => {
  const attachment = mail.attachments.find((candidate) => candidate.contentType.startsWith('text/calendar'));
  if (!attachment) throw new Error(`No calendar file in "${mail.subject}"`);
  const component = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, 'base64').toString('utf8')));
  return new ICAL.Event(component.getFirstSubcomponent('vevent')!);
};

describe('mail through the outbox, the stream and the SES emulator', () => {
  it('sends a confirmation with a valid calendar file at the right UTC time, and a waitlist notice with the place', async () => {
    const event = await createEvent({ capacity: 1, startsAt: '2026-12-17T09:00:00+01:00', endsAt: '2026-12-17T17:30:00+01:00', language: 'en' });
    const seated = uniqueEmail('seated');
    const waiting = uniqueEmail('waiting');
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Zoë Ça Ğ', email: seated, consent: true } });
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Wim', email: waiting, consent: true, language: 'nl' } });

    const [confirmation] = await waitForMail((mail) => mail.destination.to.includes(seated), (mails) => mails.length >= 1);
    const [notice] = await waitForMail((mail) => mail.destination.to.includes(waiting), (mails) => mails.length >= 1);

    expect(confirmation!.subject).toBe(`You are registered: ${event.title}`);
    expect(confirmation!.body.html).toContain('<html lang="en">');
    expect(confirmation!.body.text).toContain('Zoë Ça Ğ');
    const calendar = calendarOf(confirmation!);
    expect(calendar.startDate.toJSDate().toISOString()).toBe('2026-12-17T08:00:00.000Z');
    expect(calendar.endDate.toJSDate().toISOString()).toBe('2026-12-17T16:30:00.000Z');
    expect(calendar.uid).toBe(`${event.id}@event-registration`);

    expect(notice!.subject).toBe(`Je staat op de wachtlijst: ${event.title}`);
    expect(notice!.body.text).toContain('op plek 1');
    expect(notice!.attachments).toEqual([]);
  });

  it('gets the summer-time calendar right too', async () => {
    const event = await createEvent({ capacity: 5, startsAt: '2027-06-10T09:00:00+02:00', endsAt: '2027-06-10T12:00:00+02:00' });
    const email = uniqueEmail('summer');
    await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Sam', email, consent: true } });

    const [mail] = await waitForMail((candidate) => candidate.destination.to.includes(email), (mails) => mails.length >= 1);

    expect(calendarOf(mail!).startDate.toJSDate().toISOString()).toBe('2027-06-10T07:00:00.000Z');
  });

  it('sends each mail once, even for a burst of registrations', async () => {
    const event = await createEvent({ capacity: 10 });
    const emails = Array.from({ length: 15 }, (_, index) => uniqueEmail(`burst${index}`));
    await Promise.all(emails.map((email) => call('POST', `/events/${event.id}/registrations`, { body: { name: 'Burst', email, consent: true } })));

    await settle();
    const mails = (await allMail()).filter((mail) => emails.some((email) => mail.destination.to.includes(email)));

    expect(mails).toHaveLength(15);
    expect(mails.filter((mail) => mail.subject.startsWith('Je bent aangemeld'))).toHaveLength(10);
  });
});
