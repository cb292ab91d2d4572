import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, e2e, openConsoleTab, signIn } from './support/browser';
import { arrangeEvent, arrangeRegistration, organiserApi } from './support/stack';

/**
 * Privacy as a municipality's data protection officer asks for it, in the organiser's browser:
 * the event form names the controller and sets how long registrations and needs are kept; the
 * caterer's summary of the needs shows no names until the organiser asks for them past a
 * warning; and a person's data is erased at their request through a dialog that says what
 * happens, after which the row says so and the next person has the seat.
 */

const run = Date.now().toString(36);
const anna = { name: 'Anna de Wit', email: `anna.${run}@example.org`, dietaryNeeds: 'Vegetarisch', accessibilityNeeds: 'Rolstoel', needsConsent: true };
const bram = { name: 'Bram Çelik', email: `bram.${run}@example.org`, dietaryNeeds: 'vegetarisch ', needsConsent: true };
const carla = { name: 'Carla Smit', email: `carla.${run}@example.org`, dietaryNeeds: 'Halal', needsConsent: true };

describe('privacy in the console', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let event: { id: string; title: string };

  const adminEvent = () => organiserApi('GET', `/admin/events/${event.id}`, 200);
  const listed = async (): Promise<Array<{ registrationId: string; name: string; email: string; status: string; erasedAt?: string }>> =>
    (await organiserApi('GET', `/admin/events/${event.id}/registrations`, 200)).items;
  const row = (name: string) => page.getByTestId('registration-row').filter({ hasText: name });
  const switchLanguage = async (to: 'nl' | 'en') => {
    await page.getByTestId('language-switch').click();
    await page.locator(`html[lang="${to}"]`).waitFor();
  };
  // The page's document, reached through an element: this file type-checks without the DOM library.
  const focused = () =>
    page.locator('body').evaluate((body) => {
      const active = body.ownerDocument.activeElement;
      return active?.getAttribute('data-testid') ?? active?.id ?? null;
    });
  // The cells' text per row; typed by hand, as this file type-checks without the DOM library.
  type Row = { children: ArrayLike<{ textContent: string | null }> };
  const cellTexts = (testId: string) =>
    page.getByTestId(testId).evaluateAll((rows) => rows.map((row) => Array.from((row as unknown as Row).children, (cell) => cell.textContent?.trim())));

  beforeAll(async () => {
    // Two seats: Anna and Bram have one, Carla waits for the seat Anna's erasure frees.
    event = await arrangeEvent({ title: `Inclusief vergaderen ${run}`, capacity: 2, waitlistEnabled: true });
    for (const person of [anna, bram, carla]) await arrangeRegistration(event.id, person);

    ({ browser, context, page, errors } = await openConsoleTab('nl-NL'));
    await signIn(page, e2e().organiserEmail, `#/events/${event.id}/edit`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('a new event starts with a year for registrations and 14 days for needs', async () => {
    const created = await adminEvent();
    expect([created.retention, created.needsRetention, created.controller]).toEqual(['P1Y', 'P14D', undefined]);

    await expect.poll(() => page.locator('#ev-retention').inputValue(), { timeout: 10_000 }).toBe('1');
    expect(await page.locator('#ev-retention-unit').inputValue()).toBe('years');
    expect([await page.locator('#ev-needsRetention').inputValue(), await page.locator('#ev-needsRetention-unit').inputValue()]).toEqual(['14', 'days']);
  });

  it('refuses half a controller and needs kept longer than the registrations, in Dutch and in English, at the fields', async () => {
    const privacy = page.getByTestId('privacy-settings');
    await privacy.getByLabel('Naam van de organisatie').fill('Gemeente Utrecht');
    await page.locator('#ev-retention').fill('1');
    await page.selectOption('#ev-retention-unit', 'months');
    await page.locator('#ev-needsRetention').fill('2');
    await page.selectOption('#ev-needsRetention-unit', 'months');
    await page.getByTestId('save-event').click();

    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').allTextContents()).toEqual([
      'Contact voor privacyvragen: Vul ook in hoe deelnemers de verantwoordelijke bereiken, of maak de naam leeg.',
      'Wensen bewaren: Wensen kunnen niet langer bewaard worden dan de aanmeldingen zelf.',
    ]);
    expect(await page.locator('#ev-controller-contact').getAttribute('aria-invalid')).toBe('true');
    await summary.getByRole('link').first().click();
    expect(await focused()).toBe('ev-controller-contact');
    await privacy.scrollIntoViewIfNeeded();
    await checkScreen(page, 'privacy-form-errors-nl');

    await switchLanguage('en');
    await page.locator('#ev-controller-contact').fill('030 286 00 00');
    await page.getByTestId('save-event').click();
    await summary.locator('li').filter({ hasText: 'Contact for privacy questions: This must be an e-mail address' }).waitFor();
    expect(await summary.locator('li').allTextContents()).toContain('Keep needs: Needs cannot be kept longer than the registrations themselves.');
    await checkScreen(page, 'privacy-form-errors-en');
    await switchLanguage('nl');
  });

  it('saves the controller and both periods, and sends only those', async () => {
    await page.locator('#ev-controller-contact').fill('privacy@utrecht.nl');
    await page.locator('#ev-retention').fill('6');
    await page.locator('#ev-needsRetention').fill('7');
    await page.selectOption('#ev-needsRetention-unit', 'days');
    const patch = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith(`/admin/events/${event.id}`));
    await page.getByTestId('save-event').click();

    expect((await patch).postDataJSON()).toEqual({ retention: 'P6M', needsRetention: 'P7D', controller: { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' } });
    await page.waitForURL((url) => url.hash === `#/events/${event.id}`);
    const saved = await adminEvent();
    expect([saved.retention, saved.needsRetention, saved.controller]).toEqual(['P6M', 'P7D', { name: 'Gemeente Utrecht', contact: 'privacy@utrecht.nl' }]);

    await page.getByTestId('event-nav-edit').click();
    await expect.poll(() => page.locator('#ev-controller-name').inputValue(), { timeout: 10_000 }).toBe('Gemeente Utrecht');
    expect([await page.locator('#ev-retention').inputValue(), await page.locator('#ev-retention-unit').inputValue()]).toEqual(['6', 'months']);
    await page.getByTestId('privacy-settings').scrollIntoViewIfNeeded();
    await checkScreen(page, 'privacy-form-saved-nl');
  });

  it('shows the caterer the needs of the people with a seat, grouped and counted, without names', async () => {
    await page.getByTestId('event-nav-needs').click();
    await page.getByTestId('dietary-table').waitFor();

    expect(await page.locator('main h1').textContent()).toBe('Wensen');
    expect(await page.getByTestId('needs-seated').textContent()).toBe('2');
    const dietary = await cellTexts('dietary-row');
    expect(dietary).toHaveLength(1);
    expect(dietary[0]![0]!.toLowerCase()).toBe('vegetarisch');
    expect(dietary[0]![1]).toBe('2');
    expect(await cellTexts('accessibility-row')).toEqual([['Rolstoel']]);
    const text = await page.locator('main').textContent();
    for (const person of [anna, bram, carla]) expect(text).not.toContain(person.name);
    await checkScreen(page, 'needs-nl');
  });

  it('shows the names only past a warning that they are special-category data and that the access is recorded', async () => {
    const button = page.getByRole('button', { name: 'Toon namen' });
    await button.click();
    const dialog = page.getByTestId('show-names-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('bijzondere persoonsgegevens');
    expect(await dialog.textContent()).toContain('wordt vastgelegd met je account en de tijd');
    await checkScreen(page, 'needs-show-names-dialog-nl');

    const read = page.waitForRequest((request) => request.url().endsWith(`/admin/events/${event.id}/needs-summary?names=true`));
    await dialog.getByRole('button', { name: 'Ja, toon namen' }).click();
    await read;

    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cellTexts('accessibility-row')).toEqual([['Rolstoel', anna.name]]);
    expect((await cellTexts('dietary-row'))[0]![2]!.split(', ').sort()).toEqual([anna.name, bram.name]);
    expect(await focused()).toBe('show-names');
    expect(await page.getByTestId('show-names').textContent()).toBe('Verberg namen');
    await checkScreen(page, 'needs-names-nl');

    await switchLanguage('en');
    expect(await page.locator('main h1').textContent()).toBe('Needs');
    await checkScreen(page, 'needs-names-en');
    await page.getByRole('button', { name: 'Hide names' }).click();
    await expect.poll(() => cellTexts('accessibility-row')).toEqual([['Rolstoel']]);
    await page.getByRole('button', { name: 'Show names' }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('special-category personal data');
    await checkScreen(page, 'needs-show-names-dialog-en');
    await dialog.getByRole('button', { name: 'No, without names' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await cellTexts('accessibility-row')).toEqual([['Rolstoel']]);
    expect(await focused()).toBe('show-names');
    await checkScreen(page, 'needs-en');
  });

  it("erases Anna's data through a dialog that says what happens; her row says so and Carla gets the seat", async () => {
    await page.getByTestId('event-nav-registrations').click();
    await expect.poll(() => page.getByTestId('registration-row').count(), { timeout: 10_000 }).toBe(3);
    expect(await row(carla.name).getAttribute('data-status')).toBe('waitlisted');

    await row(anna.name).getByRole('button', { name: `Erase data of ${anna.name}` }).click();
    const dialog = page.getByTestId('erase-registration-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe(`Erase the data of ${anna.name}?`);
    expect(await dialog.locator('li').allTextContents()).toEqual([
      'Name, e-mail address, organisation, role and needs are erased.',
      'If this person has a seat or a place on the waitlist, it goes to the next person, as with a cancellation.',
      'Nobody is mailed about this, this person included.',
      'Only a record without a name stays, so the counts stay right.',
    ]);
    expect(await dialog.textContent()).toContain('This cannot be undone.');
    expect(await focused()).not.toBeNull();
    await checkScreen(page, 'registrations-erase-dialog-en');
    await dialog.getByRole('button', { name: 'No, keep it' }).click();
    await dialog.waitFor({ state: 'detached' });

    await switchLanguage('nl');
    await row(anna.name).getByRole('button', { name: `Gegevens wissen: ${anna.name}` }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Naam, e-mailadres, organisatie, functie en wensen worden gewist.');
    expect(await dialog.textContent()).toContain('Niemand krijgt hierover een mail');
    await checkScreen(page, 'registrations-erase-dialog-nl');
    await dialog.getByRole('button', { name: 'Ja, gegevens wissen' }).click();

    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="registration-row"][data-erased="true"]').waitFor();
    expect(await page.getByTestId('registrations-message').textContent()).toBe(`De gegevens van ${anna.name} zijn gewist.`);
    expect(await focused()).toBe('registrations-message');
    const erasedRow = page.locator('[data-testid="registration-row"][data-erased="true"]');
    expect(await erasedRow.getByTestId('erased').textContent()).toBe('Gegevens gewist');
    expect(await erasedRow.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('registrations-table').textContent()).not.toContain(anna.name);
    await expect.poll(() => row(carla.name).getAttribute('data-status')).toBe('confirmed');
    await checkScreen(page, 'registrations-erased-nl');

    const items = await listed();
    const erased = items.find((item) => item.erasedAt);
    expect(erased).toMatchObject({ name: '', email: '' });
    expect(items.filter((item) => item.status === 'confirmed').map((item) => item.name).sort()).toEqual([bram.name, carla.name]);
    expect((await adminEvent()).counts).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it('the needs summary follows: Carla in, Anna out', async () => {
    await page.getByTestId('event-nav-needs').click();
    await page.getByTestId('dietary-table').waitFor();
    await expect.poll(() => cellTexts('dietary-row')).toHaveLength(2);
    const dietary = (await cellTexts('dietary-row')).map(([need, count]) => [need!.toLowerCase(), count]).sort();
    expect(dietary).toEqual([
      ['halal', '1'],
      ['vegetarisch', '1'],
    ]);
    expect(await page.getByTestId('accessibility-table').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Niemand met een plaats heeft een wens voor de toegankelijkheid opgegeven.');
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
