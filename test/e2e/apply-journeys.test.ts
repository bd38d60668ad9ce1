import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { applicationFlows } from '../../src/flow/application-flows.ts';
import { checkAnswerRows, pageByKey } from '../../src/flow/flow.ts';
import type { FlowAnswers, FlowDefinition } from '../../src/flow/flow-definition.ts';
import { type SupportedLocale, supportedLocales } from '../../src/i18n/locales.ts';
import { Translations } from '../../src/i18n/translator.ts';
import { formatAnswer } from '../../src/web/components/flow-page.tsx';
import {
  type AxeViolation,
  checkAccessibility,
  formatViolations,
  launchBrowser,
  loadAxe,
  runAxe,
} from '../support/browser.ts';
import { chooseRadio, skipToMain, tabTo, tick, typeInto } from '../support/keyboard.ts';
import { type RunningApp, startRunningApp } from '../support/running-app.ts';
import { formFor } from '../support/visitor.ts';

/*
 * The application journey of issue 5 in a real browser, by keyboard only
 * in English and Spanish (with JavaScript and without), filled in directly
 * in the other ten languages (without JavaScript):
 * start page, every question of the flow answered with the program's
 * example, check your answers, the declaration, the confirmation's
 * reference and claim code, and the status page they open. Every page is
 * checked with axe (WCAG 2.2 AA) and weighed (HTML as served, gzip, with
 * the stylesheet: at most 30 KB). Then the promises a person on a bad
 * connection relies on: a reload, the back button, a double press of
 * "Send" and a lost connection lose nothing and make no second case.
 *
 * With JavaScript disabled axe cannot run in the page (it needs timers),
 * so the page as served is checked again, byte for byte at its own address,
 * in a page with JavaScript: the markup is the same either way, since no
 * Belong page changes its markup from a script.
 */

const translations = new Translations();
const budgetBytes = 30 * 1024;
const programs = [...applicationFlows.keys()];
const keyboardLocales: SupportedLocale[] = ['en', 'es'];
const otherLocales = supportedLocales.filter((locale) => !keyboardLocales.includes(locale));

let app: RunningApp;
let browser: Browser;
/** The stylesheet every page links, gzip-compressed, in bytes. */
let stylesheetBytes = 0;
/** Axe results by page markup (without its per-browser CSRF token): the same markup checks the same. */
const axeResults = new Map<string, Promise<AxeViolation[]>>();

before(async () => {
  app = await startRunningApp();
  browser = await launchBrowser();
  const home = await fetch(`${app.url}/en/`);
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(await home.text())?.[1];
  assert.ok(href, 'the home page links its stylesheet');
  stylesheetBytes = gzipSync(await (await fetch(`${app.url}${href}`)).text()).length;
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** What one journey needs: its page, its language, and the problems found on the way. */
interface Journey {
  context: BrowserContext;
  page: Page;
  /** A context of its own, with JavaScript, for the auditor. */
  auditContext: BrowserContext;
  locale: SupportedLocale;
  program: string;
  flow: FlowDefinition;
  answers: FlowAnswers;
  javaScript: boolean;
  /** Keyboard only (Tab, arrows, Space, Enter), or filled in directly where that is not the point. */
  keyboard: boolean;
  /** Where the journey's pages are checked with axe (see Auditor). */
  auditor: Auditor;
  /** Axe violations and pages over budget, by page: reported together at the end. */
  problems: string[];
  /** Every page checked, by path, in order. */
  visited: string[];
}

/** The DOM members the auditor uses in the page (the project compiles without the DOM library). */
interface WritableDocument {
  document: {
    open(): void;
    write(markup: string): void;
    close(): void;
    querySelectorAll(selector: string): Iterable<{
      sheet: unknown;
      addEventListener(type: string, listener: (event: unknown) => void): void;
    }>;
  };
}

/**
 * Checks pages with axe as they were served. Axe is loaded once into a page
 * with JavaScript, and each page's markup is written into that document in
 * turn (`document.open` keeps the window, so axe stays loaded): the same
 * elements, the same stylesheet, a third of the time of loading axe again
 * for every page.
 */
class Auditor {
  private constructor(private readonly page: Page) {}

  static async open(context: BrowserContext): Promise<Auditor> {
    const page = await context.newPage();
    // Any page of the app: the stylesheet each page links resolves against it.
    await page.goto(`${app.url}/en/status`, { waitUntil: 'load' });
    await loadAxe(page);
    return new Auditor(page);
  }

  async check(html: string): Promise<AxeViolation[]> {
    await this.page.evaluate(async (markup) => {
      const { document } = globalThis as unknown as WritableDocument;
      document.open();
      document.write(markup);
      document.close();
      await Promise.all(
        [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
          link.sheet
            ? undefined
            : new Promise((settled) => {
                link.addEventListener('load', settled);
                link.addEventListener('error', settled);
              }),
        ),
      );
    }, html);
    return runAxe(this.page);
  }
}

async function newJourney(
  locale: SupportedLocale,
  program: string,
  javaScript: boolean,
  keyboard = true,
): Promise<Journey> {
  const entry = applicationFlows.get(program);
  assert.ok(entry, program);
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const auditContext = await browser.newContext();
  const journey: Journey = {
    context,
    page: await context.newPage(),
    locale,
    program,
    flow: entry.flow,
    answers: entry.exampleAnswers,
    javaScript,
    keyboard,
    auditContext,
    auditor: await Auditor.open(auditContext),
    problems: [],
    visited: [],
  };
  return journey;
}

async function closeJourney(journey: Journey): Promise<void> {
  await Promise.all([journey.context.close(), journey.auditContext.close()]);
}

function isDocument(page: Page) {
  return (response: Response) =>
    response.request().isNavigationRequest() &&
    response.frame() === page.mainFrame() &&
    (response.status() < 300 || response.status() >= 400);
}

/** Does `act` (a key press) and waits for the page it leads to: its response, loaded. */
async function navigating(page: Page, act: () => Promise<void>): Promise<Response> {
  const response = page.waitForResponse(isDocument(page));
  const loaded = page.waitForEvent('load');
  await act();
  const [document] = await Promise.all([response, loaded]);
  return document;
}

/** The path (and query) a journey is on, for messages. */
function where(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/**
 * The checks every page gets: the status, the language, the weight, and
 * axe. Problems are collected rather than thrown, so one run reports every
 * page that fails, not the first.
 */
async function checkPage(journey: Journey, response: Response, status = 200): Promise<void> {
  const { page, locale } = journey;
  const path = where(page);
  journey.visited.push(path);
  assert.equal(response.status(), status, `${path} answers ${status}`);
  assert.equal(await page.getAttribute('html', 'lang'), locale, `${path} is in ${locale}`);

  // The page as the browser received it, gzip-compressed as the server sends it.
  const body = await response.body();
  const htmlBytes = gzipSync(body).length;
  if (htmlBytes + stylesheetBytes > budgetBytes) {
    journey.problems.push(
      `${path} (${locale}): ${htmlBytes} + ${stylesheetBytes} bytes of HTML and CSS, over ${budgetBytes}`,
    );
  }

  const html = body.toString('utf8');
  const key = createHash('sha256')
    .update(html.replace(/name="_csrf" value="[^"]*"/g, ''))
    .digest('hex');
  let result = axeResults.get(key);
  if (/<script/i.test(html) && journey.javaScript) {
    // A script may change the page: check it live, as it is now.
    result = checkAccessibility(page);
  } else if (!result) {
    result = journey.auditor.check(html);
    axeResults.set(key, result);
  }
  const violations = await result;
  if (violations.length > 0) {
    journey.problems.push(`${path} (${locale}):\n${formatViolations(violations)}`);
  }
}

/** Opens an address as a person typing it would, and checks the page. */
async function visit(journey: Journey, path: string, status = 200): Promise<void> {
  const response = await journey.page.goto(`${app.url}${path}`, { waitUntil: 'load' });
  assert.ok(response, `no response for ${path}`);
  await checkPage(journey, response, status);
}

/** From the top of a page: the skip link, unless the address already points into the page. */
async function startOfPage(journey: Journey): Promise<void> {
  if (journey.keyboard && new URL(journey.page.url()).hash === '') await skipToMain(journey.page);
}

/** Presses `key` on a button reached by Tab, and checks the page it leads to. */
async function press(
  journey: Journey,
  selector: string,
  key: 'Enter' | 'Space' = 'Enter',
  status = 200,
): Promise<void> {
  const { page } = journey;
  const button = page.locator(selector);
  assert.equal(await button.count(), 1, `one ${selector} on ${where(page)}`);
  if (journey.keyboard) await tabTo(page, button);
  const act = journey.keyboard ? () => page.keyboard.press(key) : () => button.press(key);
  await checkPage(journey, await navigating(page, act), status);
}

const questionForm = 'main form.usa-form[method="post"]';
const continueButton = `${questionForm} .flow-actions button[type="submit"]`;

/** The item index of a repeating page's field name (`trips.2.returned` → 2), or -1. */
function itemIndex(name: string, listPath: string | undefined): number {
  if (!listPath || !name.startsWith(`${listPath}.`)) return -1;
  return Number(name.slice(listPath.length + 1).split('.')[0]);
}

/** Types or chooses one form field's value, by keyboard. */
async function answerField(journey: Journey, name: string, value: string): Promise<void> {
  const { page } = journey;
  const form = page.locator(questionForm);
  const input = form.locator(`[name="${name}"]`);
  assert.ok((await input.count()) > 0, `${where(page)} has a field ${name}`);
  const radio = (await input.first().getAttribute('type')) === 'radio';
  if (!journey.keyboard) {
    if (radio) await form.locator(`[name="${name}"][value="${value}"]`).check();
    else await input.fill(value);
  } else if (radio) {
    await chooseRadio(page, form, name, value);
  } else {
    await typeInto(page, input, value);
  }
}

/** Whether the form still shows `value` for `name`: what was typed is not lost. */
async function assertShown(journey: Journey, name: string, value: string): Promise<void> {
  const form = journey.page.locator(questionForm);
  const input = form.locator(`[name="${name}"]`);
  if ((await input.first().getAttribute('type')) === 'radio') {
    assert.ok(
      await form.locator(`[name="${name}"][value="${value}"]`).isChecked(),
      `${where(journey.page)}: ${name} is still ${value}`,
    );
  } else {
    assert.equal(await input.inputValue(), value, `${where(journey.page)}: ${name}`);
  }
}

/** The flow page the journey is on. */
function currentFlowPage(journey: Journey) {
  const key = new URL(journey.page.url()).pathname.split('/').at(-1) ?? '';
  const flowPage = pageByKey(journey.flow, key);
  assert.ok(flowPage, `${where(journey.page)} is a page of the ${journey.program} flow`);
  return flowPage;
}

/**
 * Answers the question page the journey is on with the example answers,
 * by keyboard; on a repeating page, "Add another" until every item of the
 * example has its place. Stops before Continue.
 */
async function fillQuestion(journey: Journey): Promise<[string, string][]> {
  const { page } = journey;
  const flowPage = currentFlowPage(journey);
  const entries = formFor(flowPage, journey.answers);
  const listPath = flowPage.repeat?.path;
  const needed = Math.max(1, ...entries.map(([name]) => itemIndex(name, listPath) + 1));
  let filled = 0;
  for (;;) {
    await startOfPage(journey);
    const shown = listPath ? await page.locator(`${questionForm} fieldset.flow-item`).count() : 1;
    for (const [name, value] of entries) {
      const index = itemIndex(name, listPath);
      if (index < 0 ? filled === 0 : index >= filled && index < shown) {
        await answerField(journey, name, value);
      }
    }
    filled = shown;
    if (filled >= needed) break;
    await press(journey, `${questionForm} button[name="add"]`);
  }
  // Everything typed is still there after each "Add another".
  for (const [name, value] of entries) await assertShown(journey, name, value);
  return entries;
}

/** From the start page to check your answers, every page answered by keyboard. */
async function answerEveryPage(journey: Journey): Promise<void> {
  const { page, locale, program } = journey;
  await visit(journey, `/${locale}/apply/${program}`);
  await startOfPage(journey);
  await press(journey, `main form[action="/${locale}/apply/${program}/start"] button`);
  for (let step = 0; step < 40 && !page.url().endsWith('/check-answers'); step++) {
    await fillQuestion(journey);
    await press(journey, continueButton);
  }
  assert.match(where(page), /\/check-answers$/, 'every page answered leads to check your answers');
}

/** Check your answers shows every example answer, as the person's language writes it. */
async function assertAnswersKept(journey: Journey): Promise<void> {
  const t = translations.for(journey.locale);
  const expected = checkAnswerRows(journey.flow, journey.answers).map((row) =>
    formatAnswer(t, row),
  );
  const shown = await journey.page.locator('main .usa-summary-list__value').allTextContents();
  assert.deepEqual(
    shown.map((text) => text.trim()),
    expected,
    `${where(journey.page)} shows every answer given`,
  );
}

/** Ticks the declaration and sends, by keyboard; returns the confirmation's codes. */
async function declareAndSend(journey: Journey): Promise<{ reference: string; claimCode: string }> {
  const { page } = journey;
  await startOfPage(journey);
  const declaration = page.locator('main input#declaration');
  if (journey.keyboard) await tick(page, declaration);
  else await declaration.check();
  await press(journey, 'main form[action$="/check-answers"] button[type="submit"]', 'Space');
  assert.match(where(page), /\/confirmation$/);
  return confirmationCodes(page);
}

async function confirmationCodes(page: Page): Promise<{ reference: string; claimCode: string }> {
  const codes = (await page.locator('main .belong-code').allTextContents()).map((code) =>
    code.trim(),
  );
  const reference = codes.find((code) => /^BLG-/.test(code));
  const claimCode = codes.find((code) => /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code));
  assert.ok(
    reference && claimCode,
    `the confirmation shows a reference and a claim code: ${codes}`,
  );
  return { reference, claimCode };
}

/** Follows the confirmation's status link and opens the case with its codes, by keyboard. */
async function openStatus(
  journey: Journey,
  codes: { reference: string; claimCode: string },
): Promise<void> {
  const { page, locale } = journey;
  await startOfPage(journey);
  await press(journey, `main a[href="/${locale}/status"]`);
  await startOfPage(journey);
  await answerField(journey, 'reference', codes.reference);
  await answerField(journey, 'claimCode', codes.claimCode);
  await press(journey, continueButton);
  const main = (await page.locator('main').textContent()) ?? '';
  assert.ok(main.includes(codes.reference), 'the status page names the case');
  const applicant = journey.answers.applicant as Record<string, string>;
  for (const personal of [applicant.givenName, applicant.familyName, codes.claimCode]) {
    assert.ok(
      !main.includes(personal ?? ''),
      `the status page shows nothing personal (${personal})`,
    );
  }
}

function assertNoProblems(journey: Journey): void {
  assert.deepEqual(
    journey.problems,
    [],
    `${journey.problems.length} problem(s) on ${journey.visited.length} pages:\n${journey.problems.join('\n')}`,
  );
}

/** The whole journey: start, every page, check, send, confirmation, status. */
async function applyAndTrack(journey: Journey): Promise<void> {
  await answerEveryPage(journey);
  await assertAnswersKept(journey);
  const codes = await declareAndSend(journey);
  await openStatus(journey, codes);
  assertNoProblems(journey);
}

describe('application journeys', { concurrency: 4 }, () => {
  for (const locale of keyboardLocales) {
    for (const program of programs) {
      for (const javaScript of [false, true]) {
        it(`${program} in ${locale}, JavaScript ${javaScript ? 'on' : 'off'}: start to status, axe and weight on every page`, async () => {
          const journey = await newJourney(locale, program, javaScript);
          try {
            await applyAndTrack(journey);
          } finally {
            await closeJourney(journey);
          }
        });
      }
    }
  }

  // Every other language walks one program, in turn, so each program is
  // walked in several languages and the suite stays within minutes. Every
  // page's template is the same across languages; what changes is the
  // text, which the page-weight and pseudo-locale tests also cover.
  otherLocales.forEach((locale, index) => {
    const program = programs[index % programs.length] as (typeof programs)[number];
    it(`${program} in ${locale}, JavaScript off, not by keyboard: start to status, axe and weight on every page`, async () => {
      const journey = await newJourney(locale, program, false, false);
      try {
        await applyAndTrack(journey);
      } finally {
        await closeJourney(journey);
      }
    });
  });
});

/** Cases stored, all programs: the reliability tests run one at a time to count them. */
async function caseCount(): Promise<number> {
  const row = await app.database.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The browser's back button, pressed until it leaves the page it is on
 * (following the skip link adds an entry for the same page) for a page the
 * browser fetches again, which it checks.
 */
async function back(journey: Journey): Promise<void> {
  const { page } = journey;
  const from = page.url().split('#')[0];
  for (let presses = 0; presses < 5; presses++) {
    const response = await page.goBack({ waitUntil: 'load' });
    // Left: another page, or the same address fetched again (a redirect back to it).
    const left = response !== null || page.url().split('#')[0] !== from;
    if (left && page.url().startsWith(app.url)) {
      if (response) await checkPage(journey, response);
      return;
    }
  }
  assert.fail(`the back button did not leave ${from}`);
}

/** Tabs to the page's submit button and presses Enter while the connection is down: it fails. */
async function pressOffline(journey: Journey, selector: string): Promise<void> {
  const { page, context } = journey;
  await tabTo(page, page.locator(selector));
  await context.setOffline(true);
  try {
    const failed = page.waitForEvent('requestfailed', (request) => request.isNavigationRequest());
    await page.keyboard.press('Enter');
    const request = await failed;
    assert.equal(request.method(), 'POST', 'the form post is what failed');
  } finally {
    await context.setOffline(false);
  }
  assert.ok(!page.url().startsWith(app.url), `the browser shows its own error page: ${page.url()}`);
}

/** Goes on from wherever the journey is to check your answers, answering each page. */
async function answerTheRest(journey: Journey): Promise<void> {
  for (let step = 0; step < 40 && !journey.page.url().endsWith('/check-answers'); step++) {
    await fillQuestion(journey);
    await press(journey, continueButton);
  }
  assert.match(where(journey.page), /\/check-answers$/);
}

/** Starts an application and answers its first `pages` pages. */
async function startAndAnswer(journey: Journey, pages: number): Promise<void> {
  const { locale, program } = journey;
  await visit(journey, `/${locale}/apply/${program}`);
  await startOfPage(journey);
  await press(journey, `main form[action="/${locale}/apply/${program}/start"] button`);
  for (let answered = 0; answered < pages; answered++) {
    await fillQuestion(journey);
    await press(journey, continueButton);
  }
}

describe('a reload, the back button, a double send and a lost connection', () => {
  it('a reload and the back button lose nothing, and make no second case', async () => {
    const journey = await newJourney('en', 'naturalization', true);
    try {
      const { page } = journey;
      const cases = await caseCount();
      await startAndAnswer(journey, 3);
      const reached = where(page);

      // A reload on a question page: the same page, nothing saved is lost.
      const reloaded = await page.reload({ waitUntil: 'load' });
      assert.ok(reloaded);
      await checkPage(journey, reloaded);
      assert.equal(where(page), reached);

      // Back: the page before shows what was sent from it; Continue goes on as before.
      await back(journey);
      for (const [name, value] of formFor(currentFlowPage(journey), journey.answers)) {
        await assertShown(journey, name, value);
      }
      await startOfPage(journey);
      await press(journey, continueButton);
      assert.equal(where(page), reached);

      await answerTheRest(journey);
      const again = await page.reload({ waitUntil: 'load' });
      assert.ok(again);
      await checkPage(journey, again);
      await assertAnswersKept(journey);
      const codes = await declareAndSend(journey);

      // A reload of the confirmation, and back to the form that sent it: the same case.
      await page.reload({ waitUntil: 'load' });
      assert.deepEqual(await confirmationCodes(page), codes);
      await back(journey);
      if (page.url().endsWith('/check-answers')) await declareAndSend(journey);
      assert.match(where(page), /\/confirmation$/);
      assert.equal((await confirmationCodes(page)).reference, codes.reference);
      assert.equal(await caseCount(), cases + 1, 'one case');
      await openStatus(journey, codes);
      assertNoProblems(journey);
    } finally {
      await closeJourney(journey);
    }
  });

  it('Enter pressed twice on "Send application" makes one case', async () => {
    const journey = await newJourney('en', 'tps', true);
    try {
      const { page } = journey;
      const cases = await caseCount();
      await answerEveryPage(journey);
      await startOfPage(journey);
      await tick(page, page.locator('main input#declaration'));
      await tabTo(page, page.locator('main form[action$="/check-answers"] button[type="submit"]'));
      await navigating(page, async () => {
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
      });
      await page.waitForURL(/\/confirmation$/);
      const codes = await confirmationCodes(page);
      assert.equal(await caseCount(), cases + 1, 'one case');
      await openStatus(journey, codes);
      assertNoProblems(journey);
    } finally {
      await closeJourney(journey);
    }
  });

  it('two sends of the same form at once make one case, and both answer with it', async () => {
    const journey = await newJourney('es', 'wa-relief', true);
    try {
      const { page } = journey;
      const cases = await caseCount();
      await answerEveryPage(journey);
      await startOfPage(journey);
      await tick(page, page.locator('main input#declaration'));
      // Two posts of the form, in flight together, from the page itself (its cookies, its token).
      const pages = await page.evaluate(async () => {
        const { document, fetch, FormData } = globalThis as unknown as {
          document: { querySelector(selector: string): { action: string } };
          fetch: (url: string, init: object) => Promise<{ url: string; text(): Promise<string> }>;
          FormData: new (form: unknown) => unknown;
        };
        const form = document.querySelector('main form[method="post"][action$="/check-answers"]');
        // Inline: a named function here would need a helper the page does not have.
        const answers = await Promise.all(
          [1, 2].map(() => fetch(form.action, { method: 'POST', body: new FormData(form) })),
        );
        return Promise.all(answers.map(async (answer) => [answer.url, await answer.text()]));
      });
      const references = pages.map(([url, html]) => {
        assert.match(url ?? '', /\/confirmation$/);
        return /belong-code"[^>]*>(BLG-[^<]+)</.exec(html ?? '')?.[1];
      });
      assert.ok(references[0]);
      assert.equal(references[1], references[0], 'both sends answer with the same case');
      assert.equal(await caseCount(), cases + 1, 'one case');

      // The person's own page, reloaded, shows that case too.
      await page.goto(`${app.url}/es/apply/wa-relief/confirmation`);
      const codes = await confirmationCodes(page);
      assert.equal(codes.reference, references[0]);
      await openStatus(journey, codes);
      assertNoProblems(journey);
    } finally {
      await closeJourney(journey);
    }
  });

  it('a lost connection while sending a page or the application loses nothing and makes one case', async () => {
    const journey = await newJourney('en', 'wage-replacement', true);
    try {
      const { page } = journey;
      const cases = await caseCount();
      await startAndAnswer(journey, 2);
      const reached = where(page);

      // The connection drops as a page is sent: the browser says so; back, and send it again.
      await fillQuestion(journey);
      await pressOffline(journey, continueButton);
      await back(journey);
      assert.equal(where(page), reached);
      await fillQuestion(journey);
      await press(journey, continueButton);
      await answerTheRest(journey);
      await assertAnswersKept(journey);

      // The connection drops as the application is sent: nothing reached the server.
      await startOfPage(journey);
      await tick(page, page.locator('main input#declaration'));
      await pressOffline(journey, 'main form[action$="/check-answers"] button[type="submit"]');
      assert.equal(await caseCount(), cases, 'no case yet');
      await back(journey);
      assert.match(where(page), /\/check-answers$/);
      await assertAnswersKept(journey);
      const codes = await declareAndSend(journey);
      assert.equal(await caseCount(), cases + 1, 'one case');
      await openStatus(journey, codes);
      assertNoProblems(journey);
    } finally {
      await closeJourney(journey);
    }
  });

  it('an answer lost on the way back, after the case was made: sending again shows the same case', async () => {
    const journey = await newJourney('en', 'tps', true);
    try {
      const { page } = journey;
      const cases = await caseCount();
      await answerEveryPage(journey);
      // The post reaches the server, which makes the case; its answer never arrives.
      await page.route(
        (url) => url.pathname.endsWith('/check-answers'),
        async (route) => {
          if (route.request().method() !== 'POST') return route.fallback();
          await route.fetch({ maxRedirects: 0 });
          return route.abort('connectionreset');
        },
      );
      await startOfPage(journey);
      await tick(page, page.locator('main input#declaration'));
      const failed = page.waitForEvent('requestfailed', (request) => request.isNavigationRequest());
      await tabTo(page, page.locator('main form[action$="/check-answers"] button[type="submit"]'));
      await page.keyboard.press('Enter');
      await failed;
      await page.unrouteAll();
      assert.equal(await caseCount(), cases + 1, 'the case was made');

      // Back, and the form that sent it now leads to the case, not to a second one.
      await back(journey);
      if (page.url().endsWith('/check-answers')) await declareAndSend(journey);
      assert.match(where(page), /\/confirmation$/);
      const codes = await confirmationCodes(page);
      assert.equal(await caseCount(), cases + 1, 'still one case');
      await openStatus(journey, codes);
      assertNoProblems(journey);
    } finally {
      await closeJourney(journey);
    }
  });
});

describe('the harness', () => {
  it('the auditor reports a known violation', async () => {
    // A check that silently ran no rules would pass every page.
    const context = await browser.newContext();
    try {
      const auditor = await Auditor.open(context);
      const violations = await auditor.check(
        '<!doctype html><html lang="en"><title>t</title><main><input type="text"></main></html>',
      );
      assert.deepEqual(
        violations.map((violation) => [violation.id, violation.targets]),
        [['label', ['input']]],
        formatViolations(violations),
      );
    } finally {
      await context.close();
    }
  });
});
