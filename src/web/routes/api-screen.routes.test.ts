import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { Translations } from '../../i18n/translator.ts';

const { app, logs } = testApp();

function screen(body: unknown, headers: Record<string, string> = {}) {
  return app.request('/api/v1/screen', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface ResultJson {
  program: string;
  outcome: string;
  reasons: { rule: string; met: boolean | null; message: string; citations: { href: string }[] }[];
  earliestFilingDate: string | null;
  fee: { amount: number | null; option: string | null } | null;
  tps: { status: string | null } | null;
  missing: string[];
}

interface ErrorJson {
  error: {
    code: string;
    message: string;
    fields: { path: string; code: string; message: string }[];
  };
}

const resident = {
  birthDate: '1980-01-01',
  livesInWashington: true,
  stateResidenceSince: '2015-01-01',
  lprDate: '2019-01-01',
  trips: [],
  householdSize: 2,
  householdIncome: 20_000,
  receivesMeansTestedBenefit: false,
  nationality: 'SV',
};

describe('POST /api/v1/screen', () => {
  it('screens every program, without the HTML form token, in English by default', async () => {
    const response = await screen({ answers: resident, asOf: '2026-11-25' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { asOf: string; results: ResultJson[] };
    assert.equal(body.asOf, '2026-11-25');
    assert.deepEqual(
      body.results.map((result) => result.program),
      [
        'naturalization',
        'naturalization-fee',
        'tps',
        'us-citizenship-act-2021',
        'wa-relief',
        'wage-replacement',
      ],
    );
    const naturalization = body.results[0] as ResultJson;
    assert.equal(naturalization.outcome, 'yes');
    assert.equal(naturalization.earliestFilingDate, '2023-10-03');
    const age = naturalization.reasons.find((reason) => reason.rule === 'age');
    assert.equal(age?.met, true);
    assert.equal(
      age?.message,
      new Translations().for('en').t('naturalization.meetsAge', {
        met: 'true',
        pathRule: 'general',
        age: 46,
        minimumAge: 18,
        adultDate: '1998-01-01',
      }),
    );
    assert.ok(age?.citations.some((citation) => citation.href.includes('/8/1445')));
    const fee = body.results[1] as ResultJson;
    assert.equal(fee.fee?.option, 'waiver');
    assert.equal(fee.fee?.amount, 0);
    assert.ok((body.results[2] as ResultJson).tps?.status);
  });

  it('answers in the Accept-Language language', async () => {
    const response = await screen({ answers: resident }, { 'accept-language': 'es' });
    const body = (await response.json()) as { results: { title: string }[] };
    assert.equal(body.results[2]?.title, new Translations().for('es').t('tps.title'));
  });

  it('lists the answers still missing', async () => {
    const body = (await (await screen({ answers: {} })).json()) as { results: ResultJson[] };
    assert.ok(body.results[0]?.missing.includes('lprDate'));
  });

  it('refuses malformed JSON and malformed answers with 422 and coded fields', async () => {
    const cases: [unknown, { path: string; code: string }[]][] = [
      ['{"answers": ', [{ path: '', code: 'invalid-json' }]],
      ['[1]', [{ path: '', code: 'invalid-type' }]],
      [{}, [{ path: 'answers', code: 'required' }]],
      [{ answers: [] }, [{ path: 'answers', code: 'invalid-type' }]],
      [{ answers: {}, asOf: '2026-02-30' }, [{ path: 'asOf', code: 'invalid-date' }]],
      [{ answers: {}, extra: 1 }, [{ path: 'extra', code: 'unknown-field' }]],
      [
        { answers: { birthDate: '01/02/1980' } },
        [{ path: 'answers.birthDate', code: 'invalid-date' }],
      ],
      [{ answers: { householdSize: 51 } }, [{ path: 'answers.householdSize', code: 'too-large' }]],
      [{ answers: { ssn: '1' } }, [{ path: 'answers.ssn', code: 'unknown-field' }]],
    ];
    for (const [body, fields] of cases) {
      const response = await screen(body, { 'accept-language': 'es' });
      assert.equal(response.status, 422, JSON.stringify(body));
      const json = (await response.json()) as ErrorJson;
      assert.equal(json.error.code, 'BLG_ANSWERS_INVALID');
      assert.equal(json.error.message, new Translations().for('es').t('errors.answersInvalid'));
      assert.deepEqual(
        json.error.fields.map(({ path, code }) => ({ path, code })),
        fields,
      );
      for (const field of json.error.fields) assert.ok(field.message.length > 0);
    }
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await app.request('/api/v1/screen', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    assert.equal(response.status, 415);
    const json = (await response.json()) as ErrorJson;
    assert.equal(json.error.code, 'BLG_UNSUPPORTED_MEDIA_TYPE');
  });

  it('never logs the answers', async () => {
    await screen({ answers: { ...resident, birthDate: '1971-07-13' } });
    await screen({ answers: { birthDate: '13/07/1971' } });
    assert.ok(!logs.text.includes('1971'));
  });

  it('never answers 500, whatever JSON it is sent', async () => {
    const keys = [
      'birthDate',
      'lprDate',
      'trips',
      'spouse',
      'military',
      'children',
      'householdSize',
      'householdIncome',
      'residenceState',
      'nationality',
      'presenceSince',
      'quarterlyWages',
      'tripsAbroad',
      'servedInMilitary',
      'filingDate',
      'claimDate',
    ];
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc.array(fc.record({ departed: fc.string(), returned: fc.string() }), { maxLength: 3 }),
    );
    const answers = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    const body = fc.oneof(
      fc.record({ answers, asOf: fc.option(fc.string(), { nil: undefined }) }),
      fc.record({
        answers,
        asOf: fc
          .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const response = await screen(typeof sent === 'string' ? sent : JSON.stringify(sent));
        assert.ok(response.status === 200 || response.status === 422, `${response.status}`);
        const json = (await response.json()) as { results?: unknown[]; error?: { code: string } };
        if (response.status === 200) assert.equal(json.results?.length, 6);
        else assert.equal(json.error?.code, 'BLG_ANSWERS_INVALID');
      }),
      { numRuns: 300 },
    );
  });
});
