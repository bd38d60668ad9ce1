import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addYears, type Day, parseDay } from '../../engine/dates.ts';
import {
  absentDays,
  firstDateWithPresence,
  hasPresumedBreak,
  longestTrip,
  presentDays,
  residenceRestartDate,
  type Trip,
} from './trips.ts';

const day = (iso: string) => parseDay(iso) as Day;
const trip = (departed: string, returned: string, n470Approved?: boolean): Trip => ({
  departed: day(departed),
  returned: day(returned),
  n470Approved,
});

/** Days present counted one day at a time: the slow, obvious reading of the rule. */
function presentDaysOneByOne(trips: readonly Trip[], filingDate: Day, years: number): number {
  let present = 0;
  for (let d = addYears(filingDate, -years); d < filingDate; d++) {
    if (!trips.some((t) => d > t.departed && d < t.returned)) present++;
  }
  return present;
}

/** Sorted, non-overlapping trips, as the input parser hands them over. */
const tripsArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 420 })), {
    maxLength: 8,
  })
  .map((gapsAndLengths) => {
    const trips: Trip[] = [];
    let cursor = day('2012-01-01');
    for (const [gap, length] of gapsAndLengths) {
      const departed = cursor + gap;
      trips.push({ departed, returned: departed + length });
      cursor = departed + length;
    }
    return trips;
  });

describe('naturalization trips', () => {
  it('counts the days of departure and return as days present', () => {
    const trips = [trip('2020-03-01', '2020-03-05')];
    assert.equal(absentDays(trips, day('2020-01-01'), day('2021-01-01')), 3);
    assert.equal(
      absentDays([trip('2020-03-01', '2020-03-01')], day('2020-01-01'), day('2021-01-01')),
      0,
    );
    assert.equal(
      absentDays([trip('2020-03-01', '2020-03-02')], day('2020-01-01'), day('2021-01-01')),
      0,
    );
  });

  it('counts only the absent days inside the window', () => {
    const trips = [trip('2019-12-01', '2020-01-10'), trip('2020-12-25', '2021-01-05')];
    // Absent 2019-12-02 … 2020-01-09 and 2020-12-26 … 2021-01-04; the window is 2020.
    assert.equal(absentDays(trips, day('2020-01-01'), day('2021-01-01')), 9 + 6);
  });

  it('agrees with counting day by day', () => {
    fc.assert(
      fc.property(
        tripsArbitrary,
        fc.integer({ min: day('2013-01-01'), max: day('2022-12-31') }),
        fc.constantFrom(3, 5),
        (trips, filingDate, years) => {
          assert.equal(
            presentDays(trips, filingDate, years),
            presentDaysOneByOne(trips, filingDate, years),
          );
        },
      ),
    );
  });

  it('finds the same first date with enough presence as a day-by-day search', () => {
    fc.assert(
      fc.property(
        tripsArbitrary,
        fc.integer({ min: day('2012-06-01'), max: day('2020-12-31') }),
        fc.constantFrom<[number, number]>([5, 913], [3, 548]),
        (trips, from, [years, required]) => {
          let expected = from;
          while (presentDaysOneByOne(trips, expected, years) < required) expected++;
          assert.equal(firstDateWithPresence(trips, from, years, required), expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a presence requirement longer than the window', () => {
    assert.throws(() => firstDateWithPresence([], day('2020-01-01'), 1, 400), RangeError);
  });

  it('restarts residence 4 years and 1 day after the latest break, ignoring N-470 absences', () => {
    const trips = [
      trip('2010-01-01', '2011-01-01'),
      trip('2013-01-01', '2014-02-01', true),
      trip('2015-01-01', '2015-12-31'),
    ];
    assert.equal(residenceRestartDate(trips, day('2020-01-01'), 365, 4, 1), day('2015-01-02'));
    assert.equal(residenceRestartDate(trips, day('2010-06-01'), 365, 4, 1), day('2015-01-02'));
    assert.equal(residenceRestartDate(trips, day('2010-01-01'), 365, 4, 1), undefined);
    assert.equal(
      residenceRestartDate([trip('2021-01-01', '2021-12-31')], day('2024-01-01'), 365, 4, 1),
      undefined,
    );
  });

  it('presumes a break only for a trip of 181 to 364 days in the window, after any break', () => {
    const window = [day('2019-06-01'), day('2024-06-01')] as const;
    const presumed = (trips: Trip[]) => hasPresumedBreak(trips, window[0], window[1], 180, 365);
    assert.equal(presumed([trip('2022-01-01', '2022-06-30')]), false);
    assert.equal(presumed([trip('2022-01-01', '2022-07-01')]), true);
    assert.equal(presumed([trip('2022-01-01', '2022-12-31')]), true);
    assert.equal(presumed([trip('2022-01-01', '2023-01-01')]), false);
    assert.equal(presumed([trip('2022-01-01', '2022-12-31', true)]), false);
    assert.equal(presumed([trip('2018-01-01', '2019-05-31')]), false);
    assert.equal(
      presumed([trip('2020-01-01', '2020-08-01'), trip('2021-01-01', '2022-01-05')]),
      false,
    );
    assert.equal(presumed([trip('2024-06-01', '2024-12-31')]), false);
  });

  it('reports the longest trip overlapping the window', () => {
    const trips = [trip('2012-01-01', '2013-06-01'), trip('2020-01-01', '2020-03-01')];
    assert.equal(longestTrip(trips, day('2019-06-01'), day('2024-06-01')), 60);
    assert.equal(longestTrip([], day('2019-06-01'), day('2024-06-01')), 0);
  });
});
