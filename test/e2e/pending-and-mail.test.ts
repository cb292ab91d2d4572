import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkScreen, e2e, openConsoleTab, signIn } from './support/browser';
import { arrangeEvent, callApi, organiserApi } from './support/stack';

/**
 * Address confirmation and mail feedback, as the organiser meets them in the browser: people
 * who registered but did not confirm yet show as pending with the time their hold lapses, the
 * organiser confirms one, removes another, sees on the overview that mail to a third bounced
 * (SES's mailbox simulator, played by the local stack), finds that person through the link and
 * corrects the address in a dialog that first refuses a broken and a taken address.
 */

const run = Date.now().toString(36);
/** SES's mailbox simulator: `success` is delivered, `bounce` bounces for good. */
const simulator = (kind: 'success' | 'bounce', who: string) => `${kind}+${who}${run}@simulator.amazonses.com`;
const anna = { name: 'Anna de Wit', email: simulator('success', 'anna') };
const bram = { name: 'Bram Çelik', email: simulator('bounce', 'bram') };
const carla = { name: 'Carla Smit', email: simulator('success', 'carla') };
const bramFixed = simulator('success', 'bramfixed');

interface Listed {
  registrationId: string;
  name: string;
  email: string;
  status: string;
  confirmBy?: string;
  mailStatus?: string;
  addressUndeliverable?: string;
}

describe('pending registrations and undeliverable mail, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let event: { id: string; title: string };

  const listed = async (): Promise<Listed[]> => (await organiserApi('GET', `/admin/events/${event.id}/registrations`, 200)).items;
  const row = (name: string) => page.getByTestId('registration-row').filter({ hasText: name });
  // The page's document, reached through an element: this file type-checks without the DOM library.
  const focused = () =>
    page.locator('body').evaluate((body) => {
      const active = body.ownerDocument.activeElement;
      return active?.getAttribute('data-testid') ?? active?.id ?? null;
    });

  beforeAll(async () => {
    // Tokyo has no summer time and is 9 hours ahead of UTC all year; the browser is in Amsterdam.
    event = await arrangeEvent({ title: `Bevestig je adres ${run}`, capacity: 5, emailConfirmation: 'required', confirmationWindow: 'PT2H', timeZone: 'Asia/Tokyo' });
    for (const person of [anna, bram, carla]) {
      const answer = await callApi('POST', `/events/${event.id}/registrations`, { body: { consent: true, ...person } });
      expect([answer.status, answer.json]).toEqual([202, { status: 'pending' }]);
    }
    // The confirmation request to Bram's address bounces; wait until the stack has heard so.
    await vi.waitFor(
      async () => {
        const bounced = (await listed()).find((item) => item.email === bram.email);
        if (bounced?.addressUndeliverable !== 'bounced') throw new Error(`Bram's address is not marked yet: ${JSON.stringify(bounced)}`);
      },
      { timeout: 30_000, interval: 200 },
    );

    ({ browser, context, page, errors } = await openConsoleTab('nl-NL'));
    await signIn(page, e2e().organiserEmail, `#/events/${event.id}/registrations`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the three as pending, with the time their hold lapses on the event clock, and the bounced address flagged in words', async () => {
    await expect.poll(() => page.getByTestId('registration-row').count(), { timeout: 10_000 }).toBe(3);
    const statuses = await page.getByTestId('registration-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses).toEqual(['pending', 'pending', 'pending']);
    expect(await row(anna.name).locator('.badge').textContent()).toBe('wacht op bevestiging');

    const confirmBy = (await listed()).find((item) => item.name === anna.name)!.confirmBy!;
    const tokyoClock = new Date(Date.parse(confirmBy) + 9 * 3600_000).toISOString().slice(11, 16);
    expect(await row(anna.name).getByTestId('confirm-by').textContent()).toMatch(new RegExp(`^bevestigen vóór .*${tokyoClock}$`));

    expect(await row(bram.name).getByTestId('mail-status').textContent()).toBe('kwam niet aan');
    expect(await row(bram.name).getByTestId('address-undeliverable').textContent()).toContain('Mail komt niet aan — neem op een andere manier contact op');
    expect(await row(anna.name).getByTestId('address-undeliverable').count()).toBe(0);

    await page.selectOption('#status-filter', 'pending');
    await expect.poll(() => page.getByTestId('registration-count').textContent()).toBe('3 aanmeldingen');
    await checkScreen(page, 'registrations-pending-nl');
  });

  it('confirms Anna with the button: she gets a seat and the outcome takes the focus', async () => {
    await page.selectOption('#status-filter', 'all');
    await page.getByRole('button', { name: `Bevestigen: ${anna.name}` }).click();

    await page.locator(`[data-testid="registration-row"][data-status="confirmed"]`).filter({ hasText: anna.name }).waitFor();
    expect(await page.getByTestId('registrations-message').textContent()).toBe(`${anna.name} is bevestigd en heeft een plaats. De bevestigingsmail gaat nu uit.`);
    expect(await focused()).toBe('registrations-message');
    expect((await listed()).find((item) => item.name === anna.name)!.status).toBe('confirmed');
  });

  it('removes Carla, whose registration was never confirmed: the dialog says nothing is kept and no mail goes out', async () => {
    await row(carla.name).getByRole('button', { name: `Verwijderen: ${carla.name}` }).click();
    const dialog = page.getByTestId('cancel-registration-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe(`Aanmelding van ${carla.name} verwijderen?`);
    expect(await dialog.textContent()).toContain('er blijft niets van bewaard en er gaat geen mail uit');

    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();

    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row(carla.name).count()).toBe(0);
    expect(await page.getByTestId('registrations-message').textContent()).toBe(`De aanmelding van ${carla.name} is verwijderd.`);
    expect((await listed()).map((item) => item.name).sort()).toEqual([anna.name, bram.name]);
  });

  it('shows on the overview who waits for confirmation and the mail that bounced, with a way to the people concerned', async () => {
    await page.getByTestId('event-nav-overview').click();
    await page.locator('[data-testid="figure-pending"] dd').first().filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('pending-detail').textContent()).toMatch(/^Waarvan 1 wacht op bevestiging van het e-mailadres\./);
    await page.locator('[data-testid="figure-mail-bounced"] dd').filter({ hasText: /^1$/ }).waitFor();
    const problems = page.getByTestId('mail-problems');
    expect(await problems.textContent()).toContain('1 mail kwam niet aan');
    await checkScreen(page, 'overview-mail-nl');

    await problems.getByRole('link').click();

    await page.waitForURL((url) => url.hash === `#/events/${event.id}/registrations?show=undeliverable`);
    await expect.poll(() => page.getByTestId('registration-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#status-filter').inputValue()).toBe('undeliverable');
    expect(await page.getByTestId('registration-row').locator('.name').textContent()).toBe(bram.name);
  });

  it("corrects Bram's address in a dialog that refuses a broken and a taken address at the field, then returns the focus", async () => {
    await page.selectOption('#status-filter', 'all');
    const opener = row(bram.name).getByRole('button', { name: `Adres corrigeren: ${bram.name}` });
    await opener.click();
    const dialog = page.getByTestId('correct-address-dialog');
    await dialog.waitFor();
    const field = dialog.getByLabel('E-mailadres');
    expect(await focused()).toBe('corrected-email');
    expect(await field.inputValue()).toBe(bram.email);
    await checkScreen(page, 'registrations-correct-address-nl');

    await field.fill('bram@');
    await field.press('Enter');
    await dialog.locator('#corrected-email-error').waitFor();
    expect(await dialog.locator('#corrected-email-error').textContent()).toBe('Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('corrected-email-error');
    await checkScreen(page, 'registrations-correct-address-error-nl');

    await field.fill(anna.email);
    await dialog.getByRole('button', { name: 'Adres opslaan' }).click();
    await dialog.locator('#corrected-email-error').filter({ hasText: 'Met dit adres is al iemand anders voor dit evenement aangemeld.' }).waitFor();
    expect(await focused()).toBe('corrected-email');

    await field.fill(bramFixed);
    await dialog.getByRole('button', { name: 'Adres opslaan' }).click();

    await dialog.waitFor({ state: 'detached' });
    await row(bram.name).locator('.email').filter({ hasText: bramFixed }).waitFor();
    expect(await row(bram.name).getByTestId('address-undeliverable').count()).toBe(0);
    expect(await opener.evaluate((button) => button === (button.ownerDocument.activeElement as unknown))).toBe(true);
    expect(await page.getByTestId('registrations-message').textContent()).toBe(`Het adres van ${bram.name} is nu ${bramFixed}. De laatste mail is opnieuw verstuurd.`);
    const corrected = (await listed()).find((item) => item.name === bram.name)!;
    expect(corrected).toMatchObject({ email: bramFixed, status: 'pending' });
    expect(corrected).not.toHaveProperty('addressUndeliverable');
    await checkScreen(page, 'registrations-corrected-nl');
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
