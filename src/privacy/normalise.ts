import { type Day, dayOf, formatDay, parseDay, yearOf } from '../engine/dates.ts';

/**
 * Normalisers for blind indexes: each maps the spellings of one value that
 * mean the same to one string, or to null when there is nothing to index
 * (empty, or not a value of that kind). They are pure and locale-free, so
 * the same input gives the same index on every machine, forever: changing
 * one means recomputing every index built with it (bump the version in
 * blind-index.ts).
 */

// Letters NFKD leaves whole but people write without their stroke or ligature.
const foldedLetters: Record<string, string> = {
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ß: 'ss',
};
const foldedPattern = new RegExp(`[${Object.keys(foldedLetters).join('')}]`, 'gu');
const marks = /\p{M}/gu;
// Apostrophes and the Arabic tatweel join a name's parts: O'Brien = OBrien.
const joiners = /['\u2018\u2019\u02bc\u02bb`\u00b4\u0640]/gu;
const separators = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]+/gu;

/**
 * A personal or family name: compatibility-decomposed (NFKD), combining
 * marks removed (accents, Arabic harakat, hamza seats), case-folded,
 * apostrophes removed, every run of other punctuation, symbols and spacing
 * made one space, trimmed. "José  GARCÍA-López" → "jose garcia lopez".
 */
export function normaliseName(value: string): string | null {
  const folded = value
    .normalize('NFKD')
    .replace(marks, '')
    // Upper then lower approximates full case folding (ß → SS → ss).
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKD')
    .replace(marks, '')
    .replace(foldedPattern, (letter) => foldedLetters[letter] ?? letter)
    .replace(joiners, '')
    .replace(separators, ' ')
    .trim();
  return folded === '' ? null : folded;
}

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A calendar date as YYYY-MM-DD. Accepts a Date (its UTC day) or an ISO
 * date, with or without leading zeros; refuses dates that do not exist.
 */
export function normaliseDate(value: string | Date): string | null {
  let day: Day | undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    day = dayOf(value);
  } else {
    const match = isoDate.exec(value.trim());
    if (!match) return null;
    const [, year, month, dayOfMonth] = match as unknown as [string, string, string, string];
    day = parseDay(`${year}-${month.padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`);
    if (day === undefined) return null;
  }
  const year = yearOf(day);
  return year < 1 || year > 9999 ? null : formatDay(day);
}

const phoneFormatting = /[\s.\-()/\u00a0]/g;
const extension = /(?:ext\.?|x|#)\s*\d{1,6}$/i;

/**
 * A phone number in E.164 (`+` and up to 15 digits). Numbers already
 * written internationally (`+…`, `00…`, or `011…` as dialled from the US)
 * are kept as they are; ten-digit numbers, and eleven starting with 1, are
 * read as North American (NANP: area code and exchange start with 2–9).
 * Anything else is null: without a country we would guess, and a wrong
 * guess splits one person in two. A trailing extension is dropped.
 */
export function normalisePhone(value: string): string | null {
  let text = value.trim().replace(extension, '').replace(phoneFormatting, '');
  if (text.startsWith('011')) text = `+${text.slice(3)}`;
  else if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (text.startsWith('+')) {
    const digits = text.slice(1);
    if (!/^[1-9]\d{6,14}$/.test(digits)) return null;
    if (digits.startsWith('1') && !isNanp(digits.slice(1))) return null;
    return `+${digits}`;
  }
  if (!/^\d+$/.test(text)) return null;
  if (text.length === 11 && text.startsWith('1')) text = text.slice(1);
  return text.length === 10 && isNanp(text) ? `+1${text}` : null;
}

function isNanp(tenDigits: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(tenDigits);
}

/**
 * An email address, trimmed and lower-cased whole. The local part is case
 * sensitive in theory and never in practice; provider-specific folding
 * (dots, +tags) is not applied, because it would join different people.
 */
export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  const at = email.indexOf('@');
  if (at < 1 || at !== email.lastIndexOf('@') || at === email.length - 1) return null;
  if (/\s/.test(email)) return null;
  return email;
}
