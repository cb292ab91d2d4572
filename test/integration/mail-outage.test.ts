import { afterEach, describe, expect, inject, it } from 'vitest';
import { allMail, call, createEvent, operate, settle, uniqueEmail } from '../support/local-stack';

afterEach(() => operate('/mail/online'));

describe('SES down', () => {
  it('keeps every registration and cancellation, and delivers every mail once when SES is back', async () => {
    const event = await createEvent({ capacity: 2 });
    const emails = ['one', 'two', 'three', 'four'].map(uniqueEmail);

    await operate('/mail/offline');
    const registered = [];
    for (const email of emails) registered.push(await call('POST', `/events/${event.id}/registrations`, { body: { name: 'Tijdens storing', email, consent: true } }));
    const cancelled = await call('POST', `/admin/events/${event.id}/registrations/${registered[0]!.json.registrationId}/cancel`, { token: inject('organiserToken') });
    // Every first attempt made and failed; retrying now would only fail again.
    await settle({ waitForRetries: false });

    expect(registered.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    expect(cancelled.json).toEqual({ status: 'cancelled' });
    const admin = await call('GET', `/admin/events/${event.id}`, { token: inject('organiserToken') });
    expect(admin.json.counts).toMatchObject({ confirmed: 2, waitlisted: 1, cancelled: 1 });

    await operate('/mail/online');
    // 4 first mails, 1 cancellation, 1 promotion: all of them, once each, after their backoff.
    await settle();
    const delivered = (await allMail()).filter((mail) => emails.some((email) => mail.destination.to.includes(email)));

    expect(delivered).toHaveLength(6);
    const failed = await call('GET', `/admin/events/${event.id}/failed-mail`, { token: inject('organiserToken') });
    expect(failed.json.items).toEqual([]);
  });
});
