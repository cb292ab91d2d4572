import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, settle, uniqueEmail, waitForMail, type StoredMail } from '../support/local-stack';

const organiser = () => inject('organiserToken');
const register = (eventId: string, email: string) => call('POST', `/events/${eventId}/registrations`, { body: { name: 'Herinnerd', email, consent: true } });

function calendarOf(mail: StoredMail) {
  const attachment = mail.attachments.find((candidate) => candidate.contentType.startsWith('text/calendar'))!;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, 'base64').toString('utf8')));
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('reminders on the local stack', () => {
  it('reach confirmed participants only, once, with a valid calendar file, when due', async () => {
    const startsAt = new Date(Date.now() + 3 * 60_000);
    startsAt.setUTCMilliseconds(0);
    // Due about 8 seconds from now: 3 minutes before the start, less 172 seconds.
    const event = await createEvent({ capacity: 2, language: 'en', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), reminders: ['PT2M52S'] });
    const [first, second, waiting, leaving] = ['first', 'second', 'waiting', 'leaving'].map(uniqueEmail);
    const firstRegistration = await register(event.id, first!);
    await register(event.id, second!);
    await register(event.id, waiting!);
    await call('POST', `/admin/events/${event.id}/registrations/${firstRegistration.json.registrationId}/cancel`, { token: organiser() });
    // The freed seat went to `waiting`; `leaving` comes later and joins the waitlist.
    await register(event.id, leaving!);

    const before = await call('GET', `/admin/events/${event.id}/reminders`, { token: organiser() });
    expect(before.json.items).toEqual([
      expect.objectContaining({ offset: 'PT2M52S', state: 'scheduled', sent: 0, timeZone: 'Europe/Amsterdam', dueAtLocal: expect.stringMatching(/[+-]\d\d:\d\d$/) }),
    ]);

    const reminders = await waitForMail((mail) => mail.subject.startsWith(`Reminder: ${event.title}`), (found) => found.length >= 2, 30_000);
    await settle();
    const settled = (await allMail()).filter((mail) => mail.subject.startsWith(`Reminder: ${event.title}`));

    expect(settled.map((mail) => mail.destination.to[0]).sort()).toEqual([second, waiting].sort());
    expect(settled).toHaveLength(reminders.length);
    const { event: calendar } = calendarOf(settled[0]!);
    expect(calendar.startDate.toJSDate().toISOString()).toBe(new Date(event.startsAt).toISOString());
    expect(settled[0]!.body.text).toMatch(/\/registrations\/[^?]+\?token=/);
    const after = await call('GET', `/admin/events/${event.id}/reminders`, { token: organiser() });
    expect(after.json.items[0]).toMatchObject({ state: 'sent', sent: 2 });
  });

  it('never reminds someone who registered after the reminder time, and moves pending reminders with the event', async () => {
    const startsAt = new Date(Date.now() + 20 * 60_000);
    startsAt.setUTCSeconds(0, 0);
    const event = await createEvent({ capacity: 5, language: 'en', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), reminders: ['P1D', 'PT10M'] });
    const email = uniqueEmail('moved');
    await register(event.id, email);

    // "P1D" was due before anyone registered: it completes with nobody to tell.
    await expect.poll(async () => (await call('GET', `/admin/events/${event.id}/reminders`, { token: organiser() })).json.items[0], { timeout: 15_000 }).toMatchObject({ offset: 'P1D', state: 'sent', sent: 0 });

    const newStart = new Date(startsAt.getTime() + 2 * 86_400_000);
    const moved = await call('PATCH', `/admin/events/${event.id}`, {
      token: organiser(),
      body: { startsAt: newStart.toISOString(), endsAt: new Date(newStart.getTime() + 3_600_000).toISOString() },
    });
    expect(moved.status).toBe(200);
    const [notice] = await waitForMail((mail) => mail.destination.to.includes(email) && mail.subject.startsWith('Changed'), (found) => found.length === 1, 30_000);
    const { event: calendar } = calendarOf(notice!);
    expect(calendar.uid).toBe(`${event.id}@event-registration`);
    expect(calendar.sequence).toBe(1);
    expect(calendar.startDate.toJSDate().toISOString()).toBe(newStart.toISOString());

    const reminders = await call('GET', `/admin/events/${event.id}/reminders`, { token: organiser() });
    const tenMinutes = reminders.json.items.find((item: { offset: string }) => item.offset === 'PT10M');
    expect(tenMinutes).toMatchObject({ state: 'scheduled', dueAt: new Date(newStart.getTime() - 10 * 60_000).toISOString() });
  });

  it('tells everyone when the event is called off, with a calendar cancellation, and sends no reminders after', async () => {
    const startsAt = new Date(Date.now() + 3 * 60_000);
    const event = await createEvent({ capacity: 1, language: 'en', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), reminders: ['PT2M50S'] });
    const [seated, waiting] = [uniqueEmail('called-off'), uniqueEmail('called-off-wait')];
    await register(event.id, seated);
    await register(event.id, waiting);

    const cancelled = await call('POST', `/admin/events/${event.id}/cancel`, { token: organiser() });
    const again = await call('POST', `/admin/events/${event.id}/cancel`, { token: organiser() });
    const late = await register(event.id, uniqueEmail('too-late'));

    expect(cancelled.json.cancelledAt).toBeDefined();
    expect(again.status).toBe(200);
    expect([late.status, late.json.type]).toEqual([409, 'urn:event-registration:problem:registration-closed']);
    const notices = await waitForMail((mail) => [seated, waiting].includes(mail.destination.to[0]!) && mail.subject.startsWith('Called off'), (found) => found.length === 2, 30_000);
    const seatedNotice = notices.find((mail) => mail.destination.to[0] === seated)!;
    expect(calendarOf(seatedNotice).method).toBe('CANCEL');
    expect(notices.find((mail) => mail.destination.to[0] === waiting)!.attachments).toEqual([]);

    // The reminder's due time passes after the cancellation: the schedule marks it skipped.
    await expect
      .poll(async () => (await call('GET', `/admin/events/${event.id}/reminders`, { token: organiser() })).json.items[0], { timeout: 20_000 })
      .toMatchObject({ state: 'skipped', sent: 0 });
    await settle();
    expect((await allMail()).filter((mail) => mail.subject.startsWith(`Reminder: ${event.title}`))).toEqual([]);
  });
});
