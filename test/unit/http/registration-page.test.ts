import { describe, expect, it } from 'vitest';
import { publicEventView } from '../../../shared/domain/event';
import { renderRegistrationPage } from '../../../shared/pages/registration-page';
import { NOW, anEvent, someSeats } from '../../support/fixtures';

const view = (seats: Parameters<typeof someSeats>[0] = {}) => publicEventView(anEvent(), someSeats(seats), NOW);

describe('hosted registration page', () => {
  it('labels every visible field and declares its language', () => {
    const page = renderRegistrationPage({ event: view(), language: 'en' });

    expect(page).toContain('<html lang="en">');
    for (const field of ['name', 'email', 'organisation', 'role', 'accessibilityNeeds', 'dietaryNeeds', 'consent']) {
      expect(page).toContain(`<label for="field-${field}">`);
      expect(page).toContain(`id="field-${field}"`);
    }
    expect(page).toContain('autocomplete="email"');
    expect(page).not.toContain('<script');
  });

  it('carries its stylesheet unescaped, so the browser keeps the font list', () => {
    const page = renderRegistrationPage({ event: view(), language: 'en' });
    const stylesheet = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';

    expect(stylesheet).toContain('font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif');
    expect(stylesheet).not.toContain('&quot;');
  });

  it('hides the honeypot from people and assistive technology', () => {
    const page = renderRegistrationPage({ event: view(), language: 'nl' });
    expect(page).toMatch(/<div class="hp" aria-hidden="true">.*tabindex="-1"/s);
  });

  it('says when only the waitlist is left, and shows no form when closed', () => {
    expect(renderRegistrationPage({ event: view({ capacity: 1, confirmed: 1 }), language: 'nl' })).toContain('wachtlijst');
    const closed = renderRegistrationPage({ event: publicEventView(anEvent(), someSeats(), new Date('2026-12-08T00:00:00Z')), language: 'en' });
    expect(closed).toContain('Registration for this event is not open.');
    expect(closed).not.toContain('<form');
  });

  it('summarises errors with links to the fields and marks the title', () => {
    const page = renderRegistrationPage({ event: view(), language: 'nl', errors: [{ field: 'email', message: 'x' }] });

    expect(page).toContain('<title>Fout: Aanmelden');
    expect(page).toContain('role="alert"');
    expect(page).toContain('<a href="#field-email">');
  });

  it('confirms the result after the redirect', () => {
    const page = renderRegistrationPage({ event: view(), language: 'en', result: { status: 'waitlisted', position: 3 } });
    expect(page).toContain('You are on the waitlist, at place 3.');
    expect(page).not.toContain('<form');
  });
});
