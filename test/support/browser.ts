import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium by default; `BELONG_CHROMIUM` points elsewhere. Never a downloaded browser. */
export const chromiumPath = process.env.BELONG_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Headless, and quiet: no sandbox (tests run as root in containers), no GPU,
 * and none of the background traffic (updates, sync, first-run pages) that
 * would make a run depend on the network. Playwright gives each launch a
 * fresh temporary profile of its own.
 */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/** The axe-core rule sets that make up WCAG 2.2 level AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One failed axe rule, reduced to what a test failure needs to show. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** CSS selectors of the elements that fail the rule, one entry per element. */
  targets: string[];
}

/**
 * Runs in the page: axe's results hold DOM-free data only (selectors, HTML
 * snippets), reduced here to plain values so they cross back to Node intact.
 */
const axeRun = `(async () => {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ${JSON.stringify(wcagTags)} },
    resultTypes: ['violations'],
  });
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
})()`;

/**
 * Injects axe-core into the page and returns its WCAG 2.2 AA violations.
 *
 * Belong's Content-Security-Policy forbids inline scripts, so an inline
 * `<script>` added by `page.addScriptTag({ content })` is blocked (as it
 * should be). Evaluating axe's source through the DevTools protocol is not
 * subject to the page's policy, so the page is checked exactly as served,
 * without turning the policy off (`bypassCSP`) for the test.
 */
export async function checkAccessibility(page: Page): Promise<AxeViolation[]> {
  await loadAxe(page);
  return runAxe(page);
}

/** Injects axe-core into the page (see checkAccessibility); it stays until the window goes. */
export async function loadAxe(page: Page): Promise<void> {
  await page.evaluate(`${axeSource};\nundefined`);
}

/** Runs axe, already loaded by `loadAxe`, on the page's document as it is now. */
export function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate<AxeViolation[]>(axeRun);
}

/** Violations as readable lines: rule, impact, what it asks, and each failing element. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}`,
        `  ${violation.helpUrl}`,
        ...violation.targets.map((target) => `  - ${target}`),
      ].join('\n'),
    )
    .join('\n');
}

/** Fails with every WCAG 2.2 AA violation axe finds on the page, named by `what` it shows. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  const violations = await checkAccessibility(page);
  assert.equal(violations.length, 0, `${what}: axe found:\n${formatViolations(violations)}`);
}

/**
 * Runs `work` on a page of a fresh context of its own (no cookies, an empty
 * cache; `options` such as JavaScript off), closed whatever happens. Steps
 * wait at most 15 seconds, so a page that never comes fails the test well
 * before the runner's timeout.
 */
export function withPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T>;
export function withPage<T>(
  browser: Browser,
  options: BrowserContextOptions,
  work: (page: Page) => Promise<T>,
): Promise<T>;
export async function withPage<T>(
  browser: Browser,
  ...args: [(page: Page) => Promise<T>] | [BrowserContextOptions, (page: Page) => Promise<T>]
): Promise<T> {
  const [options, work] = args.length === 1 ? [{}, args[0]] : args;
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return await work(page);
  } finally {
    await context.close();
  }
}

/** Presses the submit button of the page's form and waits for the page it leads to. */
export async function submitForm(page: Page): Promise<void> {
  await page.locator('form.usa-form button[type="submit"]').click();
  await page.waitForLoadState('load');
}
