import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDay } from '../engine/dates.ts';
import type { Fact } from '../engine/program.ts';
import { loadMessages } from '../i18n/catalogue.ts';
import { messageArguments } from '../i18n/icu.ts';
import { RulesService } from '../modules/rules/rules.service.ts';
import { birthDatePath } from './applicant-pages.ts';
import { applicationFlows } from './application-flows.ts';
import {
  canVisit,
  checkAnswerRows,
  firstIncompletePageKey,
  getAnswer,
  mergePageAnswers,
  nextPageKey,
  pageByKey,
  pruneAnswers,
  ruleAnswers,
  validateAnswers,
  visiblePages,
} from './flow.ts';

const english = loadMessages('en');
const rules = new RulesService();
const asOf = parseDay('2026-06-01') as number;

/** The same subjects test/meta/minimisation.test.ts forbids in the rules' facts. */
const forbidden =
  /social security|\bssn\b|\bitin\b|a-?number|alien|passport|visa number|document number|i-94|country of birth|place of birth|birth ?place/i;

describe('application flows', () => {
  it('cover the programs that take applications', () => {
    assert.deepEqual([...applicationFlows.keys()].sort(), [
      'naturalization',
      'tps',
      'wa-relief',
      'wage-replacement',
    ]);
  });

  for (const [id, { flow, exampleAnswers }] of applicationFlows) {
    describe(id, () => {
      it('is the program’s flow, version 1, with unique kebab-case page keys', () => {
        assert.equal(flow.id, id);
        assert.equal(flow.version, '1');
        const keys = flow.pages.map((page) => page.key);
        assert.equal(new Set(keys).size, keys.length);
        for (const key of keys) assert.match(key, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      });

      it('has every title, label, hint and option in English, with the placeholders it is given', () => {
        for (const page of flow.pages) {
          const keys = [
            page.title,
            page.why,
            page.repeat?.addAnother,
            ...page.fields.flatMap((field) => [
              field.label,
              field.hint,
              ...(field.options ?? []).map((option) => option.label),
            ]),
          ].filter((key) => key !== undefined);
          for (const key of keys) {
            const message = english[key];
            assert.ok(message, `${id}: ${key}`);
            assert.deepEqual([...messageArguments(message)], [], `${id}: ${key} takes no values`);
          }
          if (page.repeat) {
            const item = english[page.repeat.itemLabel] ?? '';
            assert.deepEqual([...messageArguments(item)], ['number'], page.repeat.itemLabel);
          }
        }
      });

      it('asks for no identity or document number and not where someone was born', () => {
        for (const page of flow.pages) {
          for (const field of page.fields) {
            const text = `${field.path} ${english[field.label]} ${english[field.hint ?? field.label]}`;
            assert.doesNotMatch(text, forbidden, `${id}.${field.path}`);
          }
        }
      });

      it('says why on every page that asks a sensitive question', () => {
        const facts = rules.program(id).program.facts as readonly Fact<Record<string, unknown>>[];
        const sensitive = facts
          .filter((fact) => fact.kind === 'writable' && fact.sensitive)
          .map((fact) => String(fact.path));
        assert.ok(sensitive.length > 0 || id === 'wage-replacement');
        for (const page of flow.pages) {
          const paths = page.repeat ? [page.repeat.path] : page.fields.map((field) => field.path);
          if (paths.some((path) => sensitive.includes(path))) {
            assert.ok(page.why, `${id}: page ${page.key} asks a sensitive question`);
          }
        }
      });

      it('keeps identity and contact under applicant, with a birth date to resume by', () => {
        const path = birthDatePath(flow);
        assert.ok(path === 'birthDate' || path === 'applicant.birthDate', `${id}: ${path}`);
        for (const page of flow.pages) {
          for (const field of page.fields) {
            if (field.autocomplete && field.autocomplete !== 'bday') {
              assert.match(field.path, /^applicant\./, `${id}.${field.path}`);
            }
          }
        }
      });

      it('has a complete example that the flow and the program’s own parser accept', () => {
        const given = exampleAnswers.applicant as Record<string, unknown>;
        assert.ok(given.givenName && given.familyName);
        const { answers, errors } = validateAnswers(flow, exampleAnswers);
        assert.deepEqual(errors, []);
        assert.deepEqual(answers, exampleAnswers);
        assert.deepEqual(pruneAnswers(flow, exampleAnswers), exampleAnswers);
        assert.equal(firstIncompletePageKey(flow, exampleAnswers), null);
        const input = ruleAnswers(exampleAnswers);
        assert.equal('applicant' in input, false);
        const parsed = rules.program(id).program.parseInput(input, asOf);
        assert.deepEqual(parsed.ok ? [] : parsed.errors, []);
        // And the rules run on it.
        assert.ok(['yes', 'no', 'maybe'].includes(rules.evaluate(id, input, asOf).outcome));
      });

      it('walks from the first page to check-your-answers over the example', () => {
        const visible = visiblePages(flow, exampleAnswers).map((page) => page.key);
        const walked: string[] = [];
        let key: string | null = visible[0] ?? null;
        while (key !== null && walked.length <= flow.pages.length) {
          assert.ok(canVisit(flow, exampleAnswers, key), key);
          walked.push(key);
          key = nextPageKey(flow, exampleAnswers, key);
        }
        assert.deepEqual(walked, visible);
        // Check-your-answers lists something from every page walked.
        const rows = checkAnswerRows(flow, exampleAnswers);
        assert.deepEqual([...new Set(rows.map((row) => row.pageKey))], walked);
      });

      it('refuses an empty application, naming the first question', () => {
        const { errors } = validateAnswers(flow, {});
        assert.ok(errors.some((error) => error.path === 'applicant.givenName'));
        assert.ok(errors.every((error) => error.code === 'required'));
      });
    });
  }
});

describe('conditional pages', () => {
  const flowOf = (id: string) => {
    const entry = applicationFlows.get(id);
    assert.ok(entry);
    return entry;
  };
  const keys = (id: string, answers: Record<string, unknown>) =>
    visiblePages(flowOf(id).flow, answers).map((page) => page.key);

  it('naturalization asks about a spouse only when married to a citizen, and drops it after', () => {
    const { flow, exampleAnswers } = flowOf('naturalization');
    assert.ok(keys('naturalization', exampleAnswers).includes('spouse-citizen-since'));
    const page = pageByKey(flow, 'married-to-citizen');
    assert.ok(page);
    const single = mergePageAnswers(exampleAnswers, page, { spouse: { isCitizen: false } });
    assert.deepEqual(single.spouse, { isCitizen: false });
    assert.ok(!keys('naturalization', single).includes('spouse-citizen-since'));
    assert.deepEqual(validateAnswers(flow, single).errors, []);
  });

  it('naturalization asks for service dates only of someone who served', () => {
    const { flow, exampleAnswers } = flowOf('naturalization');
    assert.ok(!keys('naturalization', exampleAnswers).includes('military-dates'));
    const page = pageByKey(flow, 'military');
    assert.ok(page);
    const served = mergePageAnswers(exampleAnswers, page, {
      applicant: { servedInMilitary: true },
    });
    assert.equal(firstIncompletePageKey(flow, served), 'military-dates');
    const withService = {
      ...served,
      military: { serviceStart: '2010-01-01', honorablyServed: true },
    };
    assert.deepEqual(validateAnswers(flow, withService).errors, []);
    const parsed = rules
      .program('naturalization')
      .program.parseInput(ruleAnswers(withService), asOf);
    assert.ok(parsed.ok);
    const notServed = mergePageAnswers(withService, page, {
      applicant: { servedInMilitary: false },
    });
    assert.equal(getAnswer(notServed, 'military'), undefined);
    // The other applicant answers stay.
    assert.equal(getAnswer(notServed, 'applicant.givenName'), 'Maria');
  });

  it('tps asks for the dates only when the rules need them', () => {
    const { exampleAnswers } = flowOf('tps');
    assert.ok(keys('tps', exampleAnswers).includes('in-us-since'));
    const holder = { ...exampleAnswers, currentTpsHolder: true };
    assert.ok(!keys('tps', holder).includes('in-us-since'));
    assert.ok(!keys('tps', holder).includes('living-in-us-since'));
    // Venezuela's two designations are told apart by the dates.
    assert.ok(keys('tps', { ...holder, nationality: 'VE' }).includes('in-us-since'));
    const other = keys('tps', { nationality: 'other', currentTpsHolder: false });
    assert.ok(!other.includes('current-tps') && !other.includes('in-us-since'));
    const pruned = pruneAnswers(flowOf('tps').flow, holder);
    assert.equal(pruned.residenceSince, undefined);
    assert.equal(pruned.presenceSince, undefined);
  });

  it('wa-relief refuses more adults than people, as its parser does', () => {
    const { flow, exampleAnswers } = flowOf('wa-relief');
    const answers = { ...exampleAnswers, householdSize: 2, householdAdults: 3 };
    assert.deepEqual(validateAnswers(flow, answers).errors, [
      { path: 'householdAdults', code: 'too-large' },
    ]);
    assert.equal(
      rules.program('wa-relief').program.parseInput(ruleAnswers(answers), asOf).ok,
      false,
    );
  });

  it('naturalization refuses the trips and service dates its parser refuses', () => {
    const { flow, exampleAnswers } = flowOf('naturalization');
    const parse = (answers: Record<string, unknown>) =>
      rules.program('naturalization').program.parseInput(ruleAnswers(answers), asOf).ok;
    const backwards = {
      ...exampleAnswers,
      trips: [{ departed: '2023-07-21', returned: '2023-07-01' }],
    };
    assert.deepEqual(validateAnswers(flow, backwards).errors, [
      { path: 'trips.0.returned', code: 'date-order' },
    ]);
    assert.equal(parse(backwards), false);
    const overlapping = {
      ...exampleAnswers,
      trips: [
        { departed: '2023-07-01', returned: '2023-07-21' },
        { departed: '2023-07-20', returned: '2023-08-01' },
      ],
    };
    assert.deepEqual(validateAnswers(flow, overlapping).errors, [
      { path: 'trips.1.departed', code: 'overlapping-items' },
    ]);
    assert.equal(parse(overlapping), false);
    const service = {
      ...exampleAnswers,
      applicant: { ...(exampleAnswers.applicant as object), servedInMilitary: true },
      military: { serviceStart: '2010-01-01', serviceEnd: '2009-01-01', honorablyServed: true },
    };
    assert.deepEqual(validateAnswers(flow, service).errors, [
      { path: 'military.serviceEnd', code: 'date-order' },
    ]);
    assert.equal(parse(service), false);
  });

  it('wage-replacement refuses a quarter given twice, as its parser does', () => {
    const { flow, exampleAnswers } = flowOf('wage-replacement');
    const twice = {
      ...exampleAnswers,
      quarterlyWages: [
        { year: 2025, quarter: 1, wages: 100 },
        { year: 2025, quarter: 1, wages: 200 },
      ],
    };
    assert.deepEqual(validateAnswers(flow, twice).errors, [
      { path: 'quarterlyWages.1.year', code: 'duplicate-item' },
    ]);
    assert.equal(
      rules.program('wage-replacement').program.parseInput(ruleAnswers(twice), asOf).ok,
      false,
    );
  });
});
