import type { Citation } from './citation.ts';
import { type Day, formatDay } from './dates.ts';

export type ParameterValue =
  | number
  | string
  | boolean
  | null
  | readonly ParameterValue[]
  | { readonly [key: string]: ParameterValue };

/**
 * A number (or table, or list) the law sets, with the dates it took effect.
 * A value of `null` means the rule was repealed on that date. A parameter
 * reviewed against its sources only up to `reviewedUntil` is not trusted for
 * later dates: a decision then says "not covered", never a guess.
 */
export interface Parameter {
  name: string;
  description: string;
  unit: string;
  /** Ascending by `from`. */
  values: readonly { from: Day; value: ParameterValue }[];
  reviewedUntil: Day | undefined;
  references: readonly Citation[];
}

/** Thrown inside a rule when a parameter has no value for the date asked about. */
export class RulesNotCovered extends Error {
  override name = 'RulesNotCovered';
  constructor(
    readonly parameter: string,
    readonly day: Day,
    readonly why: 'before-first-value' | 'after-review' | 'repealed' | 'unknown-parameter',
  ) {
    super(`${parameter} does not cover ${formatDay(day)} (${why})`);
  }
}

/** The last lookup of one parameter: a screening or a simulation asks about one date many times. */
interface LastLookup {
  day: Day;
  value: ParameterValue;
}

export class ParameterSet {
  private readonly byName: ReadonlyMap<string, Parameter>;
  private readonly last = new Map<string, LastLookup>();

  constructor(
    parameters: readonly Parameter[],
    /** Identifies this set of values: a decision records it. */
    readonly version: string,
  ) {
    this.byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  definition(name: string): Parameter | undefined {
    return this.byName.get(name);
  }

  /** The value in force on `day`. Throws {@link RulesNotCovered} when there is none to trust. */
  get(name: string, day: Day): ParameterValue {
    const last = this.last.get(name);
    if (last !== undefined && last.day === day) return last.value;
    const parameter = this.byName.get(name);
    if (!parameter) throw new RulesNotCovered(name, day, 'unknown-parameter');
    if (parameter.reviewedUntil !== undefined && day > parameter.reviewedUntil) {
      throw new RulesNotCovered(name, day, 'after-review');
    }
    const { values } = parameter;
    let found: ParameterValue | undefined;
    // Parameters hold a handful of dated values: a backwards scan beats a search.
    for (let i = values.length - 1; i >= 0; i--) {
      const entry = values[i] as { from: Day; value: ParameterValue };
      if (entry.from <= day) {
        found = entry.value;
        break;
      }
    }
    if (found === undefined) throw new RulesNotCovered(name, day, 'before-first-value');
    if (found === null) throw new RulesNotCovered(name, day, 'repealed');
    if (last === undefined) this.last.set(name, { day, value: found });
    else {
      last.day = day;
      last.value = found;
    }
    return found;
  }

  number(name: string, day: Day): number {
    const value = this.get(name, day);
    if (typeof value !== 'number') throw new TypeError(`${name} is not a number`);
    return value;
  }
}

/**
 * Names a program's parameters under one prefix (`uscis/naturalization/`).
 * Each full name is built once and reused: a name assembled afresh on every
 * call must be hashed again on every lookup, which was a tenth of an
 * evaluation.
 */
export function parameterNamespace(prefix: string): (name: string) => string {
  const names = new Map<string, string>();
  return (name) => {
    let full = names.get(name);
    if (full === undefined) {
      full = `${prefix}${name}`;
      names.set(name, full);
    }
    return full;
  };
}
