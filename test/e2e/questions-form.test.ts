import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, connectBrowser, pageErrors, site, WIDE } from './support/browser';
import { arrangeEvent, organiserApi } from './support/stack';

/**
 * The hosted form with an organiser's questions, as a participant uses it without JavaScript's
 * help: the right controls, a missing answer shown at its question, axe's WCAG 2.1 A and AA
 * rules in both languages, photographed at 1280 and 360 wide.
 */

const run = Date.now().toString(36);
const option = (id: string, nl: string, en: string) => ({ id, label: { nl, en } });

describe('questions on the hosted form, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let event: { id: string; title: string };

  beforeAll(async () => {
    event = await arrangeEvent({
      title: `Vragenmiddag ${run}`,
      language: 'nl',
      questions: [
        { id: 'learn', type: 'longText', required: true, label: { nl: 'Wat wil je vandaag leren?', en: 'What do you want to learn today?' } },
        { id: 'case', type: 'yesNo', required: false, label: { nl: 'Neem je een eigen casus mee?', en: 'Will you bring a case of your own?' }, help: { nl: 'Dan werken we ermee.', en: 'We will work with it.' } },
        { id: 'workplace', type: 'choice', required: true, label: { nl: 'Waar werk je?', en: 'Where do you work?' }, options: [option('municipality', 'Gemeente', 'Municipality'), option('water-board', 'Waterschap', 'Water board')] },
        { id: 'topics', type: 'multiChoice', required: false, label: { nl: 'Onderwerpen', en: 'Topics' }, options: [option('reach', 'Bereik', 'Reach'), option('feedback', 'Terugkoppeling', 'Feedback')] },
      ],
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

  it('asks with a text area, radio groups and checkboxes in fieldsets, and passes axe in Dutch', async () => {
    await page.goto(site(`/events/${event.id}/register`));

    expect(await page.getByRole('group', { name: 'Waar werk je? (verplicht)' }).getByRole('radio').count()).toBe(2);
    expect(await page.getByRole('group', { name: 'Onderwerpen' }).getByRole('checkbox').count()).toBe(2);
    await checkScreen(page, 'questions-form-nl');
  });

  it('shows a missing answer at its question, keeps what was chosen, and registers once answered', async () => {
    await page.getByRole('textbox', { name: 'Naam (verplicht)' }).fill('Vera Vragen');
    await page.getByRole('textbox', { name: 'E-mailadres (verplicht)' }).fill(`vera.${run}@example.org`);
    await page.getByRole('group', { name: 'Neem je een eigen casus mee?' }).getByLabel('Ja').check();
    await page.getByLabel('Ik geef toestemming om mijn gegevens te bewaren').check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Wat wil je vandaag leren?: Beantwoord deze vraag.');
    expect(await page.getByRole('group', { name: 'Neem je een eigen casus mee?' }).getByLabel('Ja').isChecked()).toBe(true);
    await checkScreen(page, 'questions-form-errors-nl');

    await page.getByLabel('Wat wil je vandaag leren? (verplicht)').fill('Hoe ik jongeren bereik');
    await page.getByRole('group', { name: 'Waar werk je? (verplicht)' }).getByLabel('Waterschap').check();
    await page.getByRole('group', { name: 'Onderwerpen' }).getByLabel('Bereik').check();
    await page.getByLabel('Ik geef toestemming om mijn gegevens te bewaren').check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'confirmed');

    const { items } = await organiserApi('GET', `/admin/events/${event.id}/registrations`, 200);
    expect(items[0].answers).toEqual({ learn: 'Hoe ik jongeren bereik', case: true, workplace: 'water-board', topics: ['reach'] });
  });

  it('asks in English too, and passes axe there', async () => {
    await page.goto(site(`/events/${event.id}/register?lang=en`));

    expect(await page.getByRole('group', { name: 'Where do you work? (required)' }).getByLabel('Water board').count()).toBe(1);
    await checkScreen(page, 'questions-form-en');
    expect(errors).toEqual([]);
  });
});
