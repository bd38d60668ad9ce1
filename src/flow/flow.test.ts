import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { MessageKey } from '../i18n/message-key.ts';
import {
  canVisit,
  checkAnswerRows,
  firstIncompletePageKey,
  getAnswer,
  mergePageAnswers,
  nextPageKey,
  pageByKey,
  parsePageForm,
  pruneAnswers,
  ruleAnswers,
  setAnswer,
  validateAnswers,
  visiblePages,
} from './flow.ts';
import type { FlowAnswers, FlowDefinition, FlowPage } from './flow-definition.ts';

// Labels are not looked up here: any key will do.
const label = 'common.languageName' as MessageKey;

const flow: FlowDefinition = {
  id: 'test',
  version: '1',
  pages: [
    {
      key: 'name',
      title: label,
      fields: [
        { path: 'applicant.givenName', kind: 'text', label, autocomplete: 'given-name' },
        { path: 'applicant.phone', kind: 'phone', label, optional: true },
        { path: 'applicant.email', kind: 'email', label, optional: true },
      ],
    },
    { key: 'birth-date', title: label, fields: [{ path: 'birthDate', kind: 'date', label }] },
    { key: 'married', title: label, fields: [{ path: 'spouse.isCitizen', kind: 'yes-no', label }] },
    {
      key: 'married-since',
      title: label,
      when: { path: 'spouse.isCitizen', equals: true },
      fields: [{ path: 'spouse.marriedSince', kind: 'date', label }],
    },
    {
      key: 'trips',
      title: label,
      repeat: { path: 'trips', max: 3, itemLabel: label, addAnother: label },
      fields: [
        { path: 'departed', kind: 'date', label },
        { path: 'returned', kind: 'date', label },
        { path: 'approved', kind: 'yes-no', label, optional: true },
      ],
    },
    {
      key: 'income',
      title: label,
      fields: [
        { path: 'income', kind: 'money', label, max: 1_000_000 },
        { path: 'household', kind: 'integer', label, min: 1, max: 20 },
        {
          path: 'status',
          kind: 'choice',
          label,
          options: [
            { value: 'a', label },
            { value: 'b', label },
          ],
        },
        { path: 'notes', kind: 'long-text', label, optional: true, maxLength: 10 },
      ],
    },
  ],
};

const page = (key: string): FlowPage => {
  const found = pageByKey(flow, key);
  assert.ok(found, key);
  return found;
};

const complete: FlowAnswers = {
  applicant: { givenName: 'Ana' },
  birthDate: '1980-02-29',
  spouse: { isCitizen: true, marriedSince: '2010-06-01' },
  trips: [{ departed: '2020-01-01', returned: '2020-01-10' }],
  income: 1234.5,
  household: 3,
  status: 'b',
};

describe('getAnswer and setAnswer', () => {
  it('read and write dot paths with list indexes', () => {
    assert.equal(getAnswer(complete, 'trips.0.returned'), '2020-01-10');
    assert.equal(getAnswer(complete, 'trips.1.returned'), undefined);
    assert.equal(getAnswer(complete, 'trips.x'), undefined);
    assert.equal(getAnswer(complete, 'birthDate.year'), undefined);
    assert.deepEqual(setAnswer({}, 'trips.1.departed', '2020-01-01'), {
      trips: [{}, { departed: '2020-01-01' }],
    });
    assert.deepEqual(setAnswer({ a: { b: 1, c: 2 } }, 'a.b', undefined), { a: { c: 2 } });
  });

  it('never read or write through the prototype', () => {
    assert.equal(getAnswer({}, 'constructor'), undefined);
    assert.equal(getAnswer({}, '__proto__'), undefined);
    assert.throws(() => setAnswer({}, '__proto__.polluted', true));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('set a value that get then reads, leaving the original unchanged', () => {
    const segment = fc.oneof(
      fc.constantFrom('a', 'b', 'c'),
      fc.integer({ min: 0, max: 3 }).map(String),
    );
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.jsonValue(),
        (start, segments, value) => {
          const answers = { root: start };
          const before = JSON.stringify(answers);
          const path = ['root', ...segments].join('.');
          const after = setAnswer(answers, path, value);
          assert.equal(JSON.stringify(answers), before);
          assert.deepEqual(getAnswer(after, path), value);
        },
      ),
    );
  });
});

describe('navigation', () => {
  it('shows a conditional page only when its condition holds', () => {
    const keys = (answers: FlowAnswers) => visiblePages(flow, answers).map((p) => p.key);
    assert.ok(keys({ spouse: { isCitizen: true } }).includes('married-since'));
    assert.ok(!keys({ spouse: { isCitizen: false } }).includes('married-since'));
    assert.ok(!keys({}).includes('married-since'));
  });

  it('evaluates every kind of condition', () => {
    const when = (condition: FlowPage['when'], answers: FlowAnswers) =>
      visiblePages(
        { id: 'c', version: '1', pages: [{ ...page('birth-date'), when: condition }] },
        answers,
      ).length === 1;
    assert.ok(when({ path: 'x', in: ['a', 1] }, { x: 1 }));
    assert.ok(!when({ path: 'x', in: ['a', 1] }, { x: [1] }));
    assert.ok(when({ path: 'x', answered: true }, { x: false }));
    assert.ok(when({ path: 'x', answered: false }, {}));
    assert.ok(when({ path: 'x', equals: null }, { x: null }));
    assert.ok(!when({ path: 'x', equals: null }, {}));
    assert.ok(
      when({ all: [{ path: 'x', equals: 1 }, { not: { path: 'y', equals: 1 } }] }, { x: 1 }),
    );
    assert.ok(
      !when(
        {
          any: [
            { path: 'x', equals: 2 },
            { path: 'y', equals: 1 },
          ],
        },
        { x: 1 },
      ),
    );
  });

  it('lets a person visit a page only after every visible page before it is complete', () => {
    assert.ok(canVisit(flow, {}, 'name'));
    assert.ok(!canVisit(flow, {}, 'birth-date'));
    assert.ok(!canVisit(flow, {}, 'no-such-page'));
    assert.ok(!canVisit(flow, complete, 'no-such-page'));
    assert.ok(canVisit(flow, complete, 'income'));
    // Hidden pages cannot be visited even when everything before is complete.
    const single = { ...complete, spouse: { isCitizen: false } };
    assert.ok(!canVisit(flow, single, 'married-since'));
    assert.ok(canVisit(flow, single, 'trips'));
    // A malformed stored answer makes its page incomplete.
    assert.ok(!canVisit(flow, { ...complete, birthDate: '1980-02-30' }, 'married'));
  });

  it('goes to the next visible page, and to check-your-answers after the last', () => {
    assert.equal(nextPageKey(flow, complete, 'married'), 'married-since');
    assert.equal(nextPageKey(flow, { spouse: { isCitizen: false } }, 'married'), 'trips');
    assert.equal(nextPageKey(flow, complete, 'income'), null);
    assert.equal(nextPageKey(flow, complete, 'nowhere'), null);
  });

  it('resumes at the first incomplete visible page', () => {
    assert.equal(firstIncompletePageKey(flow, {}), 'name');
    assert.equal(firstIncompletePageKey(flow, complete), null);
    const { trips: _trips, ...noTrips } = complete;
    assert.equal(firstIncompletePageKey(flow, noTrips), 'trips');
    // An empty list is an answer: no trips.
    assert.equal(firstIncompletePageKey(flow, { ...complete, trips: [] }), null);
    assert.equal(
      firstIncompletePageKey(flow, { ...complete, trips: [{ departed: '2020-01-01' }] }),
      'trips',
    );
  });
});

describe('parsePageForm', () => {
  it('reads dates from day, month and year, and ignores unknown fields', () => {
    const result = parsePageForm(page('birth-date'), {
      'birthDate.day': ' 9 ',
      'birthDate.month': '3',
      'birthDate.year': '1975',
      _csrf: 'token',
    });
    assert.deepEqual(result, { values: { birthDate: '1975-03-09' }, errors: [] });
  });

  it('refuses dates that are not on the calendar or outside 1900 to 2100', () => {
    for (const [day, month, year] of [
      ['29', '2', '2023'],
      ['31', '4', '2020'],
      ['1', '13', '2020'],
      ['1', '1', '1899'],
      ['1', '1', '2101'],
      ['1', '1', '85'],
      ['x', '1', '2000'],
      ['', '1', '2000'],
    ]) {
      const result = parsePageForm(page('birth-date'), {
        'birthDate.day': day ?? '',
        'birthDate.month': month ?? '',
        'birthDate.year': year ?? '',
      });
      assert.deepEqual(
        result.errors,
        [{ path: 'birthDate', code: 'invalid-date' }],
        `${day}/${month}/${year}`,
      );
      assert.deepEqual(result.values, {});
    }
  });

  it('accepts every real date from 1900 to 2100 and stores it as YYYY-MM-DD', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const result = parsePageForm(page('birth-date'), {
            'birthDate.day': String(date.getUTCDate()),
            'birthDate.month': String(date.getUTCMonth() + 1),
            'birthDate.year': String(date.getUTCFullYear()),
          });
          assert.deepEqual(result.errors, []);
          assert.equal(result.values.birthDate, date.toISOString().slice(0, 10));
        },
      ),
    );
  });

  it('requires required fields and checks phones and emails', () => {
    const name = page('name');
    assert.deepEqual(parsePageForm(name, {}).errors, [
      { path: 'applicant.givenName', code: 'required' },
    ]);
    const good = parsePageForm(name, {
      'applicant.givenName': ' Ana ',
      'applicant.phone': '+1 (206) 555-0100',
      'applicant.email': ' ana@example.org ',
    });
    assert.deepEqual(good, {
      values: {
        applicant: { givenName: 'Ana', phone: '+1 (206) 555-0100', email: 'ana@example.org' },
      },
      errors: [],
    });
    const bad = parsePageForm(name, {
      'applicant.givenName': 'x'.repeat(201),
      'applicant.phone': '555-01',
      'applicant.email': 'ana@example',
    });
    assert.deepEqual(bad.errors, [
      { path: 'applicant.givenName', code: 'too-long' },
      { path: 'applicant.phone', code: 'invalid-phone' },
      { path: 'applicant.email', code: 'invalid-email' },
    ]);
    assert.deepEqual(
      parsePageForm(name, { 'applicant.givenName': 'A', 'applicant.phone': '1'.repeat(21) }).errors,
      [{ path: 'applicant.phone', code: 'invalid-phone' }],
    );
    assert.deepEqual(
      parsePageForm(name, { 'applicant.givenName': 'A', 'applicant.phone': '12a4567' }).errors,
      [{ path: 'applicant.phone', code: 'invalid-phone' }],
    );
  });

  it('reads yes-no, money, integers and choices', () => {
    assert.deepEqual(parsePageForm(page('married'), { 'spouse.isCitizen': 'no' }).values, {
      spouse: { isCitizen: false },
    });
    assert.deepEqual(parsePageForm(page('married'), { 'spouse.isCitizen': 'maybe' }).errors, [
      { path: 'spouse.isCitizen', code: 'invalid-yes-no' },
    ]);
    assert.deepEqual(
      parsePageForm(page('income'), {
        income: '$1,234.50',
        household: '3',
        status: 'a',
        notes: 'ok',
      }),
      { values: { income: 1234.5, household: 3, status: 'a', notes: 'ok' }, errors: [] },
    );
    assert.deepEqual(
      parsePageForm(page('income'), {
        income: '12.345',
        household: '0',
        status: 'c',
        notes: 'far too long',
      }).errors,
      [
        { path: 'income', code: 'invalid-money' },
        { path: 'household', code: 'too-small' },
        { path: 'status', code: 'invalid-choice' },
        { path: 'notes', code: 'too-long' },
      ],
    );
    assert.deepEqual(
      parsePageForm(page('income'), { income: '-1', household: '2.5', status: 'a' }).errors,
      [
        { path: 'income', code: 'too-small' },
        { path: 'household', code: 'invalid-integer' },
      ],
    );
    assert.deepEqual(
      parsePageForm(page('income'), { income: '2000000', household: '21', status: 'a' }).errors,
      [
        { path: 'income', code: 'too-large' },
        { path: 'household', code: 'too-large' },
      ],
    );
  });

  it('reads a repeating page, renumbering items and dropping blank ones', () => {
    const result = parsePageForm(page('trips'), {
      'trips.0.departed.day': '1',
      'trips.0.departed.month': '1',
      'trips.0.departed.year': '2020',
      'trips.0.returned.day': '10',
      'trips.0.returned.month': '1',
      'trips.0.returned.year': '2020',
      'trips.1.departed.day': '',
      'trips.1.departed.month': '',
      'trips.1.departed.year': '',
      'trips.3.departed.day': '1',
      'trips.3.departed.month': '2',
      'trips.3.departed.year': '2021',
      'trips.3.approved': 'yes',
    });
    assert.deepEqual(result.values, {
      trips: [
        { departed: '2020-01-01', returned: '2020-01-10' },
        { departed: '2021-02-01', approved: true },
      ],
    });
    assert.deepEqual(result.errors, [{ path: 'trips.1.returned', code: 'required' }]);
  });

  it('reads a repeating page left blank as an empty list, and refuses too many items', () => {
    assert.deepEqual(parsePageForm(page('trips'), { 'trips.0.departed.day': '' }), {
      values: { trips: [] },
      errors: [],
    });
    const form: Record<string, string> = {};
    for (let i = 0; i < 4; i++) {
      form[`trips.${i}.departed.day`] = '1';
      form[`trips.${i}.departed.month`] = '1';
      form[`trips.${i}.departed.year`] = String(2000 + i);
      form[`trips.${i}.returned.day`] = '2';
      form[`trips.${i}.returned.month`] = '1';
      form[`trips.${i}.returned.year`] = String(2000 + i);
    }
    assert.deepEqual(parsePageForm(page('trips'), form).errors, [
      { path: 'trips', code: 'too-many-items' },
    ]);
    const min = {
      ...page('trips'),
      repeat: { path: 'trips', max: 3, min: 1, itemLabel: label, addAnother: label },
    };
    assert.deepEqual(parsePageForm(min, {}).errors, [
      { path: 'trips.0.departed', code: 'required' },
    ]);
  });

  it('never throws, and what it accepts the API accepts', () => {
    const pages = flow.pages;
    const names = pages.flatMap((p) =>
      p.fields.flatMap((f) => {
        const base = p.repeat
          ? [`${p.repeat.path}.0.${f.path}`, `${p.repeat.path}.7.${f.path}`]
          : [f.path];
        return f.kind === 'date'
          ? base.flatMap((b) => [`${b}.day`, `${b}.month`, `${b}.year`])
          : base;
      }),
    );
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'yes',
        'no',
        'a',
        '1',
        '31',
        '2',
        '2000',
        '12.5',
        '$3',
        'a@b.co',
        '206 555 0100',
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...pages),
        fc.dictionary(fc.constantFrom(...names), value),
        (p, form) => {
          const { values, errors } = parsePageForm(p, form);
          if (errors.length > 0) return;
          const single: FlowDefinition = {
            id: 'one',
            version: '1',
            pages: [{ ...p, when: undefined }],
          };
          assert.deepEqual(validateAnswers(single, values).errors, []);
        },
      ),
    );
  });
});

describe('atMost', () => {
  const household: FlowPage = {
    key: 'household',
    title: label,
    fields: [
      { path: 'size', kind: 'integer', label, min: 1 },
      { path: 'adults', kind: 'integer', label, min: 1, atMost: 'size' },
    ],
  };
  const single: FlowDefinition = { id: 'h', version: '1', pages: [household] };

  it('refuses a number above another answer on the page, in a form and in JSON', () => {
    assert.deepEqual(parsePageForm(household, { size: '2', adults: '3' }), {
      values: { size: 2 },
      errors: [{ path: 'adults', code: 'too-large' }],
    });
    assert.deepEqual(parsePageForm(household, { size: '3', adults: '3' }).errors, []);
    assert.deepEqual(validateAnswers(single, { size: 2, adults: 3 }).errors, [
      { path: 'adults', code: 'too-large' },
    ]);
    assert.deepEqual(validateAnswers(single, { size: 4, adults: 3 }).errors, []);
  });
});

describe('relations between answers', () => {
  const stays: FlowPage = {
    key: 'stays',
    title: label,
    repeat: {
      path: 'stays',
      max: 5,
      itemLabel: label,
      addAnother: label,
      noOverlap: { start: 'from', end: 'to' },
      unique: ['from'],
    },
    fields: [
      { path: 'from', kind: 'date', label },
      { path: 'to', kind: 'date', label, notBefore: 'from' },
    ],
  };
  const single: FlowDefinition = { id: 's', version: '1', pages: [stays] };
  const form = (...ranges: [string, string][]) =>
    Object.fromEntries(
      ranges.flatMap(([from, to], i) =>
        (
          [
            ['from', from],
            ['to', to],
          ] as const
        ).flatMap(([name, iso]) => {
          const [year, month, day] = iso.split('-');
          return [
            [`stays.${i}.${name}.day`, day ?? ''],
            [`stays.${i}.${name}.month`, month ?? ''],
            [`stays.${i}.${name}.year`, year ?? ''],
          ];
        }),
      ),
    );

  it('refuses a date before the one it must follow', () => {
    assert.deepEqual(parsePageForm(stays, form(['2020-01-10', '2020-01-09'])).errors, [
      { path: 'stays.0.to', code: 'date-order' },
    ]);
    assert.deepEqual(parsePageForm(stays, form(['2020-01-10', '2020-01-10'])).errors, []);
    assert.deepEqual(
      validateAnswers(single, { stays: [{ from: '2020-01-10', to: '2019-12-31' }] }).errors,
      [{ path: 'stays.0.to', code: 'date-order' }],
    );
  });

  it('refuses ranges that overlap, in any order, but not one starting the day another ends', () => {
    assert.deepEqual(
      parsePageForm(stays, form(['2020-03-01', '2020-03-10'], ['2020-01-01', '2020-03-02'])).errors,
      [{ path: 'stays.1.from', code: 'overlapping-items' }],
    );
    assert.deepEqual(
      parsePageForm(stays, form(['2020-01-01', '2020-03-01'], ['2020-03-01', '2020-03-10'])).errors,
      [],
    );
  });

  it('refuses an item given twice', () => {
    assert.deepEqual(
      validateAnswers(single, {
        stays: [
          { from: '2020-01-01', to: '2020-01-01' },
          { from: '2020-01-01', to: '2020-01-01' },
        ],
      }).errors,
      [{ path: 'stays.1.from', code: 'duplicate-item' }],
    );
  });
});

describe('validateAnswers', () => {
  it('accepts complete answers and returns them', () => {
    assert.deepEqual(validateAnswers(flow, complete), { answers: complete, errors: [] });
  });

  it('refuses what is not an object', () => {
    for (const value of [null, [], 'x', 1]) {
      assert.deepEqual(validateAnswers(flow, value).errors, [{ path: '', code: 'required' }]);
    }
  });

  it('names each problem with its full path and code', () => {
    const { errors } = validateAnswers(flow, {
      applicant: { givenName: 'Ana', nickname: 'x' },
      birthDate: '1980-2-1',
      spouse: { isCitizen: 'yes' },
      trips: [
        { departed: '2020-01-01', returned: '2020-01-10' },
        { departed: '2020-02-01', returned: 20200210, extra: 1 },
      ],
      income: '100',
      household: 2.5,
      status: 'z',
      ssn: '123',
    });
    assert.deepEqual(
      errors.sort((a, b) => a.path.localeCompare(b.path)),
      [
        { path: 'applicant.nickname', code: 'unknown-field' },
        { path: 'birthDate', code: 'invalid-date' },
        { path: 'household', code: 'invalid-integer' },
        { path: 'income', code: 'invalid-money' },
        { path: 'spouse.isCitizen', code: 'invalid-yes-no' },
        { path: 'ssn', code: 'unknown-field' },
        { path: 'status', code: 'invalid-choice' },
        { path: 'trips.1.extra', code: 'unknown-field' },
        { path: 'trips.1.returned', code: 'invalid-date' },
      ],
    );
  });

  it('requires visible pages only, drops hidden answers, and bounds lists', () => {
    const single = { ...complete, spouse: { isCitizen: false, marriedSince: '2010-01-01' } };
    const result = validateAnswers(flow, single);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.answers.spouse, { isCitizen: false });
    const trip = { departed: '2020-01-01', returned: '2020-01-02' };
    assert.deepEqual(
      validateAnswers(flow, { ...complete, trips: [trip, trip, trip, trip] }).errors,
      [{ path: 'trips', code: 'too-many-items' }],
    );
    assert.deepEqual(validateAnswers(flow, { ...complete, trips: {} }).errors, [
      { path: 'trips', code: 'required' },
    ]);
    const { spouse: _spouse, ...noSpouse } = complete;
    assert.deepEqual(validateAnswers(flow, noSpouse).errors, [
      { path: 'spouse.isCitizen', code: 'required' },
    ]);
  });
});

describe('mergePageAnswers and pruneAnswers', () => {
  it('drops the answers of pages an earlier answer hides', () => {
    const merged = mergePageAnswers(complete, page('married'), { spouse: { isCitizen: false } });
    assert.deepEqual(merged.spouse, { isCitizen: false });
    assert.equal(getAnswer(merged, 'spouse.marriedSince'), undefined);
    // The original is untouched.
    assert.equal(getAnswer(complete, 'spouse.marriedSince'), '2010-06-01');
  });

  it('replaces a repeating page’s whole list and removes fields left empty', () => {
    const merged = mergePageAnswers(
      complete,
      page('trips'),
      { trips: [{ departed: '2021-01-01', returned: '2021-01-02' }] },
      flow,
    );
    assert.deepEqual(merged.trips, [{ departed: '2021-01-01', returned: '2021-01-02' }]);
    const named = mergePageAnswers(
      { applicant: { givenName: 'A', phone: '2065550100' } },
      page('name'),
      { applicant: { givenName: 'B' } },
    );
    assert.deepEqual(named, { applicant: { givenName: 'B' } });
  });

  it('needs the page’s flow', () => {
    const stray: FlowPage = { key: 'stray', title: label, fields: [] };
    assert.throws(() => mergePageAnswers({}, stray, {}));
  });

  it('keeps no answer of a hidden page, and is idempotent', () => {
    const answers = fc.record(
      {
        birthDate: fc.constantFrom('1980-01-01', 'x'),
        spouse: fc.record(
          { isCitizen: fc.boolean(), marriedSince: fc.constantFrom('2000-01-01') },
          { requiredKeys: [] },
        ),
        status: fc.constantFrom('a', 'b'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answers, (given) => {
        const pruned = pruneAnswers(flow, given);
        assert.deepEqual(pruneAnswers(flow, pruned), pruned);
        if (getAnswer(pruned, 'spouse.isCitizen') !== true) {
          assert.equal(getAnswer(pruned, 'spouse.marriedSince'), undefined);
        } else {
          assert.equal(
            getAnswer(pruned, 'spouse.marriedSince'),
            getAnswer(given, 'spouse.marriedSince'),
          );
        }
      }),
    );
  });
});

describe('checkAnswerRows', () => {
  it('lists each answered field of each visible page in order', () => {
    const rows = checkAnswerRows(flow, { ...complete, notes: '' });
    assert.deepEqual(
      rows.map((row) => [row.pageKey, row.path, row.value, row.item]),
      [
        ['name', 'applicant.givenName', 'Ana', undefined],
        ['birth-date', 'birthDate', '1980-02-29', undefined],
        ['married', 'spouse.isCitizen', true, undefined],
        ['married-since', 'spouse.marriedSince', '2010-06-01', undefined],
        ['trips', 'trips.0.departed', '2020-01-01', 1],
        ['trips', 'trips.0.returned', '2020-01-10', 1],
        ['income', 'income', 1234.5, undefined],
        ['income', 'household', 3, undefined],
        ['income', 'status', 'b', undefined],
      ],
    );
    assert.equal(rows.find((row) => row.path === 'status')?.options?.length, 2);
    assert.equal(rows.find((row) => row.path === 'status')?.kind, 'choice');
  });
});

describe('ruleAnswers', () => {
  it('leaves out the applicant subtree and nothing else', () => {
    const { applicant: _applicant, ...rest } = complete;
    assert.deepEqual(ruleAnswers(complete), rest);
    assert.ok('applicant' in complete);
  });
});
