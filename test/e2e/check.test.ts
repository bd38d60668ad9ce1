import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Translations } from '../../src/i18n/translator.ts';
import { assertAccessible, launchBrowser, withPage } from '../support/browser.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';

const translations = new Translations();

/**
 * The screener in a browser with JavaScript off: each page is a form post
 * carrying the answers, so only a real browser shows that Back, Change and
 * the list pages work, and axe checks the pages no address alone can reach
 * (test/support/public-pages.ts lists only the start and the first question).
 */
describe('screener journey in a browser', () => {
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

  async function fillDate(page: Page, name: string, iso: string) {
    const [year, month, day] = iso.split('-');
    await page.locator(`input[name="${name}.day"]`).fill(String(Number(day)));
    await page.locator(`input[name="${name}.month"]`).fill(String(Number(month)));
    await page.locator(`input[name="${name}.year"]`).fill(year ?? '');
  }

  async function choose(page: Page, name: string, value: string) {
    await page.locator(`input[name="${name}"][value="${value}"]`).check();
  }

  async function next(page: Page, locale: string) {
    await page
      .getByRole('button', { name: translations.for(locale as 'en').t('flow.continue') })
      .click();
    await page.waitForLoadState('load');
  }

  // axe runs in the page, so it needs JavaScript: the journey runs once
  // with JavaScript off (what the pages must work without) and, to check
  // every page with axe, in a left-to-right and a right-to-left language.
  const runs = [
    { locale: 'en', javaScript: false },
    { locale: 'es', javaScript: true },
    { locale: 'ar', javaScript: true },
  ] as const;
  for (const { locale, javaScript } of runs) {
    const mode = javaScript ? 'with axe' : 'with JavaScript off';
    it(`answers, goes back, changes and reaches the results in ${locale}, ${mode}`, async () => {
      const t = translations.for(locale);
      await withPage(browser, { javaScriptEnabled: javaScript }, async (page) => {
        await page.goto(`${app.url}/${locale}/check`);
        if (javaScript) await assertAccessible(page, 'start');
        await page.getByRole('link', { name: t.t('check.startButton') }).click();

        await fillDate(page, 'birthDate', '1980-01-01');
        await next(page, locale);
        // Malformed input: the page again, with its errors, accessible.
        await choose(page, 'livesInWashington', 'yes');
        await next(page, locale);
        await page.locator('input[name="stateResidenceSince.day"]').fill('45');
        await next(page, locale);
        assert.equal(await page.locator('.usa-error-summary').count(), 1);
        if (javaScript) await assertAccessible(page, 'question with an error');
        await fillDate(page, 'stateResidenceSince', '2015-01-01');
        await next(page, locale);

        // Back keeps the answers: the previous answer is still chosen.
        await page.getByRole('button', { name: t.t('check.back') }).click();
        await page.waitForLoadState('load');
        assert.equal(
          await page.locator('input[name="stateResidenceSince.year"]').inputValue(),
          '2015',
        );
        await next(page, locale);

        await choose(page, 'permanentResident', 'yes');
        await next(page, locale);
        await fillDate(page, 'lprDate', '2019-01-01');
        await next(page, locale);
        await choose(page, 'tripsAbroad', 'yes');
        await next(page, locale);
        // A list page: add a second trip, then leave it blank.
        await fillDate(page, 'trips.0.departed', '2022-06-01');
        await fillDate(page, 'trips.0.returned', '2022-07-01');
        await page.getByRole('button', { name: t.t('check.tripAdd') }).click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('input[name="trips.1.departed.day"]').count(), 1);
        if (javaScript) await assertAccessible(page, 'list page');
        await next(page, locale);
        await choose(page, 'spouse.isCitizen', 'no');
        await next(page, locale);
        await choose(page, 'servedInMilitary', 'no');
        await next(page, locale);
        await choose(page, 'hasChildren', 'no');
        await next(page, locale);
        await page.locator('input[name="householdSize"]').fill('3');
        await next(page, locale);
        await page.locator('input[name="householdIncome"]').fill('30000');
        await next(page, locale);
        await choose(page, 'receivesMeansTestedBenefit', 'no');
        await next(page, locale);
        await choose(page, 'excludedFromFederalRelief', 'no');
        await next(page, locale);
        await choose(page, 'experiencedHardship', 'yes');
        await next(page, locale);
        await choose(page, 'separatedThroughNoFault', 'no');
        await next(page, locale);

        assert.equal(await page.locator('h1').textContent(), t.t('check.resultsTitle'));
        assert.equal(await page.locator('script').count(), 0);
        if (javaScript) await assertAccessible(page, 'results');
        // The answers never reached the address bar.
        assert.ok(!page.url().includes('1980'));

        // Change an answer from the results, and come straight back to them.
        const row = page.locator('.usa-summary-list__row', {
          hasText: t.t('check.householdSizeTitle'),
        });
        await row.getByRole('button').click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('input[name="householdSize"]').inputValue(), '3');
        await page.locator('input[name="householdSize"]').fill('4');
        await next(page, locale);
        assert.equal(await page.locator('h1').textContent(), t.t('check.resultsTitle'));

        // From the results straight into an application: the journey that
        // test/e2e/apply-journeys.test.ts walks to the confirmation and status.
        const apply = page.locator(`a.usa-button[href^="/${locale}/apply/"]`).first();
        const href = (await apply.getAttribute('href')) ?? '';
        await apply.click();
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).pathname, href);
        assert.equal(await page.locator('form[action$="/start"] button').count(), 1);
      });
    });
  }
});
