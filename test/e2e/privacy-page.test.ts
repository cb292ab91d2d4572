import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, connectBrowser, pageErrors, site, WIDE } from './support/browser';
import { arrangeEvent } from './support/stack';

/**
 * The privacy page as a participant reads it, reached from the hosted form: axe's WCAG 2.1 A
 * and AA rules in both languages, photographed at 1280 and 360 wide.
 */

const run = Date.now().toString(36);

describe('the privacy page, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let event: { id: string; title: string };

  beforeAll(async () => {
    event = await arrangeEvent({
      title: `Open dag ${run}`,
      language: 'nl',
      retention: 'P6M',
      needsRetention: 'P7D',
      controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.example' },
    });
    browser = await connectBrowser();
    context = await browser.newContext({ viewport: WIDE, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    errors = pageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('is reached from the form by its link and passes axe in Dutch', async () => {
    await page.goto(site(`/events/${event.id}/register`));
    await page.getByRole('link', { name: 'Zo gaan we om met je gegevens (privacy)' }).first().click();
    await page.waitForURL((url) => url.pathname === `/events/${event.id}/privacy`);

    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('h1').textContent()).toBe(`Privacy: ${event.title}`);
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Wie is verantwoordelijk voor je gegevens?',
      'Welke gegevens we vragen, en waarom',
      'Waarom mogen we dat?',
      'Hoe lang we je gegevens bewaren',
      'Wie je gegevens ziet',
      'Waar je gegevens staan',
      'Je rechten',
    ]);
    await checkScreen(page, 'privacy-nl');
  });

  it('switches to English by its language link and passes axe there too', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');

    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 2, name: 'Your rights' }).count()).toBe(1);
    await checkScreen(page, 'privacy-en');

    await page.getByRole('link', { name: 'Back to the registration form' }).click();
    await page.waitForURL((url) => url.pathname === `/events/${event.id}/register`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
