import type { Citation } from '../engine/citation.ts';
import type { MessageKey } from '../i18n/message-key.ts';

/**
 * One document a person brings to the clinic or sends with an application
 * (issue 5, item 6): what it is in their language, a hint with examples,
 * and the rule or instruction that asks for it. A program's `documents`
 * function decides from the answers which apply; it never asks for more
 * than the law or the fund requires, and never for a Social Security card.
 */
export interface DocumentItem {
  /** Stable within a program: `green-card`, `employer-2`. */
  id: string;
  label: MessageKey;
  hint?: MessageKey;
  /** Placeholders of `label` and `hint` (an employer's name, as the person typed it). */
  values?: Readonly<Record<string, string | number>>;
  citation: Citation;
}

/** Reads a plain object's field, or undefined: answers are untrusted JSON. */
export function field(source: unknown, name: string): unknown {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return undefined;
  return Object.hasOwn(source, name) ? (source as Record<string, unknown>)[name] : undefined;
}
