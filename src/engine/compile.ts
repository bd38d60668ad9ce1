import type { DerivedFact, Fact, Program } from './program.ts';

export interface CompiledProgram<F> {
  program: Program<F>;
  /** Derived facts, each after everything it needs. */
  order: readonly DerivedFact<F>[];
  writable: ReadonlySet<keyof F>;
  byPath: ReadonlyMap<keyof F, Fact<F>>;
  /** The same graph as integer indexes, so evaluation works on arrays. */
  plan: EvaluationPlan<F>;
}

export interface PlannedFact<F> {
  index: number;
  fact: DerivedFact<F>;
  /** The fact's path and formula, copied out of `fact` for the evaluation loop. */
  path: keyof F;
  compute: DerivedFact<F>['compute'];
  /** Stores the fact's value with a constant key: a monomorphic store, not a keyed lookup. */
  store: (values: Record<keyof F, unknown>, value: unknown) => void;
  needs: Int32Array;
  optional: Int32Array;
  reads: readonly (keyof F)[];
}

/** Facts numbered 0..n-1: writable ones first, then derived ones in evaluation order. */
export interface EvaluationPlan<F> {
  paths: readonly (keyof F)[];
  writable: readonly {
    index: number;
    path: keyof F;
    placeholder: unknown;
    missing: readonly string[];
    store: (values: Record<keyof F, unknown>, value: unknown) => void;
    /**
     * Reads the answer with a constant key, like `store`; a reader of its
     * own rather than `readers[index]`, so each sees one object shape (the
     * parsed answers here, the values there).
     */
    load: (input: Partial<F>) => unknown;
  }[];
  derived: readonly PlannedFact<F>[];
  /**
   * The derived facts a summary needs: those the criteria and outputs
   * depend on, without facts read only by explanations (message values).
   * Outcome, reasons and missing answers are the same either way.
   */
  summaryDerived: readonly PlannedFact<F>[];
  criteria: readonly number[];
  outputs: readonly number[];
  types: readonly string[];
  indexOf: ReadonlyMap<keyof F, number>;
  /**
   * A fresh object with every fact's key, in plan order, set to undefined.
   * Every evaluation's values then have one shape, so each rule's reads
   * stay monomorphic instead of meeting a different shape per person.
   */
  newValues: () => Record<keyof F, unknown>;
  /** Per fact index, reads that fact's value with a constant key (see storeFor). */
  readers: readonly ((values: Record<keyof F, unknown>) => unknown)[];
}

export class RuleGraphError extends Error {
  override name = 'RuleGraphError';
}

/**
 * Checks a program's fact graph once, before any evaluation: every fact is
 * declared once, every need exists, there is no cycle. Returns the order in
 * which derived facts are computed.
 */
export function compileProgram<F>(program: Program<F>): CompiledProgram<F> {
  const byPath = new Map<keyof F, Fact<F>>();
  for (const fact of program.facts) {
    if (byPath.has(fact.path))
      throw new RuleGraphError(`${program.id}: ${String(fact.path)} declared twice`);
    byPath.set(fact.path, fact);
  }
  for (const fact of program.facts) {
    if (fact.kind !== 'derived') continue;
    for (const need of [...fact.needs, ...(fact.optional ?? [])]) {
      if (!byPath.has(need)) {
        throw new RuleGraphError(
          `${program.id}: ${String(fact.path)} needs unknown fact ${String(need)}`,
        );
      }
    }
  }
  for (const path of [...program.criteria.map((c) => c.fact), ...program.outputs]) {
    if (!byPath.has(path)) throw new RuleGraphError(`${program.id}: unknown fact ${String(path)}`);
  }

  const order: DerivedFact<F>[] = [];
  const state = new Map<keyof F, 'visiting' | 'done'>();
  const visit = (path: keyof F, trail: (keyof F)[]) => {
    const fact = byPath.get(path) as Fact<F>;
    if (fact.kind !== 'derived' || state.get(path) === 'done') return;
    if (state.get(path) === 'visiting') {
      throw new RuleGraphError(`${program.id}: cycle ${[...trail, path].map(String).join(' → ')}`);
    }
    state.set(path, 'visiting');
    for (const need of [...fact.needs, ...(fact.optional ?? [])]) visit(need, [...trail, path]);
    state.set(path, 'done');
    order.push(fact);
  };
  for (const fact of program.facts) visit(fact.path, []);

  const writable = new Set(
    program.facts.filter((fact) => fact.kind === 'writable').map((fact) => fact.path),
  );
  return { program, order, writable, byPath, plan: buildPlan(program, order, byPath) };
}

function buildPlan<F>(
  program: Program<F>,
  order: readonly DerivedFact<F>[],
  byPath: ReadonlyMap<keyof F, Fact<F>>,
): EvaluationPlan<F> {
  const writableFacts = program.facts.filter((fact) => fact.kind === 'writable');
  const paths = [...writableFacts.map((fact) => fact.path), ...order.map((fact) => fact.path)];
  const indexOf = new Map(paths.map((path, index) => [path, index]));
  const at = (path: keyof F) => indexOf.get(path) as number;
  const derived = order.map((fact) => ({
    index: at(fact.path),
    fact,
    path: fact.path,
    compute: fact.compute,
    store: storeFor<F>(fact.path),
    needs: Int32Array.from(fact.needs.map(at)),
    optional: Int32Array.from((fact.optional ?? []).map(at)),
    reads: [...fact.needs, ...(fact.optional ?? [])],
  }));
  const decisive = factsNeededBy(byPath, [
    ...program.criteria.map((criterion) => criterion.fact),
    ...program.outputs,
  ]);
  return {
    paths,
    indexOf,
    newValues: valuesFactory(paths),
    readers: paths.map((path) => readerFor<F>(path)),
    types: paths.map((path) => byPath.get(path)?.type ?? 'string'),
    writable: writableFacts.map((fact) => ({
      index: at(fact.path),
      path: fact.path,
      placeholder: fact.kind === 'writable' ? fact.placeholder : undefined,
      missing: [String(fact.path)],
      store: storeFor<F>(fact.path),
      load: readerFor<F>(fact.path),
    })),
    derived,
    summaryDerived: derived.filter((entry) => decisive.has(entry.fact.path)),
    criteria: program.criteria.map((criterion) => at(criterion.fact)),
    outputs: program.outputs.map(at),
  };
}

/** The given facts and every fact they depend on, walked back through needs and optional needs. */
export function factsNeededBy<F>(
  byPath: ReadonlyMap<keyof F, Fact<F>>,
  roots: readonly (keyof F)[],
): Set<keyof F> {
  const needed = new Set<keyof F>();
  const pending = [...roots];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (needed.has(path)) continue;
    needed.add(path);
    const fact = byPath.get(path);
    if (fact?.kind === 'derived') pending.push(...fact.needs, ...(fact.optional ?? []));
  }
  return needed;
}

/**
 * Facts nothing uses: a writable fact no derived fact needs, or a derived
 * fact that is neither needed, a criterion, nor an output. Either is a rule
 * someone meant to write and did not.
 */
export function orphanFacts<F>(compiled: CompiledProgram<F>): (keyof F)[] {
  const used = new Set<keyof F>([
    ...compiled.program.criteria.map((criterion) => criterion.fact),
    ...compiled.program.outputs,
    ...compiled.program.criteria.flatMap((criterion) => criterion.messageValues ?? []),
  ]);
  for (const fact of compiled.order) {
    for (const need of [...fact.needs, ...(fact.optional ?? [])]) used.add(need);
  }
  return compiled.program.facts.map((fact) => fact.path).filter((path) => !used.has(path));
}

/**
 * A constructor that assigns every key in order. Written out as source so
 * V8 gives the object fixed in-object slots; copying a template object or
 * adding keys one by one left it in slower dictionary or polymorphic form.
 * The keys are the program's own fact names, quoted with JSON.stringify.
 */
function valuesFactory<F>(paths: readonly (keyof F)[]): () => Record<keyof F, unknown> {
  const body = paths.map((path) => `this[${JSON.stringify(String(path))}] = undefined;`).join('\n');
  const Values = new Function(body) as unknown as new () => Record<keyof F, unknown>;
  return () => new Values();
}

/**
 * Functions that read or store one fact under its constant key. The
 * evaluation loop goes through every fact with a different key, so a plain
 * `values[path]` there is a megamorphic keyed access; each of these
 * compiles to a single fixed-key property access instead, which made a
 * naturalization evaluation about a sixth faster. The source is built from
 * the program's own fact names, quoted with JSON.stringify.
 */
function readerFor<F>(path: keyof F): (object: Partial<Record<keyof F, unknown>>) => unknown {
  return new Function('object', `return object[${JSON.stringify(String(path))}];`) as (
    object: Partial<Record<keyof F, unknown>>,
  ) => unknown;
}

function storeFor<F>(path: keyof F): (values: Record<keyof F, unknown>, value: unknown) => void {
  return new Function('values', 'value', `values[${JSON.stringify(String(path))}] = value;`) as (
    values: Record<keyof F, unknown>,
    value: unknown,
  ) => void;
}
