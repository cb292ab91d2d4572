import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePictureVideo } from './support/camera';
import { checkScreen, consoleUrl, e2e, openConsoleTab, signIn, site } from './support/browser';
import { checkInCodeOf, mailWithCheckInCode, organiserApi } from './support/stack';

/**
 * One organiser's day, in the browser against the real local stack: sign in, create an event
 * (after the form has pointed at a missing title), people register on the hosted form, the
 * registrations table shows them, and the door checks four in: one by a typed code, one by the
 * QR code from their mail held up to the camera, two while the connection is gone.
 */

const run = Date.now().toString(36);
const TITLE = `Werkplaats toegankelijk schrijven ${run}`;
const PEOPLE = [
  { name: 'Zoë Ça Ğ', email: `zoe.${run}@example.org` },
  { name: 'Jan de Vries', email: `jan.${run}@example.org` },
  { name: 'Fatima El Amrani', email: `fatima.${run}@example.org` },
  { name: 'Kees Bakker', email: `kees.${run}@example.org` },
  { name: 'Noor Visser', email: `noor.${run}@example.org` },
] as const;
const [zoe, jan, fatima, kees, noor] = PEOPLE;

/** `YYYY-MM-DDTHH:mm`, as a datetime-local field takes it, `days` from today. */
function localDateTime(days: number, time: string): string {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}

describe('an organiser and the door, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let eventId: string;

  const doorResult = (result: string, name: string) => page.locator(`[data-testid="door-result"][data-result="${result}"]`).filter({ hasText: name });

  beforeAll(async () => {
    ({ browser, context, page, errors } = await openConsoleTab('nl-NL'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('signs in through the local sign-in page as the organiser', async () => {
    await signIn(page, e2e().organiserEmail);

    await expect.poll(() => page.getByTestId('account').textContent()).toContain(e2e().organiserEmail);
    expect(await page.locator('main h1').textContent()).toBe('Evenementen');
  });

  it('creates an event with the form, which first points at the missing title', async () => {
    await page.getByTestId('new-event').click();
    await page.getByTestId('event-form').waitFor();
    await page.fill('#ev-timeZone', 'Europe/Amsterdam');
    await page.fill('#ev-startsAt', localDateTime(14, '10:00'));
    await page.fill('#ev-endsAt', localDateTime(14, '12:30'));
    await page.fill('#ev-venue-name', 'Bibliotheek, zaal 2');
    await page.fill('#ev-capacity', '4');
    // This journey is about the door: people are registered at once, without confirming their address first.
    expect(await page.isChecked('#ev-emailConfirmation')).toBe(true);
    await page.uncheck('#ev-emailConfirmation');
    expect(await page.locator('#ev-confirmationWindow').count()).toBe(0);
    await page.fill('#ev-certificate-hours', '2,5');

    await page.getByTestId('save-event').click();

    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    const title = page.locator('#ev-title');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect((await title.getAttribute('aria-describedby'))?.split(' ')).toContain('ev-title-error');
    expect(await page.locator('#ev-title-error').textContent()).not.toBe('');
    await summary.locator('a[href="#ev-title"]').click();
    expect(await title.evaluate((field) => field === (field.ownerDocument.activeElement as unknown))).toBe(true);
    expect(page.url()).toBe(consoleUrl('#/events/new'));
    await checkScreen(page, 'event-form-errors-nl');

    await title.fill(TITLE);
    await page.getByTestId('save-event').click();
    await page.waitForURL(/#\/events\/[0-9A-Z]{26}$/);
    eventId = new URL(page.url()).hash.split('/')[2]!;
    await page.getByTestId('figure-seats').filter({ hasText: '0 van 4' }).waitFor();
    expect(await page.locator('main h1').textContent()).toBe(TITLE);
  });

  it('takes five registrations on the hosted form: four seats, then the waitlist', async () => {
    const form = await context.newPage();
    for (const [index, person] of PEOPLE.entries()) {
      await form.goto(site(`/events/${eventId}/register`));
      await form.fill('#field-name', person.name);
      await form.fill('#field-email', person.email);
      await form.check('#field-consent');
      await form.getByRole('button', { name: 'Aanmelden' }).click();
      // The form posts without JavaScript; the answer is a 303 to the result page.
      await form.waitForURL((url) => url.searchParams.has('status'));
      expect(new URL(form.url()).searchParams.get('status')).toBe(index < 4 ? 'confirmed' : 'waitlisted');
      expect(await form.locator('.result[role="status"]').textContent()).toContain(index < 4 ? 'Je bent aangemeld' : 'Je staat op de wachtlijst');
    }
    await form.close();
  });

  it('shows them in the registrations table, with their status, and finds one by name', async () => {
    await page.getByTestId('event-nav-registrations').click();
    const rows = page.getByTestId('registration-row');
    await expect.poll(() => rows.count()).toBe(5);

    const statusOf = async (name: string) => rows.filter({ hasText: name }).getAttribute('data-status');
    expect(await Promise.all(PEOPLE.map((person) => statusOf(person.name)))).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect(await page.getByTestId('registration-count').textContent()).toBe('5 aanmeldingen');

    await page.getByTestId('registration-search').fill('zoe');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('.name').textContent()).toBe(zoe.name);
    expect(await page.getByTestId('registration-count').textContent()).toBe('1 van 5 aanmeldingen');

    await page.getByTestId('registration-search').fill('');
    await expect.poll(() => rows.count()).toBe(5);
  });

  it('checks in one by a typed code, one by the QR code from their mail, and two while offline; the server has all four', async () => {
    await page.getByTestId('event-nav-door').click();
    await page.getByTestId('door-counts').filter({ hasText: '0 van 4 ingecheckt' }).waitFor();

    // Typed as someone reads it from their phone: lower case, no dash.
    const zoeCode = checkInCodeOf(await mailWithCheckInCode(zoe.email)).code;
    await page.getByTestId('check-in-code').fill(zoeCode.toLowerCase().replace('-', ''));
    await page.getByTestId('check-in-submit').click();
    await doorResult('checked-in', zoe.name).waitFor();

    // The QR image of Jan's confirmation mail, in front of the camera.
    await writePictureVideo(e2e().cameraFile, checkInCodeOf(await mailWithCheckInCode(jan.email)).qrPng);
    await page.getByTestId('scan-toggle').click();
    await doorResult('checked-in', jan.name).waitFor();
    await checkScreen(page, 'door-scanned-nl');
    await page.getByTestId('scan-toggle').click();
    await page.getByTestId('scanner-video').waitFor({ state: 'detached' });
    await page.getByTestId('door-counts').filter({ hasText: '2 van 4 ingecheckt' }).waitFor();

    await context.setOffline(true);
    await page.locator('[data-testid="door-connection"][data-online="false"]').waitFor();
    await page.getByTestId('door-search').fill('fatima');
    await page.getByRole('button', { name: `Inchecken: ${fatima.name}` }).click();
    await doorResult('queued', fatima.name).waitFor();
    await page.getByTestId('door-search').fill('');
    const keesCode = checkInCodeOf(await mailWithCheckInCode(kees.email)).code;
    await page.getByTestId('check-in-code').fill(keesCode);
    await page.getByTestId('check-in-submit').click();
    await doorResult('queued', kees.name).waitFor();

    expect(await page.getByTestId('door-pending').getAttribute('data-count')).toBe('2');
    expect(await page.getByTestId('door-counts').textContent()).toContain('4 van 4 ingecheckt');
    await checkScreen(page, 'door-offline-nl');

    const backOnline = new Date().toISOString();
    await context.setOffline(false);
    await page.locator('[data-testid="door-pending"][data-count="0"]').waitFor();

    const list = await organiserApi('GET', `/admin/events/${eventId}/door-list`, 200);
    const items = list.items as Array<{ name: string; checkedInAt?: string }>;
    const checkedIn = items.filter((item) => item.checkedInAt).map((item) => item.name);
    expect(checkedIn.sort()).toEqual([zoe.name, jan.name, fatima.name, kees.name].sort());
    expect(checkedIn).not.toContain(noor.name);
    // The offline check-ins keep the moment they were made at the door, not when they were sent.
    for (const person of [fatima, kees]) expect(items.find((item) => item.name === person.name)!.checkedInAt! < backOnline, person.name).toBe(true);
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
