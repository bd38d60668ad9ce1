import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { submitForm } from './browser.ts';

/** The pages of a first sign-in, each reached before the helper fills it in. */
export type FirstSignInStep = 'sign-in' | 'new-password' | 'authenticator';

export interface FirstSignIn {
  /** The running app's origin, e.g. `http://127.0.0.1:4321`. */
  baseUrl: string;
  /** The language of the pages; English when not given. */
  locale?: string;
  email: string;
  oneTimePassword: string;
  newPassword: string;
  /**
   * Called on each page before it is filled in, for a test to check the
   * page (axe) or try what it must refuse; it leaves the page where the
   * step can go on (the same form, after a refusal).
   */
  onStep?: (step: FirstSignInStep) => Promise<void>;
}

/**
 * A staff member's first sign-in in the browser, as a person does it: the
 * one-time password, a new password, then the authenticator set-up, where
 * the test stands in for the phone by reading the key the page shows.
 * Ends on the staff home page. Returns the key, so a later sign-in can
 * compute its codes.
 */
export async function firstStaffSignIn(
  page: Page,
  signIn: FirstSignIn,
): Promise<{ totpSecret: string }> {
  const { baseUrl, locale = 'en', onStep } = signIn;
  await page.goto(`${baseUrl}/${locale}/staff`);
  assert.match(page.url(), new RegExp(`/${locale}/staff/sign-in$`));
  await onStep?.('sign-in');
  await page.locator('input[name="email"]').fill(signIn.email);
  await page.locator('input[name="password"]').fill(signIn.oneTimePassword);
  await submitForm(page);

  assert.match(page.url(), new RegExp(`/${locale}/staff/enrol$`));
  await onStep?.('new-password');
  await page.locator('input[name="password"]').fill(signIn.newPassword);
  await page.locator('input[name="confirm"]').fill(signIn.newPassword);
  await submitForm(page);

  await onStep?.('authenticator');
  const totpSecret = (
    (await page.locator('code.staff-secret').first().textContent()) ?? ''
  ).replace(/\s/g, '');
  await page.locator('input[name="code"]').fill(totpCodeAt(totpSecret, new Date()));
  await submitForm(page);

  assert.match(page.url(), new RegExp(`/${locale}/staff$`));
  return { totpSecret };
}
