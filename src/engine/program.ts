import type { MessageKey } from '../i18n/message-key.ts';
import type { Citation } from './citation.ts';
import type { Day } from './dates.ts';
import type { ParameterSet } from './parameters.ts';

/** What a fact's value is, for validation, display and output formatting. */
export type FactType =
  | 'date'
  | 'integer'
  | 'number'
  | 'money'
  | 'percent'
  | 'boolean'
  | 'tristate'
  | 'string'
  | 'list'
  | 'object';

/** A criterion's verdict: met, not met, or not decidable without a person's review. */
export type Tristate = boolean | null;

interface FactBase<F, K extends keyof F> {
  path: K;
  type: FactType;
  description: string;
  citations?: readonly Citation[];
}

/**
 * Subjects an answer can touch that could put a person at risk if held:
 * immigration status, citizenship, nationality, place or country of birth,
 * identity numbers (SSN, ITIN, A-number) and document numbers.
 */
export type SensitiveSubject =
  | 'immigration-status'
  | 'citizenship'
  | 'nationality'
  | 'place-of-birth'
  | 'identity-number'
  | 'document-number';

/** Why a program may ask a sensitive question: the subject, and the rule that cannot decide without it. */
export interface SensitiveUse {
  subject: SensitiveSubject;
  /** The `rule` of one of the program's criteria, which must depend on this answer. */
  neededBy: string;
}

/** An answer the person gives. `placeholder` stands in until they do. */
export interface WritableFact<F, K extends keyof F = keyof F> extends FactBase<F, K> {
  kind: 'writable';
  placeholder?: F[K];
  /**
   * Set on every answer about a sensitive subject (DESIGN.md, "Hold as
   * little as possible"); test/meta/minimisation.test.ts lists them all and
   * checks that the named rule needs the answer.
   */
  sensitive?: SensitiveUse;
}

export interface EvaluationContext {
  /** The date the question is asked about. */
  readonly asOf: Day;
  readonly parameters: ParameterSet;
}

/**
 * A fact computed from others. `needs` lists every fact `compute` reads; the
 * engine orders facts by it, refuses cycles, and in tests checks that
 * `compute` reads nothing else.
 */
export interface DerivedFact<F, K extends keyof F = keyof F> extends FactBase<F, K> {
  kind: 'derived';
  citations: readonly Citation[];
  needs: readonly (keyof F)[];
  /**
   * Facts read only when known: `compute` sees `undefined` for one that is
   * incomplete, and may still decide ("a veteran pays no fee, whatever the
   * income") or return {@link unknown} to say it cannot.
   */
  optional?: readonly (keyof F)[];
  compute(values: F, context: EvaluationContext): F[K] | typeof unknown;
}

/** Returned by a rule that cannot decide without an optional fact that is missing. */
export const unknown: unique symbol = Symbol('unknown');

export type Fact<F> = { [K in keyof F]: WritableFact<F, K> | DerivedFact<F, K> }[keyof F];

/**
 * One condition of eligibility, reported as a reason. Its message is an ICU
 * message with a `met` select (`true`, `false`, `other`) and may use the
 * values of the facts in `messageValues`.
 */
export interface Criterion<F> {
  rule: string;
  fact: keyof F;
  citations: readonly Citation[];
  message: MessageKey;
  messageValues?: readonly (keyof F)[];
  /** Informational criteria are reported but do not change the outcome. */
  informational?: boolean;
}

export type ProgramKind = 'law' | 'proposal' | 'local-program';

export type InputParseResult<F> =
  | { ok: true; facts: Partial<F> }
  | { ok: false; errors: { path: string; message: string }[] };

export interface Program<F> {
  /** Stable id: part of the CLI and API contract. */
  id: string;
  kind: ProgramKind;
  title: MessageKey;
  citations: readonly Citation[];
  facts: readonly Fact<F>[];
  criteria: readonly Criterion<F>[];
  /** Facts reported in the result's `values`, in this order. */
  outputs: readonly (keyof F)[];
  /** Validates a JSON object of answers and turns it into writable facts (dates to days). */
  parseInput(raw: unknown, asOf: Day): InputParseResult<F>;
}
