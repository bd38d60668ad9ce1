import { addYears, type Day } from '../../engine/dates.ts';

/**
 * One trip outside the United States: the day the person left and the day
 * they came back. Trips are sorted by departure and do not overlap (the
 * input parser sees to both).
 */
export interface Trip {
  readonly departed: Day;
  readonly returned: Day;
  /** An approved Form N-470 preserved residence during this absence. */
  readonly n470Approved?: boolean | undefined;
}

/** A trip's length as the continuity rules measure it: return minus departure. */
export function tripLength(trip: Trip): number {
  return trip.returned - trip.departed;
}

/**
 * Days spent outside the United States in the days `from` … `to − 1`. The
 * day of departure and the day of return are days present (USCIS Policy
 * Manual, Vol. 12, Part D, Ch. 4), so a trip keeps the person away on the
 * days strictly between them.
 */
export function absentDays(trips: readonly Trip[], from: Day, to: Day): number {
  let total = 0;
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as Trip;
    if (trip.departed >= to) break;
    const first = Math.max(trip.departed + 1, from);
    const last = Math.min(trip.returned - 1, to - 1);
    if (last >= first) total += last - first + 1;
  }
  return total;
}

/**
 * Days present in the `years` before filing: the days from the same date
 * `years` earlier up to the day before filing.
 */
export function presentDays(trips: readonly Trip[], filingDate: Day, years: number): number {
  const start = addYears(filingDate, -years);
  return filingDate - start - absentDays(trips, start, filingDate);
}

/**
 * The first date on or after `from` with at least `required` days present
 * in the `years` before it. Moving the date one day on adds at most one day
 * present (the window gains a day at its end and never gains one at its
 * start), so a date short by `n` days cannot be met sooner than `n` days
 * later: the search jumps by the shortfall and counts again, never walking
 * day by day. It ends, since each jump moves forward and a window clear of
 * every trip is long enough.
 */
export function firstDateWithPresence(
  trips: readonly Trip[],
  from: Day,
  years: number,
  required: number,
): Day {
  if (required > 365 * years) throw new RangeError(`${required} days cannot fit in ${years} years`);
  let date = from;
  for (;;) {
    const present = presentDays(trips, date, years);
    if (present >= required) return date;
    date += required - present;
  }
}

/**
 * The first date continuous residence allows filing again after the trips
 * that broke it (absences of `breakFrom` days or more, unless an approved
 * N-470 preserved residence): `years` and `days` after the latest such
 * return. Trips that start on or after `before` are not counted. Undefined
 * when no trip broke continuity.
 */
export function residenceRestartDate(
  trips: readonly Trip[],
  before: Day,
  breakFrom: number,
  years: number,
  days: number,
): Day | undefined {
  let latest: Day | undefined;
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as Trip;
    if (trip.departed >= before) break;
    if (trip.n470Approved !== true && tripLength(trip) >= breakFrom) {
      if (latest === undefined || trip.returned > latest) latest = trip.returned;
    }
  }
  return latest === undefined ? undefined : addYears(latest, years) + days;
}

/**
 * Whether a trip in the days `from` … `before − 1`, after the last break in
 * continuity, lasted more than `presumptionOver` days and less than
 * `breakFrom`: such an absence is presumed to have broken continuous
 * residence unless the person shows otherwise. Trips before a break do not
 * count, since residence starts again after it.
 */
export function hasPresumedBreak(
  trips: readonly Trip[],
  from: Day,
  before: Day,
  presumptionOver: number,
  breakFrom: number,
): boolean {
  let presumed = false;
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as Trip;
    if (trip.departed >= before) break;
    if (trip.n470Approved === true) continue;
    const length = tripLength(trip);
    if (length >= breakFrom) presumed = false;
    else if (length > presumptionOver && trip.returned > from) presumed = true;
  }
  return presumed;
}

/** The longest trip (return minus departure) that overlaps the days `from` … `before − 1`. */
export function longestTrip(trips: readonly Trip[], from: Day, before: Day): number {
  let longest = 0;
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as Trip;
    if (trip.departed >= before) break;
    if (trip.returned > from && tripLength(trip) > longest) longest = tripLength(trip);
  }
  return longest;
}
