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

  it('asks an unconfirmed address to confirm with one button, and repeats nothing the requester typed', () => {
    const registration = aRegistration({ language: 'nl', name: 'Uw account is geblokkeerd: https://evil.example', organisation: 'Evil', dietaryNeeds: 'klik hier', confirmBy: '2026-11-29T12:00:00.000Z' });

    const mail = renderMail('confirm-address', { event, registration, personalLink: 'https://events.example.org/registrations/reg-1?token=t' });

    expect(mail.subject).toBe('Bevestig je aanmelding: Iedereen aan tafel');
    expect(mail.text).toContain('Hallo,');
    expect(mail.text).toContain('tot zondag 29 november 2026, 13:00');
    expect(mail.html.match(/<a href=/g)).toHaveLength(1);
    expect(mail.html).toContain('href="https://events.example.org/registrations/reg-1?token=t"');
    for (const part of [mail.text, mail.html, mail.subject]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('klik hier');
      expect(part).not.toContain('Evil');
    }
    expect(mail.attachments).toEqual([]);
  });

  it('tells an address that registered again where its registration is, without its name', () => {
    const mail = renderMail('already-registered', { event, registration: aRegistration({ language: 'en' }), personalLink: 'https://events.example.org/registrations/reg-1?token=t' });

    expect(mail.subject).toBe('You are already registered: Iedereen aan tafel');
    expect(mail.text).toContain('https://events.example.org/registrations/reg-1?token=t');
    expect(mail.text).not.toContain('Zoë');
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
