/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so that the rules do
 * arithmetic on integers and never meet a time zone or a clock change.
 */
export type Day = number;

const msPerDay = 86_400_000;

/** Parses `YYYY-MM-DD`; undefined for anything else, including impossible dates. */
export function parseDay(value: string): Day | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return undefined;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const dayOfMonth = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1) return undefined;
  if (dayOfMonth > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, dayOfMonth);
}

/** The decimal number in `text` from `start` to `end`, or -1 if any character is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

export function formatDay(day: Day): string {
  const civil = civilFromDays(day);
  const year = Math.floor(civil / 10_000);
  const monthDay = civil % 10_000;
  // Four-digit years, as ISO 8601 and the input format require.
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${monthDay < 1000 ? '0' : ''}${Math.floor(monthDay / 100)}-${monthDay % 100 < 10 ? '0' : ''}${monthDay % 100}`;
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
/**
 * Day numbers to and from proleptic Gregorian year, month and day, in
 * integer arithmetic (Howard Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms", https://howardhinnant.github.io/date_algorithms.html). The
 * rules add years and months to dates millions of times in a simulation;
 * going through a Date object for each was most of the cost.
 */
function daysFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + dayOfMonth - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Year, month (1–12) and day of month of a day number, packed as year × 10000 + month × 100 + day. */
function civilFromDays(day: Day): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + dayOfMonth;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The same calendar date `years` later. A 29 February with no counterpart
 * becomes 1 March: the span of whole years is only complete once 28
 * February has passed. (An interpretation; no source we hold settles it.)
 */
export function addYears(day: Day, years: number): Day {
  const civil = civilFromDays(day);
  const year = Math.floor(civil / 10_000) + years;
  const month = Math.floor(civil / 100) % 100;
  const dayOfMonth = civil % 100;
  if (month === 2 && dayOfMonth === 29 && !isLeapYear(year)) return daysFromCivil(year, 3, 1);
  return daysFromCivil(year, month, dayOfMonth);
}

/** The same day of the month `months` later, or the last day of a shorter month. */
export function addMonths(day: Day, months: number): Day {
  const civil = civilFromDays(day);
  const monthIndex = Math.floor(civil / 10_000) * 12 + (Math.floor(civil / 100) % 100) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(civil % 100, daysInMonth(year, month)));
}

/** Whole years from `from` to `to` (an age, or years of residence). */
export function wholeYearsBetween(from: Day, to: Day): number {
  let years = Math.floor(civilFromDays(to) / 10_000) - Math.floor(civilFromDays(from) / 10_000);
  if (addYears(from, years) > to) years--;
  return years;
}

export function yearOf(day: Day): number {
  return Math.floor(civilFromDays(day) / 10_000);
}
