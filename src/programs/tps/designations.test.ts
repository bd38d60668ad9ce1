import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDay } from '../../engine/dates.ts';
import { type Parameter, ParameterSet, type ParameterValue } from '../../engine/parameters.ts';
import { loadParameters } from '../../modules/rules/parameters.repository.ts';
import {
  buildDesignation,
  dataReviewedOn,
  dataReviewParameter,
  designationsFor,
  messageKey,
  notDesignated,
  stateOn,
  statusOn,
  TpsDataError,
  tpsData,
} from './designations.ts';

const day = (iso: string) => parseDay(iso) as number;
const citation = { title: 'Test notice', href: 'https://example.org/notice' };
const court = { title: 'Test court order', href: 'https://example.org/order' };

/** Event values as the YAML loader hands them over (JSON-like, checked by the decoder). */
type Events = Record<string, unknown>;

function parameter(name: string, values: Events): Parameter {
  return {
    name,
    description: 'test designation',
    unit: 'event',
    values: Object.entries(values)
      .map(([from, value]) => ({ from: day(from), value: value as ParameterValue }))
      .sort((a, b) => a.from - b.from),
    reviewedUntil: undefined,
    references: [citation],
  };
}

const designation = {
  event: 'designation',
  country: 'XA',
  continuous_residence_since: '2020-01-01',
  continuous_presence_since: '2020-02-01',
  designated_through: '2021-07-31',
  citation,
};

function status(events: Events, on: string) {
  const built = buildDesignation('x', parameter('dhs/tps/designations/x', events));
  return statusOn(stateOn(built, day(on)), day(on));
}

describe('TPS designation timelines', () => {
  it('is not designated before its first event, active after, no-decision past its end', () => {
    const events = { '2020-02-01': designation };
    assert.equal(status(events, '2020-01-31'), 'not-designated');
    assert.equal(status(events, '2020-02-01'), 'active');
    assert.equal(status(events, '2021-07-31'), 'active');
    assert.equal(status(events, '2021-08-01'), 'no-decision');
  });

  it('ends TPS at the end of the termination day, and keeps it through a pending termination', () => {
    const events = {
      '2020-02-01': designation,
      '2021-06-01': { event: 'termination-announced', effective: '2021-09-30', citation },
      '2021-09-30': { event: 'termination', citation },
    };
    // Past the designation's own end, TPS runs until the termination takes effect.
    assert.equal(status(events, '2021-08-15'), 'active');
    assert.equal(status(events, '2021-09-30'), 'active');
    assert.equal(status(events, '2021-10-01'), 'terminated');
    const built = buildDesignation('x', parameter('dhs/tps/designations/x', events));
    const state = stateOn(built, day('2021-08-15'));
    assert.equal(state.designatedThrough, day('2021-09-30'));
    assert.equal(state.terminationDate, day('2021-09-30'));
  });

  it('is stayed while a court order stops a termination, before or after it took effect', () => {
    const events = {
      '2020-02-01': designation,
      '2021-06-01': { event: 'termination-announced', effective: '2021-09-30', citation },
      '2021-09-29': { event: 'court-stay', citation: court },
      '2021-09-30': { event: 'termination', citation },
      '2022-03-01': { event: 'stay-lifted', citation: court },
      '2022-05-01': { event: 'court-stay', citation: court },
    };
    assert.equal(status(events, '2021-09-28'), 'active');
    assert.equal(status(events, '2021-09-29'), 'stayed');
    assert.equal(status(events, '2022-02-28'), 'stayed');
    assert.equal(status(events, '2022-03-01'), 'terminated');
    assert.equal(status(events, '2022-05-01'), 'stayed');
    const built = buildDesignation('x', parameter('dhs/tps/designations/x', events));
    assert.match(stateOn(built, day('2021-10-15')).decision ?? '', /Test court order/);
    assert.match(
      stateOn(built, day('2022-03-01')).decision ?? '',
      /Test notice.*; Test court order/,
    );
  });

  it('moves the end date with extensions, vacaturs and court orders setting a vacatur aside', () => {
    const events = {
      '2020-02-01': designation,
      '2021-08-01': { event: 'extension', designated_through: '2023-01-31', citation },
      '2022-01-10': { event: 'vacatur', designated_through: '2022-06-30', citation },
      '2022-05-01': {
        event: 'vacatur-set-aside',
        designated_through: '2023-01-31',
        citation: court,
      },
    };
    assert.equal(status(events, '2022-02-01'), 'active');
    const built = buildDesignation('x', parameter('dhs/tps/designations/x', events));
    assert.equal(stateOn(built, day('2022-02-01')).designatedThrough, day('2022-06-30'));
    assert.equal(stateOn(built, day('2022-05-01')).designatedThrough, day('2023-01-31'));
  });

  it('takes new residence and presence dates from a redesignation only', () => {
    const events = {
      '2020-02-01': designation,
      '2021-08-01': [
        { event: 'extension', designated_through: '2022-01-31', citation },
        {
          event: 'redesignation',
          continuous_residence_since: '2021-06-01',
          continuous_presence_since: '2021-08-01',
          designated_through: '2023-01-31',
          citation,
        },
      ],
    };
    const built = buildDesignation('x', parameter('dhs/tps/designations/x', events));
    const before = stateOn(built, day('2021-07-31'));
    const after = stateOn(built, day('2021-08-01'));
    assert.equal(before.residenceSince, day('2020-01-01'));
    assert.equal(after.residenceSince, day('2021-06-01'));
    assert.equal(after.presenceSince, day('2021-08-01'));
    // Two events on one day leave one state, the last one's.
    assert.equal(built.states.length, 2);
    assert.equal(after.designatedThrough, day('2023-01-31'));
  });

  it('rejects data it cannot trust', () => {
    const bad = (values: Events) => () =>
      buildDesignation('x', parameter('dhs/tps/designations/x', values));
    assert.throws(
      bad({ '2020-02-01': { event: 'extension', designated_through: '2021-01-01', citation } }),
      TpsDataError,
    );
    assert.throws(bad({ '2020-02-01': { ...designation, country: undefined } }), TpsDataError);
    assert.throws(
      bad({ '2020-02-01': { ...designation, designated_through: 'soon' } }),
      TpsDataError,
    );
    assert.throws(bad({ '2020-02-01': { event: 'designation-ish', citation } }), TpsDataError);
    assert.throws(
      bad({
        '2020-02-01': designation,
        '2021-06-01': { event: 'termination-announced', effective: '2021-09-30', citation },
      }),
      /no termination event on its effective date 2021-09-30/,
    );
    assert.throws(
      bad({ '2020-02-01': designation, '2021-08-01': { ...designation } }),
      /only the first designation names the country/,
    );
    assert.throws(
      bad({ '2020-02-01': { ...designation, citation: { title: 'no address', href: 'nowhere' } } }),
      TpsDataError,
    );
  });

  it('makes ids into ICU select keys', () => {
    assert.equal(messageKey('el-salvador'), 'elSalvador');
    assert.equal(messageKey('venezuela-2021'), 'venezuela2021');
    assert.equal(messageKey('no-decision'), 'noDecision');
    assert.equal(messageKey('haiti'), 'haiti');
  });

  it('has a shared state for countries never designated', () => {
    assert.equal(notDesignated.kind, 'not-designated');
    assert.equal(statusOn(notDesignated, day('2026-01-01')), 'not-designated');
  });
});

describe('TPS data in rules/parameters', () => {
  const parameters = loadParameters();
  const data = tpsData(parameters);

  it('decodes all 18 designations, once per parameter set', () => {
    assert.deepEqual([...data.designations.keys()].sort(), [
      'afghanistan',
      'burma',
      'cameroon',
      'el-salvador',
      'ethiopia',
      'haiti',
      'honduras',
      'lebanon',
      'nepal',
      'nicaragua',
      'somalia',
      'south-sudan',
      'sudan',
      'syria',
      'ukraine',
      'venezuela-2021',
      'venezuela-2023',
      'yemen',
    ]);
    assert.equal(tpsData(parameters), data);
  });

  it('finds designations by ISO code, id and country slug, oldest first', () => {
    const ids = (key: string) => designationsFor(data, key).map((d) => d.id);
    assert.deepEqual(ids('VE'), ['venezuela-2021', 'venezuela-2023']);
    assert.deepEqual(ids('venezuela'), ['venezuela-2021', 'venezuela-2023']);
    assert.deepEqual(ids('venezuela-2023'), ['venezuela-2023']);
    assert.deepEqual(ids('SV'), ['el-salvador']);
    assert.deepEqual(ids('el-salvador'), ['el-salvador']);
    assert.deepEqual(ids('MM'), ['burma']);
    assert.deepEqual(ids('MX'), []);
  });

  it('keeps every state in date order with a source', () => {
    for (const designation of data.designations.values()) {
      for (let i = 1; i < designation.states.length; i++) {
        const previous = designation.states[i - 1]?.from ?? 0;
        assert.ok((designation.states[i]?.from ?? 0) > previous, designation.id);
      }
      for (const state of designation.states) assert.ok(state.decision, designation.id);
    }
  });

  it('reads the last review date and rejects a malformed review', () => {
    assert.equal(dataReviewedOn(parameters, day('2026-12-01')), day('2026-11-25'));
    const broken = new ParameterSet(
      [
        {
          name: dataReviewParameter,
          description: 'review',
          unit: 'review',
          values: [{ from: day('2026-11-25'), value: { reviewed_on: '2026-11-24' } }],
          reviewedUntil: undefined,
          references: [citation],
        },
      ],
      'test',
    );
    assert.throws(() => dataReviewedOn(broken, day('2026-12-01')), TpsDataError);
    assert.throws(
      () => dataReviewedOn(new ParameterSet([], 'empty'), day('2026-12-01')),
      /dhs\/tps\/data-review/,
    );
  });
});
