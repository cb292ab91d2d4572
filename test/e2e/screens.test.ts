import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, consoleUrl, e2e, openConsoleTab } from './support/browser';
import { arrangeCheckIn, arrangeEnded, arrangeEvent, arrangeRegistration, organiserApi } from './support/stack';

/**
 * Every screen of the console with data on it, in Dutch and in English (switched with the
 * console's own language button): axe finds no WCAG 2.1 A/AA violation at 1280×800 or
 * 360×740, and each is photographed at both sizes into test/e2e/screenshots/.
 */

const run = Date.now().toString(36);

describe('every screen, in both languages', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let upcoming: { id: string; title: string };
  let ended: { id: string; title: string };

  beforeAll(async () => {
    upcoming = await arrangeEvent({
      title: `Masterclass inclusieve participatie ${run}`,
      description: 'Een dag over meedoen: wie praat er mee, en hoe?',
      capacity: 3,
    });
    const [zoe] = await Promise.all(
      [
        { name: 'Zoë Ça Ğ', organisation: 'Gemeente Utrecht', role: 'Beleidsmedewerker', accessibilityNeeds: 'Rolstoel', dietaryNeeds: 'Vegetarisch', needsConsent: true },
        { name: 'Jan de Vries', organisation: 'Provincie Utrecht' },
        { name: 'Fatima El Amrani' },
      ].map((person, index) => arrangeRegistration(upcoming.id, { ...person, email: `screens${index}.${run}@example.org` })),
    );
    await arrangeRegistration(upcoming.id, { name: 'Kees Bakker', email: `screens3.${run}@example.org` });
    const cancelled = await arrangeRegistration(upcoming.id, { name: 'Noor Visser', email: `screens4.${run}@example.org` });
    await organiserApi('POST', `/admin/events/${upcoming.id}/registrations/${cancelled}/cancel`, 200);
    await arrangeCheckIn(upcoming.id, zoe!);

    ended = await arrangeEvent({ title: `Trainingsdag ${run}`, capacity: 5, certificate: { hours: 6.5, organiserName: 'Publiek Denken' } });
    await arrangeCheckIn(ended.id, await arrangeRegistration(ended.id, { name: 'Wim Peeters', email: `screens5.${run}@example.org` }));
    await arrangeEnded(ended.id);

    ({ browser, context, page, errors } = await openConsoleTab('nl-NL'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const noneLoading = () => expect.poll(() => page.locator('.loading').count(), { timeout: 10_000 }).toBe(0);

  /** Each organiser screen (and dialog), how to open it so its data shows, and how to close a dialog. */
  const screens: Array<{ name: string; open(): Promise<void>; close?(): Promise<void> }> = [
    {
      name: 'events',
      async open() {
        await page.goto(consoleUrl('#/events'));
        await page.locator(`[data-testid="upcoming-events"] [data-event-id="${upcoming.id}"]`).waitFor();
        await page.locator(`[data-testid="past-events"] [data-event-id="${ended.id}"]`).waitFor();
      },
    },
    {
      name: 'event-form',
      async open() {
        await page.goto(consoleUrl('#/events/new'));
        await page.getByTestId('event-form').waitFor();
      },
    },
    {
      name: 'event-edit',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}/edit`));
        await expect.poll(() => page.locator('#ev-title').inputValue(), { timeout: 10_000 }).toBe(upcoming.title);
      },
    },
    {
      name: 'overview',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}`));
        await page.locator('[data-testid="figure-checked-in"] dd').filter({ hasText: /^1$/ }).waitFor();
      },
    },
    {
      name: 'registrations',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}/registrations`));
        await expect.poll(() => page.getByTestId('registration-row').count(), { timeout: 10_000 }).toBe(5);
      },
    },
    {
      name: 'registrations-cancel-dialog',
      async open() {
        await page.getByTestId('registration-row').filter({ hasText: 'Kees Bakker' }).getByTestId('cancel-registration').click();
        await page.getByTestId('cancel-registration-dialog').waitFor();
      },
      async close() {
        await page.keyboard.press('Escape');
        await page.getByTestId('cancel-registration-dialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'registrations-correct-address-dialog',
      async open() {
        await page.getByTestId('registration-row').filter({ hasText: 'Kees Bakker' }).getByTestId('correct-address').click();
        await page.getByTestId('correct-address-dialog').waitFor();
      },
      async close() {
        await page.keyboard.press('Escape');
        await page.getByTestId('correct-address-dialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'registrations-erase-dialog',
      async open() {
        await page.getByTestId('registration-row').filter({ hasText: 'Kees Bakker' }).getByTestId('erase-registration').click();
        await page.getByTestId('erase-registration-dialog').waitFor();
      },
      async close() {
        await page.keyboard.press('Escape');
        await page.getByTestId('erase-registration-dialog').waitFor({ state: 'detached' });
      },
    },
    {
      name: 'needs',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}/needs`));
        await page.getByTestId('dietary-row').first().waitFor();
      },
    },
    {
      name: 'door',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}/door`));
        await page.getByTestId('door-counts').filter({ hasText: /1 (van|of) 3/ }).waitFor();
        // Search by name, so the list of people shows.
        await page.getByTestId('door-search').fill('a');
        await page.getByTestId('door-person').first().waitFor();
      },
    },
    {
      name: 'certificates',
      async open() {
        await page.goto(consoleUrl(`#/events/${ended.id}/certificates`));
        await page.getByTestId('certificate-progress').waitFor();
        await page.getByTestId('send-certificates').waitFor();
      },
    },
    {
      name: 'reminders',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}/reminders`));
        await page.getByTestId('reminder-row').first().waitFor();
      },
    },
    {
      name: 'event-cancel-dialog',
      async open() {
        await page.goto(consoleUrl(`#/events/${upcoming.id}`));
        await page.getByTestId('cancel-event').click();
        await page.getByTestId('cancel-event-dialog').waitFor();
      },
      async close() {
        await page.keyboard.press('Escape');
        await page.getByTestId('cancel-event-dialog').waitFor({ state: 'detached' });
      },
    },
  ];

  const checkEveryScreen = async (language: string) => {
    for (const screen of screens) {
      await screen.open();
      await noneLoading();
      await checkScreen(page, `${screen.name}-${language}`);
      await screen.close?.();
    }
  };

  it('in Dutch: the sign-in, the local sign-in page and every screen', async () => {
    await page.goto(consoleUrl());
    await page.getByTestId('sign-in').waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
    await checkScreen(page, 'sign-in-nl');

    await page.getByTestId('sign-in').click();
    await page.waitForURL((url) => url.pathname === '/oauth2/authorize');
    await checkScreen(page, 'sign-in-page-nl');
    await page.getByRole('button', { name: e2e().organiserEmail }).click();
    await page.waitForURL((url) => url.pathname === '/console/' && url.search === '');
    await page.getByTestId('account').waitFor();

    await checkEveryScreen('nl');
  });

  it('in English, after the language switch: every screen, then signed out and the local sign-in page', async () => {
    await page.goto(consoleUrl('#/events'));
    await page.getByTestId('language-switch').click();
    await page.locator('main h1').filter({ hasText: /^Events$/ }).waitFor();
    // The page's language follows the render (an effect), so it is waited for, not read at once.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');

    await checkEveryScreen('en');

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await checkScreen(page, 'sign-in-en');
    await page.getByTestId('sign-in').click();
    await page.waitForURL((url) => url.pathname === '/oauth2/authorize');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await checkScreen(page, 'sign-in-page-en');
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
