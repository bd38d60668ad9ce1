import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { testApp } from '../../../test/support/app.ts';
import { decodeHtml } from '../../../test/support/visitor.ts';
import { supportedLocales } from '../../i18n/locales.ts';

type App = ReturnType<typeof testApp>['app'];

/** The hidden fields of the page's question form (the one with class usa-form), or of the first form. */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form class="usa-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? html;
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[match[1] as string] = decodeHtml(match[2] as string);
  }
  return fields;
}

function heading(html: string): string {
  return decodeHtml(
    /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '',
  ).trim();
}

/** A person with a browser without JavaScript: keeps the cookie, posts each page's form. */
class Visitor {
  cookie = '';
  html = '';
  status = 0;
  constructor(
    readonly app: App,
    readonly locale = 'en',
  ) {}

  private keep(response: Response) {
    const set = response.headers
      .getSetCookie()
      .map((value) => value.split(';')[0] ?? '')
      .filter((value) => value.startsWith('belong_csrf='));
    if (set.length > 0) this.cookie = set.join('; ');
  }

  async get(path: string): Promise<Response> {
    const response = await this.app.request(`/${this.locale}${path}`, {
      headers: { cookie: this.cookie },
    });
    this.keep(response);
    this.status = response.status;
    this.html = await response.text();
    return response;
  }

  async post(path: string, fields: Record<string, string>, carry = true): Promise<Response> {
    const body = new URLSearchParams({ ...(carry ? hiddenFields(this.html) : {}), ...fields });
    const response = await this.app.request(`/${this.locale}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie },
      body: body.toString(),
    });
    this.keep(response);
    this.status = response.status;
    this.html = await response.text();
    return response;
  }

  /** Posts the question form to the address it names. */
  async answer(fields: Record<string, string>): Promise<Response> {
    const action = /<form class="usa-form" method="post" action="([^"]+)"/.exec(this.html)?.[1];
    assert.ok(action, `no question form on: ${heading(this.html)}`);
    return this.post(action.replace(`/${this.locale}`, ''), fields);
  }

  answers(): Record<string, unknown> {
    return JSON.parse(hiddenFields(this.html)._answers ?? 'null') as Record<string, unknown>;
  }
}

const date = (path: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    [`${path}.day`]: day ?? '',
    [`${path}.month`]: month ?? '',
    [`${path}.year`]: year ?? '',
  };
};

/** Answers a permanent resident of Washington through to the results. */
async function walkResident(visitor: Visitor) {
  await visitor.get('/check/birth-date');
  const steps: [string, Record<string, string>][] = [
    ['What is your date of birth?', date('birthDate', '1980-01-01')],
    ['Do you live in Washington State?', { livesInWashington: 'yes' }],
    [
      'Since when have you lived in the state where you live now?',
      date('stateResidenceSince', '2015-01-01'),
    ],
    [
      'Do you have a green card (are you a lawful permanent resident)?',
      { permanentResident: 'yes' },
    ],
    ['When did you become a permanent resident?', date('lprDate', '2019-01-01')],
    [
      'Since you got your green card, have you left the United States for more than a day?',
      { tripsAbroad: 'yes' },
    ],
    [
      'Your trips outside the United States',
      { ...date('trips.0.departed', '2022-06-01'), ...date('trips.0.returned', '2022-07-01') },
    ],
    ['Are you married to a U.S. citizen?', { 'spouse.isCitizen': 'no' }],
    ['Have you served in the U.S. armed forces?', { servedInMilitary: 'no' }],
    ['Do you have children under 18?', { hasChildren: 'yes' }],
    [
      'Your children under 18',
      {
        ...date('children.0.birthDate', '2016-05-05'),
        'children.0.isLpr': 'yes',
        'children.0.livesWithApplicant': 'yes',
      },
    ],
    ['How many people live in your household?', { householdSize: '3' }],
    ["What is your household's total income in a year?", { householdIncome: '30,000' }],
    [
      'Does anyone in your household receive a means-tested benefit?',
      { receivesMeansTestedBenefit: 'yes' },
    ],
    [
      'Were you unable to get federal stimulus payments or unemployment benefits because of your immigration status?',
      { excludedFromFederalRelief: 'no' },
    ],
    [
      'Have you had a hardship, such as losing work or hours, or getting sick?',
      { experiencedHardship: 'yes' },
    ],
    ['Are you out of work through no fault of your own?', { separatedThroughNoFault: 'no' }],
  ];
  for (const [question, fields] of steps) {
    assert.equal(heading(visitor.html), question);
    await visitor.answer(fields);
    assert.equal(visitor.status, 200, `${question}: ${heading(visitor.html)}`);
  }
}

describe('screener pages', () => {
  it('starts with what it is, that nothing is stored and how long it takes', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check');
    assert.equal(visitor.status, 200);
    assert.match(visitor.html, /Your answers are not stored/);
    assert.match(visitor.html, /about 5 minutes/);
    assert.match(visitor.html, /href="\/en\/check\/birth-date"/);
  });

  it('shows the first question by address, and sends any other back to the start', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check/birth-date');
    assert.equal(visitor.status, 200);
    assert.deepEqual(visitor.answers(), {});
    const later = await visitor.get('/check/lpr-date');
    assert.equal(later.status, 303);
    assert.equal(later.headers.get('location'), '/en/check');
    assert.equal((await visitor.get('/check/results')).status, 303);
    await visitor.get('/check/no-such-question');
    assert.equal(visitor.status, 404);
  });

  it('walks a permanent resident to the results, carrying the answers only in the page', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await walkResident(visitor);
    assert.equal(heading(visitor.html), 'What you may qualify for');
    const html = visitor.html;
    // Citizenship: yes, from the earliest date, with one child deriving and a fee waiver.
    assert.match(html, /<h2 id="check-naturalization">/);
    assert.match(html, /The earliest date you may apply: October 3, 2023\./);
    assert.match(html, /1 of your children would become a U.S. citizen automatically with you\./);
    assert.match(html, /You may ask for a fee waiver and pay nothing/);
    assert.match(html, /href="\/en\/apply\/naturalization"/);
    // Reasons carry their sources.
    assert.match(html, /href="https:\/\/www\.law\.cornell\.edu\/uscode\/text\/8\/1427"/);
    // "Maybe" and "no" lead to free legal help in Washington.
    assert.match(html, /href="#legal-help"/);
    assert.match(html, /href="tel:\+18447243737"/);
    assert.match(html, /href="https:\/\/www\.nwirp\.org\/"/);
    // Answers never go in an address: every form posts to a bare page address.
    for (const match of html.matchAll(/(?:action|formaction|href)="(\/[^"]*)"/g)) {
      assert.ok(!(match[1] as string).includes('1980'), match[1]);
      assert.ok(!(match[1] as string).includes('?'), match[1]);
    }
    assert.equal(visitor.answers().lprDate, '2019-01-01');
  });

  it('refuses malformed input with the errors, keeping the answers so far', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check/birth-date');
    await visitor.answer(date('birthDate', '1980-01-01'));
    const before = visitor.answers();
    await visitor.answer({ livesInWashington: 'perhaps' });
    assert.equal(visitor.status, 422);
    assert.match(visitor.html, /usa-error-summary/);
    assert.deepEqual(visitor.answers(), before);
  });

  it('says when answers on a page do not fit together', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check/birth-date');
    await visitor.post('/check/trips', {
      _answers: JSON.stringify({
        birthDate: '1980-01-01',
        livesInWashington: true,
        stateResidenceSince: '2015-01-01',
        permanentResident: true,
        lprDate: '2019-01-01',
        tripsAbroad: true,
      }),
      ...date('trips.0.departed', '2022-06-01'),
      ...date('trips.0.returned', '2022-05-01'),
    });
    assert.equal(visitor.status, 422);
    assert.match(visitor.html, /do not fit together/);
  });

  it('refuses altered answers with a translated 400, never a 500', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app, 'es');
    await visitor.get('/check/birth-date');
    const token = hiddenFields(visitor.html)._csrf ?? '';
    const altered = [
      'not json',
      '[]',
      JSON.stringify({ ssn: '123-45-6789' }),
      JSON.stringify({ birthDate: 19800101 }),
      JSON.stringify({ birthDate: '1980-02-31' }),
      '{"__proto__":{"admin":true}}',
      JSON.stringify({
        permanentResident: true,
        tripsAbroad: true,
        trips: [{ departed: '2022-06-01', returned: '2022-05-01' }],
      }),
    ];
    for (const answers of altered) {
      await visitor.post('/check/lives-in-washington', { _csrf: token, _answers: answers }, false);
      assert.equal(visitor.status, 400, answers);
      assert.match(visitor.html, /BLG_BAD_REQUEST/);
      assert.match(visitor.html, /<html lang="es"/);
      assert.ok(!visitor.html.includes('123-45-6789'));
    }
  });

  it('goes back with the answers, and never lets a page be cached', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check/birth-date');
    const response = await visitor.answer(date('birthDate', '1980-01-01'));
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(visitor.html, /class="check-back"/);
    await visitor.post('/check/birth-date', { _show: '1' });
    assert.equal(heading(visitor.html), 'What is your date of birth?');
    assert.match(visitor.html, /value="1980"/);
  });

  it('changes an answer from the results and comes back to them', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await walkResident(visitor);
    // Every Change button carries the answers and returns to the results.
    const fields = hiddenFields(visitor.html);
    assert.equal(fields._return, 'results');
    await visitor.post('/check/benefits', { _show: '1' });
    assert.equal(
      heading(visitor.html),
      'Does anyone in your household receive a means-tested benefit?',
    );
    await visitor.answer({ receivesMeansTestedBenefit: 'no' });
    assert.equal(heading(visitor.html), 'What you may qualify for');
    await visitor.post('/check/household-income', { _show: '1' });
    assert.equal(heading(visitor.html), "What is your household's total income in a year?");
    await visitor.answer({ householdIncome: '500000' });
    assert.equal(heading(visitor.html), 'What you may qualify for');
    assert.equal(visitor.answers().householdIncome, 500000);
    assert.match(visitor.html, /The fee is \$710 \(online\)\./);
  });

  it('asks the questions a changed answer adds before coming back to the results', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await walkResident(visitor);
    await visitor.post('/check/married-to-citizen', { _show: '1' });
    await visitor.answer({ 'spouse.isCitizen': 'yes' });
    assert.equal(heading(visitor.html), 'About your marriage');
    await visitor.answer({
      ...date('spouse.marriedSince', '2018-01-01'),
      ...date('spouse.citizenSince', '2000-01-01'),
      'spouse.livingTogether': 'yes',
    });
    assert.equal(heading(visitor.html), 'What you may qualify for');
    assert.deepEqual(visitor.answers().spouse, {
      isCitizen: true,
      marriedSince: '2018-01-01',
      citizenSince: '2000-01-01',
      livingTogether: true,
    });
  });

  it('asks the country only for TPS, of people without a green card', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check/birth-date');
    await visitor.post('/check/tps-country', {
      _answers: JSON.stringify({
        birthDate: '1990-01-01',
        livesInWashington: true,
        stateResidenceSince: '2015-01-01',
        permanentResident: false,
        servedInMilitary: false,
        householdSize: 2,
        householdIncome: 20000,
        receivesMeansTestedBenefit: false,
        excludedFromFederalRelief: true,
        experiencedHardship: true,
        separatedThroughNoFault: false,
      }),
      _show: '1',
    });
    assert.equal(
      heading(visitor.html),
      'Temporary Protected Status (TPS): are you from one of these countries?',
    );
    assert.match(visitor.html, /We ask your country only to check TPS/);
    await visitor.answer({ nationality: 'HT' });
    assert.equal(heading(visitor.html), 'Do you have TPS now?');
    await visitor.answer({ currentTpsHolder: 'yes' });
    assert.equal(
      heading(visitor.html),
      'Since when have you been in the United States without leaving?',
    );
    await visitor.answer(date('presenceSince', '2010-01-01'));
    assert.equal(heading(visitor.html), 'What you may qualify for');
    assert.match(visitor.html, /TPS today \(/);
    assert.match(visitor.html, /Haiti/);
  });

  it('accepts a form posted with "Origin: null", as browsers send it under no-referrer', async () => {
    const { app } = testApp();
    const visitor = new Visitor(app);
    await visitor.get('/check/birth-date');
    const body = new URLSearchParams({
      ...hiddenFields(visitor.html),
      ...date('birthDate', '1980-01-01'),
    });
    const post = (headers: Record<string, string>) =>
      app.request('/en/check/birth-date', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: visitor.cookie,
          ...headers,
        },
        body: body.toString(),
      });
    assert.equal((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status, 200);
    assert.equal((await post({ origin: 'null', 'sec-fetch-site': 'cross-site' })).status, 403);
  });

  it('keeps the results page within 30 KB compressed, with its stylesheet, in every language', async () => {
    const { app } = testApp();
    const answers = JSON.stringify({
      birthDate: '1980-01-01',
      livesInWashington: true,
      stateResidenceSince: '2015-01-01',
      permanentResident: false,
      servedInMilitary: false,
      householdSize: 3,
      householdIncome: 30000,
      receivesMeansTestedBenefit: false,
      excludedFromFederalRelief: true,
      experiencedHardship: true,
      separatedThroughNoFault: true,
      ableAndAvailable: true,
      baseYearHours: 800,
      nationality: 'VE',
      currentTpsHolder: false,
      residenceSince: '2020-01-01',
      presenceSince: '2020-01-01',
    });
    for (const locale of supportedLocales) {
      const visitor = new Visitor(app, locale);
      await visitor.get('/check/birth-date');
      await visitor.post('/check/results', { _answers: answers });
      assert.equal(visitor.status, 200, locale);
      const css = /<link rel="stylesheet" href="([^"]+)"/.exec(visitor.html)?.[1] ?? '';
      const total =
        gzipSync(visitor.html).length + gzipSync(await (await app.request(css)).text()).length;
      assert.ok(total <= 30 * 1024, `${locale}: ${total} bytes`);
    }
  });
});
