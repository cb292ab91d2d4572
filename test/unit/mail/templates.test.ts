import { describe, expect, it } from 'vitest';
import { renderMail } from '../../../shared/mail/templates';
import { aRegistration, anEvent } from '../../support/fixtures';

describe('renderMail', () => {
  const event = anEvent({ title: 'Iedereen aan tafel' });

  it('confirms in the participant language with HTML, text and the calendar file', () => {
    const mail = renderMail('registration-confirmed', { event, registration: aRegistration({ language: 'en', dietaryNeeds: 'Vegan' }) });

    expect(mail.subject).toBe('You are registered: Iedereen aan tafel');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).toContain('Dear Zoë Ça Ğ,');
    expect(mail.text).toContain('Food and drink: Vegan');
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: 'event.ics', contentType: expect.stringContaining('text/calendar') }),
      expect.objectContaining({ filename: 'check-in.png', contentType: 'image/png', contentId: 'check-in-qr' }),
    ]);
    expect(mail.text).toContain('Your code for the door: ABCD-EFGH');
    expect(mail.html).toMatch(/<img src="cid:check-in-qr"[^>]*alt="QR code for the door, with code ABCD-EFGH"/);
  });

  it('tells a waitlisted person their place, without a calendar file', () => {
    const mail = renderMail('registration-waitlisted', { event, registration: aRegistration({ language: 'nl', status: 'waitlisted' }), waitlistPosition: 4 });

    expect(mail.subject).toBe('Je staat op de wachtlijst: Iedereen aan tafel');
    expect(mail.text).toContain('op plek 4');
    expect(mail.attachments).toEqual([]);
  });

  it('never lets a name become markup', () => {
    const mail = renderMail('registration-confirmed', { event, registration: aRegistration({ name: '<script>alert(1)</script>' }) });

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
