import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { AccountsService } from '../../src/modules/accounts/accounts.service.ts';
import { assertAccessible, launchBrowser, submitForm, withPage } from '../support/browser.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';
import { firstStaffSignIn } from '../support/staff-browser.ts';

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

  it('signs in for the first time with a second factor, accessibly, then signs out', async () => {
    // Axe runs as a script in the page, so this context allows scripts; the
    // staff pages themselves have none and need none.
    await withPage(browser, async (page) => {
      // The walk itself (and its checks of where each step lands) is the
      // helper's; at each page this test checks axe and what must be refused.
      await firstStaffSignIn(page, {
        baseUrl: app.url,
        email,
        oneTimePassword,
        newPassword: 'four quiet rivers in spring',
        onStep: async (step) => {
          if (step === 'sign-in') {
            await assertAccessible(page, 'sign-in');
            await page.locator('input[name="email"]').fill(email);
            await page.locator('input[name="password"]').fill('not my password');
            await submitForm(page);
            assert.equal(await page.locator('.usa-alert--error').count(), 1);
            assert.equal(await page.locator('input[name="email"]').inputValue(), email);
            assert.equal(await page.locator('input[name="password"]').inputValue(), '');
            await assertAccessible(page, 'sign-in refused');
          } else if (step === 'new-password') {
            await page.locator('input[name="password"]').fill('password1');
            await page.locator('input[name="confirm"]').fill('password1');
            await submitForm(page);
            assert.equal(await page.locator('.usa-error-summary').count(), 1);
            await assertAccessible(page, 'new password refused');
          } else {
            await assertAccessible(page, 'authenticator set-up');
            assert.equal(await page.locator('svg.staff-qr').count(), 1);
          }
        },
      });

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
    });
  });

  it('changes the signed-in staff member’s own password, accessibly', async () => {
    const accounts = new AccountsService(app.database.db);
    const organisation = await accounts.createOrganisation('southside', 'Southside Clinic');
    const staff = await accounts.createStaffWithOneTimePassword({
      email: 'minh@southside.example.org',
      displayName: 'Minh Tran',
      organisationId: organisation.id,
      role: 'navigator',
    });
    const chosen = 'five slow barges upriver';
    const next = 'a kettle sings at midnight';
    await withPage(browser, async (page) => {
      await firstStaffSignIn(page, {
        baseUrl: app.url,
        email: staff.email,
        oneTimePassword: staff.oneTimePassword,
        newPassword: chosen,
      });
      await page.getByRole('link', { name: 'Change your password' }).click();
      await page.waitForLoadState('load');
      assert.match(page.url(), /\/en\/staff\/password$/);
      await assertAccessible(page, 'change password');

      await page.locator('input[name="current"]').fill('not my password');
      await page.locator('input[name="password"]').fill(next);
      await page.locator('input[name="confirm"]').fill(next);
      await submitForm(page);
      assert.equal(await page.locator('.usa-error-summary').count(), 1);
      for (const name of ['current', 'password', 'confirm']) {
        assert.equal(await page.locator(`input[name="${name}"]`).inputValue(), '');
      }
      await assertAccessible(page, 'change password refused');

      await page.locator('input[name="current"]').fill(chosen);
      await page.locator('input[name="password"]').fill(next);
      await page.locator('input[name="confirm"]').fill(next);
      await submitForm(page);
      assert.match(page.url(), /\/en\/staff\?password-changed=1$/);
      assert.equal(await page.locator('.usa-alert--success').count(), 1);
      await assertAccessible(page, 'password changed');
    });
  });
});
