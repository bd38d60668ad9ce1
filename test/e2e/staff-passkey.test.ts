import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { AccountsService } from '../../src/modules/accounts/accounts.service.ts';
import { assertAccessible, launchBrowser, submitForm, withPage } from '../support/browser.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';
import { firstStaffSignIn } from '../support/staff-browser.ts';

const newPassword = 'amber tide over the sound';

/**
 * Chromium's own virtual authenticator (DevTools protocol, WebAuthn
 * domain) stands in for a phone's passkey: the page's script, the
 * browser's WebAuthn and the server's checks all run for real.
 */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

/**
 * Issue 6, item 1: a staff member adds a passkey and signs in with it
 * instead of a code, with axe on each page; without JavaScript the same
 * page offers only the code.
 */
describe('staff passkeys in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  /** WebAuthn needs a secure context and a domain: localhost, not 127.0.0.1. */
  let baseUrl: string;
  let email: string;
  let oneTimePassword: string;

  before(async () => {
    app = await startRunningApp();
    baseUrl = app.url.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
    const accounts = new AccountsService(app.database.db);
    const organisation = await accounts.createOrganisation('southside', 'Southside Navigators');
    const created = await accounts.createStaffWithOneTimePassword({
      email: 'hoa@southside.example.org',
      displayName: 'Hoa Nguyen',
      organisationId: organisation.id,
      role: 'navigator',
    });
    email = created.email;
    oneTimePassword = created.oneTimePassword;
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signInWithPassword(page: Page) {
    await page.goto(`${baseUrl}/en/staff/sign-in`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(newPassword);
    await submitForm(page);
    assert.match(page.url(), /\/en\/staff\/second-factor$/);
  }

  it('adds a passkey, then finishes sign-in with it', async () => {
    await withPage(browser, async (page) => {
      await addVirtualAuthenticator(page);
      await firstStaffSignIn(page, { baseUrl, email, oneTimePassword, newPassword });

      await page.getByRole('link', { name: 'Passkeys' }).click();
      await page.waitForLoadState('load');
      assert.match(page.url(), /\/en\/staff\/passkeys$/);
      const add = page.getByRole('button', { name: 'Add a passkey' });
      await add.waitFor({ state: 'visible' });
      assert.equal(await page.locator('[data-passkey-unsupported]').isVisible(), false);
      await assertAccessible(page, 'passkeys, none yet');
      await Promise.all([page.waitForURL(/done=added$/), add.click()]);
      assert.match(
        (await page.locator('.usa-alert--success').textContent()) ?? '',
        /Passkey added/,
      );
      assert.equal(await page.locator('tbody tr').count(), 1);
      await assertAccessible(page, 'passkeys, one added');

      await page.goto(`${baseUrl}/en/staff`);
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForLoadState('load');
      assert.match(page.url(), /\/en\/staff\/sign-in\?signed-out=1$/);

      await signInWithPassword(page);
      const use = page.getByRole('button', { name: 'Use a passkey' });
      await use.waitFor({ state: 'visible' });
      await assertAccessible(page, 'second factor with a passkey');
      await Promise.all([page.waitForURL(/\/en\/staff$/), use.click()]);
      assert.match((await page.locator('h1').textContent()) ?? '', /staff/i);

      await page.goto(`${baseUrl}/en/staff/passkeys`);
      assert.doesNotMatch((await page.locator('tbody').textContent()) ?? '', /Not used yet/);
    });
  });

  // Runs after the test above, whose staff member now has a passkey to offer.
  it('then offers only the code when JavaScript is off', async () => {
    await withPage(browser, { javaScriptEnabled: false }, async (page) => {
      await signInWithPassword(page);
      assert.equal(await page.locator('form[data-passkey]').count(), 1, 'the form is there');
      assert.equal(await page.locator('form[data-passkey]').isVisible(), false, 'but hidden');
      assert.equal(await page.locator('[data-passkey-unsupported]').isVisible(), true);
      assert.equal(await page.locator('input[name="code"]').isVisible(), true);
    });
  });
});
