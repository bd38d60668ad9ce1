import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  formatDay,
  parseDay,
  wholeYearsBetween,
  yearOf,
} from './dates.ts';

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

describe('calendar arithmetic agrees with the JavaScript Date object', () => {
  const msPerDay = 86_400_000;
  const viaDate = {
    addYears(d: number, years: number): number {
      const date = new Date(d * msPerDay);
      return (
        Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / msPerDay
      );
    },
    addMonths(d: number, months: number): number {
      const date = new Date(d * msPerDay);
      const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
      const last = new Date(
        Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
      ).getUTCDate();
      return (
        Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), last)) /
        msPerDay
      );
    },
  };
  const anyDay = fc.integer({ min: day('1800-01-01'), max: day('2400-12-31') });

  it('adds years like Date.UTC, 29 February rolling to 1 March', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -120, max: 120 }), (d, years) => {
        assert.equal(addYears(d, years), viaDate.addYears(d, years));
      }),
      { numRuns: 20_000 },
    );
  });

  it('adds months like Date.UTC, clamped to the end of the month', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -1_500, max: 1_500 }), (d, months) => {
        assert.equal(addMonths(d, months), viaDate.addMonths(d, months));
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows the year of any day', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        assert.equal(yearOf(d), new Date(d * msPerDay).getUTCFullYear());
      }),
    );
  });
});

describe('parsing', () => {
  it('agrees with Date.UTC on every well-formed string, real or impossible', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, dayOfMonth) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
          const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
          const real =
            date.getUTCFullYear() === year &&
            date.getUTCMonth() === month - 1 &&
            date.getUTCDate() === dayOfMonth;
          assert.equal(parseDay(text), real ? date.getTime() / 86_400_000 : undefined, text);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('refuses signs, spaces and other separators', () => {
    for (const bad of [
      '+024-01-01',
      '2024/01/01',
      '2024-01-0 ',
      ' 2024-01-1',
      '2024-0a-01',
      '2024-01-01T00:00',
    ]) {
      assert.equal(parseDay(bad), undefined, bad);
    }
  });
});

describe('formatting', () => {
  it('writes every day as Date.toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1000-01-01'), max: day('9999-12-31') }), (d) => {
        assert.equal(formatDay(d), new Date(d * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
  });
});
