import type { MessageKey } from '../i18n/message-key.ts';
import type { Citation } from './citation.ts';
import { type CompiledProgram, RuleGraphError } from './compile.ts';
import { type Day, formatDay } from './dates.ts';
import { RulesNotCovered } from './parameters.ts';
import { type EvaluationContext, type Tristate, unknown } from './program.ts';
import type { Result } from './result.ts';

export type Outcome = 'yes' | 'no' | 'maybe';

export interface Reason {
  rule: string;
  met: Tristate;
  citations: readonly Citation[];
  messageKey: MessageKey;
  /** Values for the message's placeholders; `met` is always among them. */
  messageValues: Record<string, string | number>;
}

export interface Evaluation {
  program: string;
  asOf: Day;
  rulesVersion: string;
  outcome: Outcome;
  /** The program's outputs as JSON values: dates as ISO strings, unknowns as null. */
  values: Record<string, unknown>;
  reasons: Reason[];
  /** Answers still needed to decide. */
  missing: string[];
  /** Parameters that do not cover the date asked about. */
  uncovered: string[];
  /** Every fact's result, for explanations and tests (built when first read). */
  readonly facts: ReadonlyMap<string, Result<unknown>>;
}

export interface EvaluateOptions {
  /**
   * Fail when a rule reads a fact it did not declare in `needs`. Used by the
   * rule-case tests; off in production, where it would only cost time.
   */
  strictNeeds?: boolean;
  /**
   * Leave out what only an explanation reads: message values and output
   * values. A population tally counts outcomes, rules met and facts
   * missing, and formatting dates for messages would be most of its cost.
   */
  summaryOnly?: boolean;
}

export const notCoveredRule = 'rules-not-covered';

const INCOMPLETE = 0;
const COMPLETE = 1;
const PLACEHOLDER = 2;
const none: readonly string[] = [];
const noMessageValues: Readonly<Record<string, string | number>> = Object.freeze({});
const noOutputValues: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Evaluates one person's answers against a program as of a date. Never throws
 * for a missing answer: what cannot be known is reported as missing and the
 * outcome is "maybe".
 *
 * Facts are numbered at compile time and their states kept in typed arrays:
 * a population simulation evaluates millions of people, so this loop
 * allocates as little as it can.
 */
export function evaluate<F>(
  compiled: CompiledProgram<F>,
  input: Partial<F>,
  context: EvaluationContext,
  options: EvaluateOptions = {},
): Evaluation {
  const { program, plan } = compiled;
  const summaryOnly = options.summaryOnly === true;
  const strictNeeds = options.strictNeeds === true;
  const size = plan.paths.length;
  const status = new Uint8Array(size);
  const missingOf: (readonly string[] | undefined)[] = new Array(size);
  const uncoveredOf: (readonly string[] | undefined)[] = new Array(size);
  const values = plan.newValues();

  const { writable } = plan;
  for (let w = 0; w < writable.length; w++) {
    const entry = writable[w] as (typeof writable)[number];
    const given = entry.load(input);
    if (given !== undefined) {
      status[entry.index] = COMPLETE;
      entry.store(values, given);
    } else if (entry.placeholder !== undefined) {
      status[entry.index] = PLACEHOLDER;
      entry.store(values, entry.placeholder);
    } else {
      missingOf[entry.index] = entry.missing;
    }
  }

  const derivedList = summaryOnly ? plan.summaryDerived : plan.derived;
  for (let d = 0; d < derivedList.length; d++) {
    const entry = derivedList[d] as (typeof derivedList)[number];
    let missing: readonly string[] | undefined;
    let uncovered: readonly string[] | undefined;
    let state = COMPLETE;
    let blocked = false;
    const { needs, optional } = entry;
    for (let i = 0; i < needs.length; i++) {
      const need = needs[i] as number;
      const needState = status[need];
      if (needState === INCOMPLETE) {
        // A need can be incomplete with nothing to name (a rule that gave up).
        blocked = true;
        missing = union(missing, missingOf[need]);
        uncovered = union(uncovered, uncoveredOf[need]);
      } else if (needState === PLACEHOLDER) {
        state = PLACEHOLDER;
      }
    }
    if (blocked) {
      missingOf[entry.index] = missing;
      uncoveredOf[entry.index] = uncovered;
      continue;
    }
    for (let i = 0; i < optional.length; i++) {
      if (status[optional[i] as number] === PLACEHOLDER) state = PLACEHOLDER;
    }
    try {
      const view = strictNeeds ? guardReads(values, entry.reads, String(entry.path)) : values;
      const value = entry.compute(view as F, context);
      if (value === unknown) {
        // Only a rule that cannot decide reports the optional answers it
        // lacked; gathering them for every rule cost more than the rules.
        for (let i = 0; i < optional.length; i++) {
          const need = optional[i] as number;
          if (status[need] === INCOMPLETE) {
            missing = union(missing, missingOf[need]);
            uncovered = union(uncovered, uncoveredOf[need]);
          }
        }
        missingOf[entry.index] = missing ?? none;
        uncoveredOf[entry.index] = uncovered;
        continue;
      }
      entry.store(values, value);
      status[entry.index] = state;
    } catch (error) {
      if (!(error instanceof RulesNotCovered)) throw error;
      uncoveredOf[entry.index] = [error.parameter];
    }
  }

  let outcome: Outcome = 'yes';
  let missing: readonly string[] | undefined;
  let uncovered: readonly string[] | undefined;
  const reasons: Reason[] = [];
  const { criteria } = program;
  for (let c = 0; c < criteria.length; c++) {
    const criterion = criteria[c] as (typeof criteria)[number];
    const index = plan.criteria[c] as number;
    const state = status[index];
    let met: Tristate = null;
    if (state === INCOMPLETE) {
      missing = union(missing, missingOf[index]);
      uncovered = union(uncovered, uncoveredOf[index]);
    } else {
      met = plan.readers[index]?.(values) as Tristate;
    }
    if (!criterion.informational) {
      if (met === false) outcome = 'no';
      else if ((met === null || state === PLACEHOLDER) && outcome === 'yes') outcome = 'maybe';
    }
    const messageValues = summaryOnly
      ? noMessageValues
      : criterionMessageValues(criterion.messageValues, met, plan, status, values);
    reasons.push({
      rule: criterion.rule,
      met,
      citations: criterion.citations,
      messageKey: criterion.message,
      messageValues,
    });
  }

  const outputValues: Record<string, unknown> = summaryOnly ? noOutputValues : {};
  for (let o = 0; o < plan.outputs.length; o++) {
    const index = plan.outputs[o] as number;
    const path = plan.paths[index] as keyof F;
    if (status[index] === INCOMPLETE) {
      if (!summaryOnly) outputValues[path as string] = null;
      missing = union(missing, missingOf[index]);
      uncovered = union(uncovered, uncoveredOf[index]);
    } else if (!summaryOnly) {
      outputValues[path as string] = formatOutput(plan.readers[index]?.(values), plan.types[index]);
    }
  }

  // Never a guess: a date the parameters do not cover makes the answer "maybe".
  if (uncovered !== undefined && uncovered.length > 0) {
    outcome = 'maybe';
    reasons.push({
      rule: notCoveredRule,
      met: null,
      citations: [],
      messageKey: 'rules.notCovered',
      messageValues: { met: 'unknown', parameters: [...uncovered].sort().join(', ') },
    });
  }

  return new EvaluationResult(
    program.id,
    context.asOf,
    context.parameters.version,
    outcome,
    outputValues,
    reasons,
    missing ? [...missing].sort() : [],
    uncovered ? [...uncovered].sort() : [],
    { paths: plan.paths as readonly PropertyKey[], status, values, missingOf, uncoveredOf },
  );
}

interface FactStates {
  paths: readonly PropertyKey[];
  status: Uint8Array;
  values: Record<PropertyKey, unknown>;
  missingOf: (readonly string[] | undefined)[];
  uncoveredOf: (readonly string[] | undefined)[];
}

/** An evaluation whose per-fact results are assembled only if someone asks for them. */
class EvaluationResult implements Evaluation {
  private factMap: Map<string, Result<unknown>> | undefined;

  constructor(
    readonly program: string,
    readonly asOf: Day,
    readonly rulesVersion: string,
    readonly outcome: Outcome,
    readonly values: Record<string, unknown>,
    readonly reasons: Reason[],
    readonly missing: string[],
    readonly uncovered: string[],
    private readonly states: FactStates,
  ) {}

  get facts(): ReadonlyMap<string, Result<unknown>> {
    if (!this.factMap) {
      const { paths, status, values, missingOf, uncoveredOf } = this.states;
      this.factMap = new Map(
        paths.map((path, index): [string, Result<unknown>] => [
          String(path),
          status[index] === COMPLETE
            ? { status: 'complete', value: values[path] }
            : status[index] === PLACEHOLDER
              ? { status: 'placeholder', value: values[path] }
              : {
                  status: 'incomplete',
                  missing: missingOf[index] ?? none,
                  uncovered: uncoveredOf[index] ?? none,
                },
        ]),
      );
    }
    return this.factMap;
  }
}

/** Set union on small lists, reusing an input when the other adds nothing. */
function union(
  into: readonly string[] | undefined,
  more: readonly string[] | undefined,
): readonly string[] | undefined {
  if (more === undefined || more.length === 0) return into;
  if (into === undefined || into.length === 0) return more;
  let merged: string[] | undefined;
  for (const item of more) {
    if (!into.includes(item)) {
      merged ??= [...into];
      merged.push(item);
    }
  }
  return merged ?? into;
}

function criterionMessageValues<F>(
  paths: readonly (keyof F)[] | undefined,
  met: Tristate,
  plan: CompiledProgram<F>['plan'],
  status: Uint8Array,
  values: Record<keyof F, unknown>,
): Record<string, string | number> {
  const messageValues: Record<string, string | number> = {
    met: met === null ? 'unknown' : met ? 'true' : 'false',
  };
  if (paths) {
    for (const path of paths) {
      const valueIndex = plan.indexOf.get(path) as number;
      if (status[valueIndex] !== INCOMPLETE) {
        messageValues[String(path)] = formatForMessage(values[path], plan.types[valueIndex]);
      }
    }
  }
  return messageValues;
}

function formatOutput(value: unknown, type: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  return type === 'date' && typeof value === 'number' ? formatDay(value) : value;
}

function formatForMessage(value: unknown, type: string | undefined): string | number {
  if (type === 'date' && typeof value === 'number') return formatDay(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

function guardReads<T extends object>(values: T, reads: readonly PropertyKey[], reader: string): T {
  const allowed = new Set<PropertyKey>(reads);
  return new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !allowed.has(key)) {
        throw new RuleGraphError(`${reader} reads ${key} without declaring it in needs`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
