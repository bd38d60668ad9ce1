import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { AccountsService } from '../../src/modules/accounts/accounts.service.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { checkAccessibility, formatViolations, launchBrowser } from '../support/browser.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';

/**
 * Staff first sign-in in a browser without JavaScript, with axe on every
 * page: sign-in (and its refusal), new password, authenticator set-up, the
 * staff home page and signing out. The test stands in for the phone by
 * reading the key the enrolment page shows.
 */
describe('staff sign-in in a browser without JavaScript', () => {
  let app: RunningApp;
  let browser: Browser;
  let email: string;
  let oneTimePassword: string;

  before(async () => {
    app = await startRunningApp();
    browser = await launchBrowser();
    const accounts = new AccountsService(app.database.db);
    const organisation = await accounts.createOrganisation('northside', 'Northside Navigators');
    const created = await accounts.createStaffWithOneTimePassword({
      email: 'ayan@northside.example.org',
      displayName: 'Ayan Warsame',
      organisationId: organisation.id,
      role: 'supervisor',
    });
    email = created.email;
    oneTimePassword = created.oneTimePassword;
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function assertAccessible(page: Page, what: string) {
    const violations = await checkAccessibility(page);
    assert.equal(violations.length, 0, `${what}: axe found:\n${formatViolations(violations)}`);
  }

  async function submit(page: Page) {
    await page.locator('form.usa-form button[type="submit"]').click();
    await page.waitForLoadState('load');
  }

  it('signs in for the first time with a second factor, accessibly, then signs out', async () => {
    // Axe runs as a script in the page, so this context allows scripts; the
    // staff pages themselves have none and need none.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${app.url}/en/staff`);
      assert.match(page.url(), /\/en\/staff\/sign-in$/);
      await assertAccessible(page, 'sign-in');

      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill('not my password');
      await submit(page);
      assert.equal(await page.locator('.usa-alert--error').count(), 1);
      assert.equal(await page.locator('input[name="password"]').inputValue(), '');
      await assertAccessible(page, 'sign-in refused');

      await page.locator('input[name="password"]').fill(oneTimePassword);
      await submit(page);
      assert.match(page.url(), /\/en\/staff\/enrol$/);
      await page.locator('input[name="password"]').fill('password1');
      await page.locator('input[name="confirm"]').fill('password1');
      await submit(page);
      assert.equal(await page.locator('.usa-error-summary').count(), 1);
      await assertAccessible(page, 'new password refused');
      await page.locator('input[name="password"]').fill('four quiet rivers in spring');
      await page.locator('input[name="confirm"]').fill('four quiet rivers in spring');
      await submit(page);

      await assertAccessible(page, 'authenticator set-up');
      assert.equal(await page.locator('svg.staff-qr').count(), 1);
      const key = ((await page.locator('code.staff-secret').first().textContent()) ?? '').replace(
        /\s/g,
        '',
      );
      await page.locator('input[name="code"]').fill(totpCodeAt(key, new Date()));
      await submit(page);

      assert.match(page.url(), /\/en\/staff$/);
      await assertAccessible(page, 'staff home');
      const text = (await page.locator('main').textContent()) ?? '';
      assert.match(text, /Ayan Warsame/);
      assert.match(text, /Northside Navigators/);
      assert.match(text, /Supervisor/);

      await page.getByRole('link', { name: 'Sign out everywhere' }).click();
      await page.waitForLoadState('load');
      await assertAccessible(page, 'sign out everywhere');
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForLoadState('load');
      assert.match(page.url(), /\/en\/staff\/sign-in\?signed-out=everywhere$/);
      await assertAccessible(page, 'signed out');
    } finally {
      await context.close();
    }
  });
});
