import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { AccountsService } from '../../src/modules/accounts/accounts.service.ts';
import { exampleAnswers } from '../../src/programs/tps/flow.ts';
import { assertAccessible, launchBrowser, submitForm, withPage } from '../support/browser.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';
import { firstStaffSignIn } from '../support/staff-browser.ts';

/**
 * Issue 6's journey in a browser: a caseworker signs in with a second
 * factor, claims the next case, asks the applicant for information, the
 * applicant sees it on the status page, the caseworker decides, and the
 * letter is in the applicant's language (Spanish). Axe on every staff page.
 */
describe('a caseworker decides a case, in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let email: string;
  let oneTimePassword: string;

  before(async () => {
    app = await startRunningApp();
    browser = await launchBrowser();
    const accounts = new AccountsService(app.database.db);
    const organisation = await accounts.createOrganisation('eastside', 'Eastside Legal Clinic');
    await app.database.db
      .insertInto('organisation_programs')
      .values({ organisation_id: organisation.id, program: 'tps' })
      .execute();
    const created = await accounts.createStaffWithOneTimePassword({
      email: 'lucia@eastside.example.org',
      displayName: 'Lucía Torres',
      organisationId: organisation.id,
      role: 'caseworker',
    });
    email = created.email;
    oneTimePassword = created.oneTimePassword;
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function press(page: Page, name: string | RegExp) {
    await page.getByRole('button', { name }).first().click();
    await page.waitForLoadState('load');
  }

  it('signs in with a second factor, claims, asks, decides, and writes to the applicant in Spanish', async () => {
    // An applicant writes in Spanish through the partner API.
    const created = await fetch(`${app.url}/api/v1/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'journey-1',
        'accept-language': 'es',
      },
      body: JSON.stringify({ program: 'tps', answers: exampleAnswers }),
    });
    assert.equal(created.status, 201);
    const receipt = (await created.json()) as { reference: string; claimCode: string };

    await withPage(browser, async (page) => {
      await firstStaffSignIn(page, {
        baseUrl: app.url,
        email,
        oneTimePassword,
        newPassword: 'seven bright lanterns by the river',
      });

      await page.goto(`${app.url}/en/staff/queue`);
      await assertAccessible(page, 'queue');
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(receipt.reference));
      await press(page, 'Claim the next case');
      assert.match(page.url(), /\/en\/staff\/cases\/[0-9a-f-]{36}$/);
      await assertAccessible(page, 'case review');
      assert.match((await page.locator('main').textContent()) ?? '', /José/);

      const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await page.locator('#request-message').fill('Envíe una copia de su pasaporte.');
      await page.locator('input[name="dueOn"]').fill(due);
      await press(page, 'Send the request');

      // The applicant sees the request on the status page, in Spanish.
      await withPage(browser, async (status) => {
        await status.goto(`${app.url}/es/status`);
        await status.locator('input[name="reference"]').fill(receipt.reference);
        await status.locator('input[name="claimCode"]').fill(receipt.claimCode);
        await submitForm(status);
        const shown = (await status.locator('main').textContent()) ?? '';
        assert.match(shown, /Envíe una copia de su pasaporte\./);
        assert.doesNotMatch(shown, /José|Example/);
        await assertAccessible(status, 'status with a request');
      });

      await press(page, 'The applicant answered: back to review');
      await page.locator('input[name="outcome"][value="approved"]').check();
      await page.locator('#decision-text').fill('Su solicitud está completa.');
      await press(page, 'Record the decision');
      await assertAccessible(page, 'decided case');
      await page.getByRole('link', { name: 'Letter to the applicant' }).click();
      await page.waitForLoadState('load');
      const letter = page.locator('article.belong-letter');
      assert.equal(await letter.getAttribute('lang'), 'es');
      const text = (await letter.textContent()) ?? '';
      assert.match(text, /Su solicitud está completa\./);
      assert.match(text, /José Example/);
      assert.match(text, new RegExp(receipt.reference));
      await assertAccessible(page, 'letter');
    });
  });
});
