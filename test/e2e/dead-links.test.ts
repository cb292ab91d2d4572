import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, connectBrowser, pageErrors, site, WIDE } from './support/browser';

/**
 * A forged certificate's verification link and a dead personal link, opened as a visitor
 * would: a page in their language that passes axe's WCAG 2.1 A and AA rules, at 1280 and 360.
 */
describe('dead links, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await connectBrowser();
    context = await browser.newContext({ viewport: WIDE, locale: 'nl-NL', extraHTTPHeaders: { 'accept-language': 'nl-NL,nl;q=0.9' } });
    page = await context.newPage();
    errors = pageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('says in Dutch that a forged certificate is not valid', async () => {
    const response = await page.goto(site('/certificates/FORGE-D0000'));

    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Geen geldig certificaat');
    await checkScreen(page, 'dead-certificate-nl');
  });

  it('says in English what to do with a dead personal link', async () => {
    const response = await page.goto(site('/registrations/01DEADLINK0000000000000000?token=gone&lang=en'));

    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('This link does not work (any more)');
    await checkScreen(page, 'dead-link-en');
    expect(errors).toEqual([]);
  });
});
