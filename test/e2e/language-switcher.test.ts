import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { supportedLocales } from '../../src/i18n/locales.ts';
import { Translations } from '../../src/i18n/translator.ts';
import { checkAccessibility, formatViolations, launchBrowser } from '../support/browser.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';

const translations = new Translations();
const names = supportedLocales.map((locale) => translations.for(locale).t('common.languageName'));
const switcherName = translations.for('en').t('common.languageSwitcherLabel');

/**
 * Twelve languages on a small phone: the switcher folds into a disclosure
 * that opens without JavaScript; on a wide screen every language shows.
 */
describe('language switcher', () => {
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

  it('folds on a 360 px phone and opens without JavaScript', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/en/`);
      const switcher = page.getByRole('navigation', { name: switcherName });
      const vietnamese = switcher.getByRole('link', { name: 'Tiếng Việt', exact: true });
      assert.equal(await vietnamese.isVisible(), false, 'the list starts folded');
      const header = await page.locator('header').boundingBox();
      assert.ok(header && header.height < 200, `the header is ${header?.height} px tall`);

      await switcher.locator('summary').click();
      for (const name of names) {
        assert.ok(await switcher.getByRole('link', { name, exact: true }).isVisible(), name);
      }

      await vietnamese.click();
      await page.waitForURL(`${app.url}/vi/`);
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    } finally {
      await context.close();
    }
  });

  it('passes axe on a phone, folded and open', async () => {
    // axe runs as a script, so this page has JavaScript; the page uses none.
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/am/`);
      for (const state of ['folded', 'open']) {
        if (state === 'open') await page.locator('nav summary').click();
        const violations = await checkAccessibility(page);
        assert.equal(violations.length, 0, `${state}, axe found:\n${formatViolations(violations)}`);
      }
    } finally {
      await context.close();
    }
  });

  it('shows every language at once on a wide screen, with no toggle', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/zh-Hant/`);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
      const switcher = page.getByRole('navigation', {
        name: translations.for('zh-Hant').t('common.languageSwitcherLabel'),
      });
      assert.equal(await switcher.locator('summary').isVisible(), false);
      for (const name of names) {
        assert.ok(await switcher.getByRole('link', { name, exact: true }).isVisible(), name);
      }
      const current = switcher.locator('a[aria-current="true"]');
      assert.equal(await current.getAttribute('href'), '/zh-Hant/');
    } finally {
      await context.close();
    }
  });

  it('answers a Taiwanese browser in Traditional Chinese and a Filipino one in Tagalog', async () => {
    for (const [header, expected] of [
      ['zh-TW,zh;q=0.9,en;q=0.5', 'zh-Hant'],
      ['zh-CN,zh;q=0.9', 'zh-Hans'],
      ['fil-PH,en;q=0.5', 'tl'],
    ] as const) {
      const context = await browser.newContext({ extraHTTPHeaders: { 'accept-language': header } });
      try {
        const page = await context.newPage();
        await page.goto(`${app.url}/`);
        assert.equal(await page.getAttribute('html', 'lang'), expected, header);
      } finally {
        await context.close();
      }
    }
  });
});
