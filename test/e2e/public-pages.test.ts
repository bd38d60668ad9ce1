import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { supportedLocales } from '../../src/i18n/locales.ts';
import { Translations } from '../../src/i18n/translator.ts';
import { languageCookie } from '../../src/web/middleware/locale.ts';
import { checkAccessibility, formatViolations, launchBrowser } from '../support/browser.ts';
import { publicPages } from '../support/public-pages.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';

const translations = new Translations();

/** `/en/` for the English root, `/es/check` for `/check` in Spanish. */
function pagePath(locale: string, path: string): string {
  return `/${locale}${path === '/' ? '/' : path}`;
}

/** Opens `path` and returns the page's own response and every stylesheet response it caused. */
async function open(
  page: Page,
  url: string,
): Promise<{ response: Response; stylesheets: Response[] }> {
  const stylesheets: Response[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'stylesheet') stylesheets.push(response);
  };
  page.on('response', onResponse);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.ok(response, `no response for ${url}`);
    return { response, stylesheets };
  } finally {
    page.off('response', onResponse);
  }
}

/** The page links exactly one stylesheet and the browser received it with 200. */
async function assertStylesheetLoaded(page: Page, stylesheets: Response[]): Promise<void> {
  const links = await page.locator('link[rel="stylesheet"]').all();
  assert.equal(links.length, 1, 'the page links one stylesheet');
  const href = new URL((await links[0]?.getAttribute('href')) ?? '', page.url()).href;
  assert.deepEqual(
    stylesheets.map((response) => [response.url(), response.status()]),
    [[href, 200]],
  );
}

/**
 * No inline script and none from elsewhere. A page may load an enhancement
 * from our own fingerprinted assets (the civics "Listen" button); it must
 * work without it, which the JavaScript-disabled runs below check.
 */
async function assertNoScript(page: Page): Promise<void> {
  assert.equal(
    await page.locator('script:not([src^="/assets/"])').count(),
    0,
    'the page has a <script> element',
  );
}

describe('public pages in a browser', () => {
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    app = await startRunningApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const locale of supportedLocales) {
    for (const entry of publicPages) {
      const path = pagePath(locale, entry.path);
      it(`${entry.name} (${path}) answers ${entry.status} in ${locale} with no WCAG 2.2 AA violation`, async () => {
        // A context of its own: an empty cache, so the stylesheet is fetched again.
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const policyViolations: string[] = [];
          page.on('console', (message) => {
            if (message.text().includes('Content Security Policy')) {
              policyViolations.push(message.text());
            }
          });
          const { response, stylesheets } = await open(page, `${app.url}${path}`);
          assert.equal(response.status(), entry.status);
          assert.equal(await page.getAttribute('html', 'lang'), locale);
          assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
          await assertStylesheetLoaded(page, stylesheets);
          // Before axe is injected, which adds a script of its own.
          await assertNoScript(page);
          assert.deepEqual(policyViolations, [], 'the page breaks its own Content-Security-Policy');

          const violations = await checkAccessibility(page);
          assert.equal(violations.length, 0, `axe found:\n${formatViolations(violations)}`);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the accessibility check reports a known violation', async () => {
    // Guards the harness itself: a check that silently ran no rules would pass every page.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(
        '<!doctype html><html lang="en"><title>t</title><main><input type="text"></main></html>',
      );
      const violations = await checkAccessibility(page);
      assert.deepEqual(
        violations.map((violation) => [violation.id, violation.targets]),
        [['label', ['input']]],
        formatViolations(violations),
      );
    } finally {
      await context.close();
    }
  });

  describe('with JavaScript disabled', () => {
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      context = await browser.newContext({ javaScriptEnabled: false });
      page = await context.newPage();
    });

    after(async () => {
      await context?.close();
    });

    for (const entry of publicPages) {
      const path = pagePath('en', entry.path);
      it(`${entry.name} (${path}) answers ${entry.status} with its stylesheet and no script`, async () => {
        const { response, stylesheets } = await open(page, `${app.url}${path}`);
        assert.equal(response.status(), entry.status);
        await assertStylesheetLoaded(page, stylesheets);
        await assertNoScript(page);
      });
    }

    it('reaches the main content from the skip link, by keyboard', async () => {
      await open(page, `${app.url}/en/`);
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      assert.equal(await focused.getAttribute('class'), 'usa-skipnav');
      assert.equal(await focused.getAttribute('href'), '#main-content');
      assert.equal(await focused.textContent(), translations.for('en').t('common.skipLink'));

      await page.keyboard.press('Enter');
      await page.waitForURL(/#main-content$/);
      assert.equal(new URL(page.url()).hash, '#main-content');
      assert.equal(await page.locator(':focus').getAttribute('id'), 'main-content');
    });

    it('switches to Spanish from the language links and remembers the choice', async () => {
      await open(page, `${app.url}/en/`);
      const spanish = translations.for('es').t('common.languageName');
      const switcher = page.getByRole('navigation', {
        name: translations.for('en').t('common.languageSwitcherLabel'),
      });
      await switcher.getByRole('link', { name: spanish, exact: true }).click();
      await page.waitForURL(`${app.url}/es/`);
      assert.equal(new URL(page.url()).pathname, '/es/');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');

      const cookies = await context.cookies(app.url);
      const remembered = cookies.find((cookie) => cookie.name === languageCookie);
      assert.equal(remembered?.value, 'es');

      const { response } = await open(page, `${app.url}/`);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.equal(await page.locator('h1').textContent(), translations.for('es').t('home.title'));
    });
  });
});
