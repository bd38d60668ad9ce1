import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp } from '../../../test/support/app.ts';
import { Translations } from '../../i18n/translator.ts';
import { loadCivicsLibrary } from '../../modules/civics/civics-questions.ts';
import { civicsScriptHref } from './civics.routes.tsx';

const translations = new Translations();
const library = loadCivicsLibrary();
const { app } = testApp({ config: { pseudoLocale: false } });

/** The hidden fields of the page's mark form. */
function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map((m) => [
      m[1] as string,
      m[2] as string,
    ]),
  );
}

function questionText(html: string): string {
  const match = /<h1 class="civics-question"[^>]*>([^<]*)<\/h1>/.exec(html);
  assert.ok(match, 'the page shows a question');
  return (match[1] as string).replaceAll('&quot;', '"').replaceAll('&#39;', "'");
}

/**
 * Starts a session from the start page's form and marks each question as
 * `marks` says, as a person pressing the buttons would. Returns the address
 * of the results page and the questions seen.
 */
async function practise(
  locale: string,
  choice: { test: string; set: string },
  marks: (index: number) => 'right' | 'wrong',
): Promise<{ results: string; seen: string[] }> {
  const started = await app.request(`/${locale}/civics/practice?${new URLSearchParams(choice)}`);
  assert.equal(started.status, 303);
  let address = started.headers.get('location') as string;
  assert.match(address, new RegExp(`^/${locale}/civics/practice\\?.*seed=\\d+.*i=0&r=0&w=0`));
  const seen: string[] = [];
  for (let index = 0; index < 30; index++) {
    const page = await app.request(address);
    if (page.status === 303) {
      const location = page.headers.get('location') as string;
      assert.match(location, new RegExp(`^/${locale}/civics/results\\?`));
      return { results: location, seen };
    }
    assert.equal(page.status, 200);
    const html = await page.text();
    seen.push(questionText(html));
    const fields: Record<string, string> = { ...hiddenFields(html), result: marks(index) };
    assert.equal(fields.i, String(index));
    address = `/${locale}/civics/practice?${new URLSearchParams(fields)}`;
  }
  assert.fail('the session never ended');
}

describe('civics practice pages', () => {
  it('explains which test applies, from the dated parameter', async () => {
    const response = await app.request('/en/civics');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /on or after October 20, 2025, you take the 2025 civics test/);
    assert.match(html, /There are 128 questions to study. The officer asks up to 20/);
    assert.match(html, /12 correct or 9 wrong/);
    assert.match(html, /2008 civics test. There are 100 questions/);
    assert.match(html, /action="\/en\/civics\/practice"/);
    assert.match(html, /method="get"/);
  });

  it('passes a 2025 session at 12 right and stops there', async () => {
    const { results, seen } = await practise('en', { test: '2025', set: 'all' }, () => 'right');
    assert.equal(seen.length, 12);
    assert.equal(new Set(seen).size, 12, 'no question asked twice');
    assert.match(results, /r=12&w=0/);
    const html = await (await app.request(results)).text();
    assert.match(html, /You passed this practice test, with 12 right and 0 wrong/);
  });

  it('stops a 2025 session early at 9 wrong, and says it did not pass', async () => {
    const { results, seen } = await practise('en', { test: '2025', set: 'all' }, (index) =>
      index % 2 === 0 ? 'wrong' : 'right',
    );
    // wrong, right, wrong, …: the ninth wrong answer is the 17th question.
    assert.equal(seen.length, 17);
    assert.match(results, /i=17&r=8&w=9/);
    const html = await (await app.request(results)).text();
    assert.match(html, /You did not pass this time: 8 right and 9 wrong. You need 12 right/);
  });

  it('asks the 2008 test up to 10 questions and passes at 6', async () => {
    const passedRun = await practise('en', { test: '2008', set: 'all' }, (index) =>
      index < 4 ? 'wrong' : 'right',
    );
    assert.equal(passedRun.seen.length, 10);
    assert.match(passedRun.results, /i=10&r=6&w=4/);
    assert.match(await (await app.request(passedRun.results)).text(), /You passed/);
    const english = new Set(library.english('2008').questions.map((q) => q.text));
    assert.ok(passedRun.seen.every((text) => english.has(text)));
  });

  it('asks only the 65/20 questions in a 65/20 session, 6 right to pass', async () => {
    const senior = new Set(
      library
        .english('2025')
        .questions.filter((q) => q.senior)
        .map((q) => q.text),
    );
    const { results, seen } = await practise('en', { test: '2025', set: 'senior' }, () => 'right');
    assert.equal(seen.length, 6);
    assert.ok(
      seen.every((text) => senior.has(text)),
      'every question is one of the 20 marked',
    );
    assert.match(await (await app.request(results)).text(), /You passed/);
  });

  it('shows the question and its accepted answers without script, and sends nothing typed', async () => {
    const started = await app.request('/en/civics/practice?test=2025&set=all');
    const html = await (await app.request(started.headers.get('location') as string)).text();
    assert.match(html, /<details class="civics-reveal"><summary[^>]*>Show the answer<\/summary>/);
    assert.match(html, /I got it right/);
    assert.match(html, /<textarea id="civics-answer"[^>]*>/);
    assert.doesNotMatch(html, /<textarea[^>]*name=/, 'the written answer is never sent');
    assert.match(html, new RegExp(`<script src="${civicsScriptHref.replaceAll('.', '\\.')}"`));
  });

  it('serves the listen script from our own origin, cached for good', async () => {
    const response = await app.request(civicsScriptHref);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
    assert.match(await response.text(), /speechSynthesis/);
  });

  it('answers a tampered session with a translated 400, never a 500', async () => {
    const spanish = translations.for('es');
    const tampered = [
      '/es/civics/practice?test=2025&set=all&seed=7&i=5&r=0&w=0',
      '/es/civics/practice?test=1999&set=all&seed=7&i=0&r=0&w=0',
      '/es/civics/practice?test=2025&set=all&seed=abc&i=0&r=0&w=0',
      '/es/civics/practice?test=2025&set=all&seed=7&i=0&r=0&w=0&result=maybe',
      '/es/civics/practice?test=2025&set=every&seed=7&i=0&r=0&w=0',
      '/es/civics/practice?test=2025&set=all&seed=7&i=40&r=20&w=20',
      '/es/civics/practice?test=2025&set=all&seed=7&i=12&r=12&w=0&result=right',
      '/es/civics/practice?test=2030',
      '/es/civics/results?test=2025&set=all&seed=7&i=3&r=3&w=0',
      '/es/civics/questions?test=1776',
    ];
    for (const address of tampered) {
      const response = await app.request(address);
      assert.equal(response.status, 400, address);
      const html = await response.text();
      assert.match(html, /<html lang="es"/);
      assert.ok(html.includes(spanish.t('errors.badRequestTitle')), address);
    }
  });

  it('marks a finished session as over instead of asking more', async () => {
    const response = await app.request(
      '/en/civics/practice?test=2025&set=all&seed=7&i=11&r=11&w=0&result=right',
    );
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /\/en\/civics\/results\?.*i=12&r=12&w=0/);
  });

  it('gives Washington’s answers from the dated office holders, and a link for the representative', async () => {
    const html = await (await app.request('/en/civics/questions?test=2025')).text();
    for (const name of ['Patty Murray', 'Maria Cantwell', 'Bob Ferguson', 'Olympia', 'JD Vance']) {
      assert.ok(html.includes(name), name);
    }
    assert.ok(html.includes('https://www.house.gov/representatives/find-your-representative'));
    assert.match(
      html,
      /The answer on \w+ \d+, \d{4}\. For questions about your state, this is Washington State’s answer/,
    );
    const questions = html.match(/class="civics-list__question"/g) ?? [];
    assert.equal(questions.length, 128);
    const marked = html.match(/65\/20 question/g) ?? [];
    assert.equal(marked.length, 20);
  });

  it('keeps the page in the person’s language and the session in the language links', async () => {
    const page = await app.request('/es/civics/practice?test=2008&set=all&seed=9&i=0&r=0&w=0');
    const html = await page.text();
    assert.match(html, /<html lang="es"/);
    assert.ok(html.includes(translations.for('es').t('civics.showAnswer')));
    assert.match(html, /href="\/ar\/civics\/practice\?test=2008&amp;set=all&amp;seed=9&amp;i=0/);
  });
});
