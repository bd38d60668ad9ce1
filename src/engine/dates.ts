/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so that the rules do
 * arithmetic on integers and never meet a time zone or a clock change.
 */
export type Day = number;

const msPerDay = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; undefined for anything else, including impossible dates. */
export function parseDay(value: string): Day | undefined {
  const match = isoDate.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined;
  }
  return ms / msPerDay;
}

export function formatDay(day: Day): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / msPerDay);
}

export function toDate(day: Day): Date {
  return new Date(day * msPerDay);
}

export function addDays(day: Day, days: number): Day {
  return day + days;
}

/**
 * The same calendar date `years` later. A 29 February with no counterpart
 * becomes 1 March: the span of whole years is only complete once 28
 * February has passed. (An interpretation; no source we hold settles it.)
 */
export function addYears(day: Day, years: number): Day {
  const date = new Date(day * msPerDay);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  // Date.UTC rolls 29 February into 1 March in a common year.
  return Date.UTC(year, month, dayOfMonth) / msPerDay;
}

export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * msPerDay);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return (
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)) /
    msPerDay
  );
}

/** Whole years from `from` to `to` (an age, or years of residence). */
export function wholeYearsBetween(from: Day, to: Day): number {
  const a = new Date(from * msPerDay);
  const b = new Date(to * msPerDay);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  if (addYears(from, years) > to) years--;
  return years;
}

export function yearOf(day: Day): number {
  return new Date(day * msPerDay).getUTCFullYear();
}
