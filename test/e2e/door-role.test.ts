import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, consoleUrl, e2e, openConsoleTab, sessionToken, signIn } from './support/browser';
import { arrangeEvent, arrangeRegistration, callApi } from './support/stack';

/**
 * A door account sees the door and nothing else: every other screen of an event ends on its
 * door, and the API behind those screens refuses its token.
 */

const run = Date.now().toString(36);

describe('a door account, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let eventId: string;

  beforeAll(async () => {
    eventId = (await arrangeEvent({ title: `Deur-proef ${run}` }, 3)).id;
    await arrangeRegistration(eventId, { name: 'Wim Peeters', email: `wim.${run}@example.org` });

    ({ browser, context, page, errors } = await openConsoleTab('nl-NL'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('signs in to the way to the door, not to the events', async () => {
    await signIn(page, e2e().doorEmail);

    expect(await page.getByTestId('account').textContent()).toContain(e2e().doorEmail);
    await page.locator('#door-link').waitFor();
    expect(await page.getByTestId('new-event').count()).toBe(0);
    await page.getByTestId('door-events').locator(`[data-event-id="${eventId}"]`).waitFor();
    await checkScreen(page, 'door-account-start-nl');

    await page.fill('#door-link', consoleUrl(`#/events/${eventId}/door`));
    await page.getByRole('button', { name: 'Deurlijst openen' }).click();
    await page.getByTestId('door-counts').filter({ hasText: '0 van 1 ingecheckt' }).waitFor();
    expect(await page.locator('.event-nav').count()).toBe(0);
    await checkScreen(page, 'door-account-door-nl');
  });

  it.each([
    ['overview', ''],
    ['registrations', '/registrations'],
    ['edit', '/edit'],
    ['certificates', '/certificates'],
    ['reminders', '/reminders'],
  ])('ends on the door when it opens the %s screen of the event', async (_name, screen) => {
    await page.goto(consoleUrl('#/events'));
    await page.locator('#door-link').waitFor();

    await page.goto(consoleUrl(`#/events/${eventId}${screen}`));

    await page.waitForURL(consoleUrl(`#/events/${eventId}/door`));
    await page.getByTestId('door-counts').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Deur');
  });

  it('holds a token that the API refuses on every route but the door', async () => {
    const token = await sessionToken(page);
    const refused = [
      ['GET', '/admin/events'],
      ['GET', `/admin/events/${eventId}`],
      ['GET', `/admin/events/${eventId}/registrations`],
      ['GET', `/admin/events/${eventId}/reminders`],
      ['GET', `/admin/events/${eventId}/certificates`],
      ['GET', `/admin/events/${eventId}/failed-mail`],
      ['PATCH', `/admin/events/${eventId}`],
      ['POST', `/admin/events/${eventId}/certificates`],
      ['POST', `/admin/events/${eventId}/cancel`],
    ] as const;

    const answers = await Promise.all(refused.map(async ([method, path]) => `${method} ${path} ${(await callApi(method, path, { token, body: method === 'GET' ? undefined : {} })).status}`));

    expect(answers).toEqual(refused.map(([method, path]) => `${method} ${path} 403`));
    expect((await callApi('GET', `/admin/events/${eventId}/door-list`, { token })).status).toBe(200);
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
