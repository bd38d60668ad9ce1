import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, addMonths, addYears, formatDay, parseDay, wholeYearsBetween } from './dates.ts';

const day = (iso: string) => parseDay(iso) as number;

describe('dates', () => {
  it('parses real dates and refuses impossible or malformed ones', () => {
    assert.equal(formatDay(day('2024-02-29')), '2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '2024-04-31', '']) {
      assert.equal(parseDay(bad), undefined, bad);
    }
  });

  it('reproduces USCIS’s early-filing example: 90 days before 2018-07-04 is 2018-04-05', () => {
    assert.equal(formatDay(addDays(addYears(day('2013-07-04'), 5), -90)), '2018-04-05');
  });

  it('rolls 29 February to 1 March in a common year', () => {
    assert.equal(formatDay(addYears(day('2008-02-29'), 18)), '2026-03-01');
    assert.equal(wholeYearsBetween(day('2008-02-29'), day('2026-02-28')), 17);
    assert.equal(wholeYearsBetween(day('2008-02-29'), day('2026-03-01')), 18);
  });

  it('counts an age as whole years, turning on the birthday', () => {
    assert.equal(wholeYearsBetween(day('2008-11-25'), day('2026-11-24')), 17);
    assert.equal(wholeYearsBetween(day('2008-11-25'), day('2026-11-25')), 18);
  });

  it('clamps month arithmetic to the end of a shorter month', () => {
    assert.equal(formatDay(addMonths(day('2026-01-31'), 1)), '2026-02-28');
    assert.equal(formatDay(addMonths(day('2026-11-30'), 3)), '2027-02-28');
  });

  it('round-trips every day between 1900 and 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1900-01-01'), max: day('2100-12-31') }), (d) => {
        assert.equal(parseDay(formatDay(d)), d);
      }),
    );
  });

  it('never lets whole years exceed the span, nor fall a year short', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('1920-01-01'), max: day('2030-12-31') }),
        fc.integer({ min: 0, max: 40_000 }),
        (from, span) => {
          const years = wholeYearsBetween(from, from + span);
          assert.ok(addYears(from, years) <= from + span);
          assert.ok(addYears(from, years + 1) > from + span);
        },
      ),
    );
  });
});
