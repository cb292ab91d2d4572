import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, e2e, openConsoleTab, signIn } from './support/browser';
import { allMail, arrangeCheckIn, arrangeEnded, arrangeEvent, arrangeRegistration, settle } from './support/stack';

/**
 * Certificates after the event, from the console: the organiser sends them to those who came
 * and watches the mailing (run by the schedule, every second in these tests) finish.
 */

const run = Date.now().toString(36);

describe('certificates of attendance, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let event: { id: string; title: string };
  const people = [
    { name: 'Anna de Wit', email: `anna.${run}@example.org`, came: true },
    { name: 'Bram Çelik', email: `bram.${run}@example.org`, came: true },
    { name: 'Chris Jansen', email: `chris.${run}@example.org`, came: false },
  ];

  beforeAll(async () => {
    event = await arrangeEvent({ title: `Trainingsdag ${run}`, capacity: 3, certificate: { hours: 3, organiserName: 'Gemeente Utrecht' } });
    for (const { came, ...person } of people) {
      const registrationId = await arrangeRegistration(event.id, person);
      if (came) await arrangeCheckIn(event.id, registrationId);
    }
    await arrangeEnded(event.id);

    ({ browser, context, page, errors } = await openConsoleTab('nl-NL'));
    await signIn(page, e2e().organiserEmail, `#/events/${event.id}/certificates`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sends certificates to those who came and shows the mailing until every one is sent', async () => {
    const progress = page.getByTestId('certificate-progress');
    await page.locator('[data-testid="certificate-progress"][data-total="0"]').waitFor();
    expect(await page.locator('label[for="include-attended"]').textContent()).toContain('2');

    await page.getByTestId('send-certificates').click();

    await page.locator('[data-testid="certificate-progress"][data-total="2"]').waitFor();
    // The console polls the status while the schedule mails them; wait until sent equals total.
    await page.locator('[data-testid="certificate-progress"][data-total="2"][data-sent="2"]').waitFor({ timeout: 60_000 });
    expect([await progress.getAttribute('data-failed'), await progress.getAttribute('data-pending')]).toEqual(['0', '0']);
    await checkScreen(page, 'certificates-sent-nl');

    await settle();
    const certificates = (await allMail()).filter((mail) => mail.subject === `Je certificaat: ${event.title}`);
    expect(certificates.map((mail) => mail.destination.to[0]).sort()).toEqual([people[0]!.email, people[1]!.email].sort());
  });

  it('threw no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
