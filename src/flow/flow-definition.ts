import type { MessageKey } from '../i18n/message-key.ts';

/**
 * A journey (the screener, or one program's application) declared as data
 * (DESIGN.md, "Forms and flows"): pages with a key, the answers each asks,
 * a condition over earlier answers, in order. The journey a person takes is
 * derived from their answers, never stored; a page not reachable from the
 * answers cannot be visited by URL. Nothing here does I/O.
 *
 * Answers are one JSON object. A field's `path` names where its value goes
 * in it (`birthDate`, `spouse.isCitizen`); the part of the object a
 * program's rules read is exactly that program's JSON answers (the CLI and
 * API contract, e.g. src/programs/naturalization/answers.ts). Fields that
 * only identify or contact the person live under `applicant.` and never
 * reach the rules, as do questions that only steer the journey (whether
 * the person served in the military, before the service dates are asked).
 */

/** How a field is asked, stored and checked. */
export type FieldKind =
  /** One line of text. Stored as a string. */
  | 'text'
  /** Several lines of text. Stored as a string. */
  | 'long-text'
  /** Day, month, year inputs. Stored as `YYYY-MM-DD`. */
  | 'date'
  /** Two radios. Stored as a boolean. */
  | 'yes-no'
  /** Radios from `options`. Stored as the option's value. */
  | 'choice'
  /** A whole number. Stored as a number. */
  | 'integer'
  /** US dollars and cents. Stored as a number of dollars. */
  | 'money'
  /** An email address. Stored as typed, trimmed. */
  | 'email'
  /** A phone number. Stored as typed, trimmed. */
  | 'phone';

export interface FieldOption {
  value: string;
  label: MessageKey;
}

export interface FlowField {
  /**
   * Where the value goes in the answers, dot-separated. On a repeating
   * page, relative to one item of the list.
   */
  path: string;
  kind: FieldKind;
  /** The question, or the label when a page asks several things. */
  label: MessageKey;
  hint?: MessageKey;
  /** For `choice`. */
  options?: readonly FieldOption[];
  /** May be left empty. Validation blocks only malformed input, never a missing optional one. */
  optional?: boolean;
  /** Longest text accepted (text, long-text); 200 unless given. */
  maxLength?: number;
  /** Bounds for integer and money, inclusive. Money is never below 0 unless `min` says so. */
  min?: number;
  max?: number;
  /**
   * For integer and money: the path of another field on the same page this
   * one may not exceed (adults in a household, at most its size). Breaking
   * it is `too-large`: the program's parser would refuse the answers.
   */
  atMost?: string;
  /**
   * The HTML `autocomplete` token when the browser may fill the field from
   * the person's own details (`given-name`, `family-name`, `bday`, `email`,
   * `tel`); every other field is `off`. `bday` also marks the birth date
   * that, with a resume code, reopens a draft.
   */
  autocomplete?: 'given-name' | 'family-name' | 'bday' | 'email' | 'tel';
  /**
   * For dates: the path of another date field on the same page (or item)
   * this one may not be before (a return before the departure). Breaking
   * it is `date-order`: the program's parser would refuse the answers.
   */
  notBefore?: string;
}

/** A condition over answers; a page shows only when its condition holds. */
export type FlowCondition =
  | { path: string; equals: string | number | boolean | null }
  | { path: string; in: readonly (string | number | boolean)[] }
  /** True when the answer at `path` is present (answered: true) or absent (false). */
  | { path: string; answered: boolean }
  | { all: readonly FlowCondition[] }
  | { any: readonly FlowCondition[] }
  | { not: FlowCondition };

/** A page that collects a list (trips abroad, household members, employers). */
export interface RepeatDefinition {
  /** Where the list goes in the answers. */
  path: string;
  /** Most items accepted. */
  max: number;
  /**
   * Fewest items accepted; 0 unless given. With 0, posting the page with
   * every item left blank answers "none" (an empty list), which is itself
   * an answer the rules read (no trips abroad).
   */
  min?: number;
  /** Heading of one item, with `{number}`: "Trip {number}". */
  itemLabel: MessageKey;
  /** The button that adds one more. */
  addAnother: MessageKey;
  /**
   * Items are date ranges that may not overlap (a person is not away twice
   * at once): `start` and `end` name the item's date fields. An item that
   * starts before the one before it (in date order) ends is
   * `overlapping-items`, at its `start`.
   */
  noOverlap?: { start: string; end: string };
  /**
   * The item fields that together identify an item (a year and a quarter);
   * a second item with the same values is `duplicate-item`, at the first of
   * these fields.
   */
  unique?: readonly string[];
}

export interface FlowPage {
  /** Kebab-case, stable: it is part of the page's URL. */
  key: string;
  /** The page's heading: the question when it asks one thing. */
  title: MessageKey;
  /** Why this is asked and who will see it, shown on the page. */
  why?: MessageKey;
  fields: readonly FlowField[];
  when?: FlowCondition;
  repeat?: RepeatDefinition;
}

export interface FlowDefinition {
  /** The program id (or `screener`). */
  id: string;
  /** Bumped when pages or fields change; recorded with each case. */
  version: string;
  pages: readonly FlowPage[];
}

/** Answers as stored: plain JSON. */
export type FlowAnswers = Record<string, unknown>;

/** A field-level validation error: where, and a stable code with its message key. */
export interface FieldError {
  /** Full path in the answers, with list indexes: `trips.2.returned`. */
  path: string;
  code: FieldErrorCode;
}

/** Stable codes; a code is never reused for a different meaning. */
export type FieldErrorCode =
  | 'required'
  | 'invalid-date'
  | 'invalid-choice'
  | 'invalid-yes-no'
  | 'invalid-integer'
  | 'invalid-money'
  | 'invalid-email'
  | 'invalid-phone'
  | 'too-long'
  | 'too-small'
  | 'too-large'
  | 'too-many-items'
  | 'unknown-field'
  /** A date before the one it must follow (`notBefore`). */
  | 'date-order'
  /** A list item whose dates overlap another's (`noOverlap`). */
  | 'overlapping-items'
  /** A list item the same as another (`unique`). */
  | 'duplicate-item';
