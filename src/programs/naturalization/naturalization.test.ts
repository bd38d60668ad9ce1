import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { runBelong } from '../../../test/support/cli.ts';
import { addYears, type Day, formatDay, parseDay } from '../../engine/dates.ts';
import { Translations } from '../../i18n/translator.ts';
import { evaluationToJson } from '../../modules/rules/evaluation-json.ts';
import { loadRuleCases } from '../../modules/rules/rule-cases.ts';
import { RulesInputError, RulesService } from '../../modules/rules/rules.service.ts';
import { parseNaturalizationInput } from './facts.ts';

const service = new RulesService();
const day = (iso: string) => parseDay(iso) as Day;
const asOf = day('2024-06-01');
const person = {
  birthDate: '1980-01-01',
  lprDate: '2013-07-04',
  stateResidenceSince: '2010-01-01',
  trips: [],
};

function cli(stdin: string, argv = ['rules', 'eval', 'naturalization']) {
  return runBelong(argv, { stdin });
}

describe('naturalization input', () => {
  const malformed: [string, unknown, string][] = [
    ['an impossible date', { ...person, birthDate: '1980-02-30' }, 'birthDate'],
    ['a date in another format', { ...person, lprDate: '07/04/2013' }, 'lprDate'],
    ['a number for a date', { ...person, stateResidenceSince: 20100101 }, 'stateResidenceSince'],
    [
      'a return before the departure',
      { ...person, trips: [{ departed: '2020-03-01', returned: '2020-02-01' }] },
      'trips.0.returned',
    ],
    [
      'overlapping trips',
      {
        ...person,
        trips: [
          { departed: '2020-03-01', returned: '2020-05-01' },
          { departed: '2020-04-01', returned: '2020-04-10' },
        ],
      },
      'trips',
    ],
    ['trips that are not a list', { ...person, trips: { departed: '2020-03-01' } }, 'trips'],
    [
      'a trip without a return',
      { ...person, trips: [{ departed: '2020-03-01' }] },
      'trips.0.returned',
    ],
    ['a string for a boolean', { ...person, spouse: { isCitizen: 'yes' } }, 'spouse.isCitizen'],
    ['military as a word', { ...person, military: 'army' }, 'military'],
    [
      'service that ends before it starts',
      { ...person, military: { serviceStart: '2020-01-01', serviceEnd: '2019-01-01' } },
      'military.serviceEnd',
    ],
    ['an unknown fact', { ...person, shoeSize: 9 }, ''],
    ['a child without a list', { ...person, children: { birthDate: '2010-01-01' } }, 'children'],
  ];

  for (const [what, raw, path] of malformed) {
    it(`refuses ${what}`, () => {
      const parsed = parseNaturalizationInput(raw, asOf);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.equal(parsed.errors[0]?.path, path);
      assert.throws(() => service.evaluate('naturalization', raw, asOf), RulesInputError);
    });
  }

  it('takes trips that return on the day the next one leaves, and sorts them', () => {
    const parsed = parseNaturalizationInput(
      {
        ...person,
        trips: [
          { departed: '2021-05-01', returned: '2021-05-03' },
          { departed: '2021-04-01', returned: '2021-05-01' },
        ],
      },
      asOf,
    );
    assert.ok(parsed.ok);
    if (parsed.ok) {
      assert.deepEqual(
        parsed.facts.trips?.map((trip) => formatDay(trip.departed)),
        ['2021-04-01', '2021-05-01'],
      );
    }
  });

  it('reads no spouse and no military as neither, and a military object without an end as still serving', () => {
    const plain = parseNaturalizationInput(person, asOf);
    assert.ok(plain.ok);
    if (plain.ok) {
      assert.equal(plain.facts['spouse.isCitizen'], false);
      assert.equal(plain.facts.military, false);
      assert.equal(plain.facts.filingDate, asOf);
    }
    const serving = parseNaturalizationInput(
      { ...person, military: { honorablyServed: true, serviceStart: '2020-01-01' } },
      asOf,
    );
    assert.ok(serving.ok);
    if (serving.ok) {
      assert.equal(serving.facts.military, true);
      assert.equal(serving.facts['military.serviceEnd'], null);
      assert.equal(serving.facts['military.duringHostilities'], undefined);
    }
  });

  it('exits 2 with one line for malformed facts on the command line', async () => {
    for (const stdin of [
      JSON.stringify({ ...person, birthDate: '1980-13-01' }),
      JSON.stringify({ ...person, trips: [{ departed: '2020-03-01', returned: '2020-02-01' }] }),
      JSON.stringify({ ...person, military: 7 }),
    ]) {
      const result = await cli(stdin);
      assert.equal(result.code, 2, stdin);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
  });
});

describe('naturalization output', () => {
  it('gives exactly the contract values, in order, on the command line', async () => {
    const result = await cli(JSON.stringify(person), [
      'rules',
      'eval',
      'naturalization',
      '--as-of',
      '2018-04-05',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { outcome: string; values: object };
    assert.equal(output.outcome, 'yes');
    assert.deepEqual(Object.keys(output.values), [
      'path',
      'earliestFilingDate',
      'physicalPresenceDays',
      'testExemption',
      'civicsTest',
    ]);
    assert.deepEqual(output.values, {
      path: '5-year',
      earliestFilingDate: '2018-04-05',
      physicalPresenceDays: 1826,
      testExemption: null,
      civicsTest: '2008',
    });
  });

  it('renders every reason of every case in every language', () => {
    const translations = new Translations();
    for (const ruleCase of loadRuleCases(['naturalization'])) {
      const evaluation = service.evaluate('naturalization', ruleCase.input, day(ruleCase.as_of));
      for (const locale of ['en', 'es', 'ar'] as const) {
        const json = evaluationToJson(evaluation, translations.for(locale));
        for (const reason of json.reasons) {
          assert.ok(
            reason.message.length > 10 && !reason.message.includes('{'),
            `${ruleCase.name} ${locale} ${reason.rule}: ${reason.message}`,
          );
        }
      }
    }
  });
});

/** Synthetic people, with every trip before the filing date. */
const peopleArbitrary = fc
  .record({
    filingDate: fc.integer({ min: day('2010-01-01'), max: day('2022-12-31') }),
    age: fc.integer({ min: 14 * 365, max: 80 * 365 }),
    lprBefore: fc.integer({ min: 0, max: 9 * 365 }),
    stateBefore: fc.integer({ min: 0, max: 400 }),
    trips: fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 420 })), {
      maxLength: 6,
    }),
    spouse: fc.option(
      fc.record({
        citizenBefore: fc.integer({ min: 0, max: 6 * 365 }),
        marriedBefore: fc.integer({ min: 0, max: 6 * 365 }),
        livingTogether: fc.boolean(),
      }),
    ),
    military: fc.option(
      fc.record({
        startBefore: fc.integer({ min: -200, max: 6 * 365 }),
        servedDays: fc.option(fc.integer({ min: 1, max: 4 * 365 })),
      }),
    ),
  })
  .map((p) => {
    const lpr = p.filingDate - p.lprBefore;
    const trips: { departed: string; returned: string }[] = [];
    let cursor = lpr;
    for (const [gap, length] of p.trips) {
      const departed = cursor + gap;
      const returned = Math.min(departed + length, p.filingDate - 1);
      if (departed >= p.filingDate - 1) break;
      trips.push({ departed: formatDay(departed), returned: formatDay(returned) });
      cursor = returned;
    }
    const start = p.filingDate - (p.military?.startBefore ?? 0);
    return {
      filingDate: formatDay(p.filingDate),
      birthDate: formatDay(p.filingDate - p.age),
      lprDate: formatDay(lpr),
      stateResidenceSince: formatDay(p.filingDate - p.stateBefore),
      trips,
      ...(p.spouse && {
        spouse: {
          isCitizen: true,
          citizenSince: formatDay(p.filingDate - p.spouse.citizenBefore),
          marriedSince: formatDay(p.filingDate - p.spouse.marriedBefore),
          livingTogether: p.spouse.livingTogether,
        },
      }),
      ...(p.military && {
        military: {
          honorablyServed: true,
          serviceStart: formatDay(start),
          serviceEnd:
            p.military.servedDays === null ? null : formatDay(start + p.military.servedDays),
          duringHostilities: false,
        },
      }),
    };
  });

describe('naturalization earliest filing date', () => {
  const decide = (answers: object, filingDate: Day) =>
    service.evaluate('naturalization', { ...answers, filingDate: formatDay(filingDate) }, asOf);
  const reviewedUntil = day('2027-06-30');

  it('is on or before the filing date when the answer is yes, after it when no, and the first such date', () => {
    fc.assert(
      fc.property(peopleArbitrary, (answers) => {
        const filingDate = day(answers.filingDate);
        const evaluation = decide(answers, filingDate);
        const earliest = evaluation.values.earliestFilingDate as string | null;
        assert.notEqual(earliest, null);
        const earliestDay = day(earliest as string);
        if (evaluation.outcome === 'yes') assert.ok(earliestDay <= filingDate);
        if (evaluation.outcome !== 'no') return;
        assert.ok(earliestDay > filingDate, `${earliest} after ${answers.filingDate}`);
        if (earliestDay <= reviewedUntil) {
          assert.notEqual(decide(answers, earliestDay).outcome, 'no', `on ${earliest}`);
        }
        if (earliestDay - 1 > filingDate && earliestDay - 1 <= reviewedUntil) {
          assert.equal(
            decide(answers, earliestDay - 1).outcome,
            'no',
            `the day before ${earliest}`,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an adult general-path filer in before 5 years less 90 days', () => {
    fc.assert(
      fc.property(peopleArbitrary, (answers) => {
        const { spouse: _spouse, military: _military, ...general } = answers;
        const evaluation = decide(general, day(answers.filingDate));
        if (evaluation.outcome === 'yes') {
          assert.ok(addYears(day(answers.lprDate), 5) - 90 <= day(answers.filingDate));
        }
      }),
      { numRuns: 200 },
    );
  });
});
