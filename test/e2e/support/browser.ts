import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const e2e = () => inject('e2e');

/** A page of the local stack: `/console/#/events`, `/events/<id>/register`. */
export const site = (pathAndHash: string) => `${e2e().apiUrl}${pathAndHash}`;

export const consoleUrl = (hash = '') => site(`/console/${hash}`);

/** The one Chromium of the run (see global-setup.ts); each test file connects once. */
export const connectBrowser = (): Promise<Browser> => chromium.connect(e2e().browserEndpoint);

export const WIDE = { width: 1280, height: 800 };
export const NARROW = { width: 360, height: 740 };

/**
 * A fresh browser profile at the wide size: its own sessionStorage, localStorage and service
 * worker. `locale` sets Accept-Language and navigator.languages, which choose the console's
 * first language. The console's CSP stays on: a script it blocks would fail a test here too.
 */
export async function newConsoleContext(browser: Browser, locale = 'nl-NL'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: WIDE, locale, timezoneId: 'Europe/Amsterdam' });
  await context.grantPermissions(['camera'], { origin: e2e().apiUrl });
  return context;
}

export interface ConsoleTab {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test file ends by expecting none. */
  errors: string[];
}

/** What each test file starts with: the run's Chromium, a fresh profile, one page watched for errors. */
export async function openConsoleTab(locale = 'nl-NL'): Promise<ConsoleTab> {
  const browser = await connectBrowser();
  const context = await newConsoleContext(browser, locale);
  const page = await context.newPage();
  return { browser, context, page, errors: pageErrors(page) };
}

/** Uncaught errors in a page; a test ends by expecting none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/**
 * Signs in the way a person does: the console's button, the local sign-in page (the stand-in
 * for Cognito's managed login), the account, and back to the screen `hash` names.
 */
export async function signIn(page: Page, email: string, hash = '#/events'): Promise<void> {
  await page.goto(consoleUrl(hash));
  await page.getByTestId('sign-in').click();
  await page.waitForURL((url) => url.pathname === '/oauth2/authorize');
  await page.getByRole('button', { name: email }).click();
  await page.waitForURL((url) => url.pathname === '/console/' && url.search === '' && url.hash === hash);
  await page.locator('main h1').waitFor();
}

/** The ID token the console holds after signing in (sessionStorage, as the console keeps it). */
export const sessionToken = async (page: Page): Promise<string> => {
  const token = await page.evaluate<string | null>("sessionStorage.getItem('console.session')");
  if (!token) throw new Error('The console holds no session');
  return token;
};

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now. The console's CSP
 * (`script-src 'self'`) would block axe as an injected <script> tag; page.evaluate runs the
 * source through the DevTools protocol instead, which CSP does not govern, so the page keeps
 * its real policy (no `bypassCSP`) while axe runs in it.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate<boolean>("typeof window.axe === 'object'"))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    (tags) =>
      (globalThis as any).axe
        .run((globalThis as any).document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((results: { violations: AxeViolation[] }) =>
          results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) })),
        ),
    AXE_TAGS,
  );
  expect(violations, `axe on ${label}`).toEqual([]);
}

const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * The screen as it is now, checked by axe and photographed at both sizes (the page is left at
 * the wide size): `test/e2e/screenshots/<name>-1280.png` and `<name>-360.png`.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page, `${name} at ${size.width}×${size.height}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(WIDE);
}
