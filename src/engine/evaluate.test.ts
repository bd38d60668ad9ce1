import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSameDecision } from '../../test/support/evaluations.ts';
import { compileProgram, orphanFacts, RuleGraphError } from './compile.ts';
import { parseDay } from './dates.ts';
import { evaluate } from './evaluate.ts';
import { ParameterSet, RulesNotCovered } from './parameters.ts';
import { type Fact, type Program, type Tristate, unknown } from './program.ts';

interface Toy {
  age: number;
  income: number;
  veteran: boolean;
  adult: Tristate;
  poor: Tristate;
  helped: Tristate;
}

const cite = [{ title: 'Toy Act § 1', href: 'https://example.org/toy' }];
const day = (iso: string) => parseDay(iso) as number;
const parameters = new ParameterSet(
  [
    {
      name: 'toy/limit',
      description: 'income limit',
      unit: 'USD',
      values: [
        { from: day('2020-01-01'), value: 100 },
        { from: day('2025-01-01'), value: 200 },
        { from: day('2026-01-01'), value: null },
      ],
      reviewedUntil: day('2030-01-01'),
      references: cite,
    },
  ],
  'toy-1',
);

function toyProgram(extra: Fact<Toy>[] = []): Program<Toy> {
  return {
    id: 'toy',
    kind: 'law',
    title: 'rules.outcomeYes',
    citations: cite,
    facts: [
      { kind: 'writable', path: 'age', type: 'integer', description: 'age in years' },
      { kind: 'writable', path: 'income', type: 'money', description: 'yearly income' },
      {
        kind: 'writable',
        path: 'veteran',
        type: 'boolean',
        description: 'served',
        placeholder: false,
      },
      {
        kind: 'derived',
        path: 'adult',
        type: 'tristate',
        description: 'is an adult',
        citations: cite,
        needs: ['age'],
        compute: ({ age }) => age >= 18,
      },
      {
        kind: 'derived',
        path: 'poor',
        type: 'tristate',
        description: 'income under the limit',
        citations: cite,
        needs: ['income'],
        compute: ({ income }, { asOf, parameters: p }) => income <= p.number('toy/limit', asOf),
      },
      {
        kind: 'derived',
        path: 'helped',
        type: 'tristate',
        description: 'veterans always, others when poor',
        citations: cite,
        needs: ['veteran'],
        optional: ['poor'],
        compute: ({ veteran, poor }) => (veteran ? true : poor === undefined ? unknown : poor),
      },
      ...extra,
    ],
    criteria: [
      { rule: 'adult', fact: 'adult', citations: cite, message: 'rules.outcomeYes' },
      { rule: 'helped', fact: 'helped', citations: cite, message: 'rules.outcomeYes' },
    ],
    outputs: ['poor'],
    parseInput: (raw) => ({ ok: true, facts: raw as Partial<Toy> }),
  };
}

const compiled = compileProgram(toyProgram());
const run = (input: Partial<Toy>, asOf = '2025-06-01') =>
  evaluate(compiled, input, { asOf: day(asOf), parameters }, { strictNeeds: true });

describe('evaluate', () => {
  it('says yes when every criterion is met by complete answers', () => {
    const result = run({ age: 30, income: 150, veteran: false });
    assert.equal(result.outcome, 'yes');
    assert.deepEqual(result.values, { poor: true });
    assert.equal(result.rulesVersion, 'toy-1');
  });

  it('says no when a criterion fails, even with other answers missing', () => {
    const result = run({ age: 12 });
    assert.equal(result.outcome, 'no');
    assert.deepEqual(result.missing, ['income']);
  });

  it('says maybe, listing what is missing, and never throws on missing answers', () => {
    const result = run({});
    assert.equal(result.outcome, 'maybe');
    assert.deepEqual(result.missing, ['age', 'income']);
    assert.deepEqual(result.values, { poor: null });
  });

  it('treats a placeholder as good enough to show, not to decide', () => {
    const result = run({ age: 30, income: 150 });
    assert.equal(result.facts.get('helped')?.status, 'placeholder');
    assert.equal(result.outcome, 'maybe');
  });

  it('lets a rule decide without an optional fact it does not need', () => {
    const result = run({ age: 30, veteran: true });
    assert.equal(result.outcome, 'yes');
    assert.deepEqual(result.missing, ['income']);
  });

  it('answers maybe, naming the parameter, for a date the parameters do not cover', () => {
    for (const asOf of ['2019-12-31', '2026-02-01']) {
      const result = run({ age: 30, income: 50, veteran: false }, asOf);
      assert.equal(result.outcome, 'maybe', asOf);
      assert.deepEqual(result.uncovered, ['toy/limit']);
      assert.equal(result.reasons.at(-1)?.rule, 'rules-not-covered');
    }
  });

  it('uses the value in force on the date: the change applies from its first day', () => {
    assert.equal(run({ age: 30, income: 150, veteran: false }, '2024-12-31').values.poor, false);
    assert.equal(run({ age: 30, income: 150, veteran: false }, '2025-01-01').values.poor, true);
  });

  it('gives a summary with the same outcome, rules and missing facts, and nothing to explain', () => {
    const inputs: Partial<Toy>[] = [
      { age: 30, income: 150, veteran: false },
      { age: 12 },
      {},
      { age: 30, income: 50 },
    ];
    for (const asOf of ['2019-12-31', '2025-06-01']) {
      for (const input of inputs) {
        const context = { asOf: day(asOf), parameters };
        const full = evaluate(compiled, input, context);
        const summary = evaluate(compiled, input, context, { summaryOnly: true });
        const label = `${asOf} ${JSON.stringify(input)}`;
        assertSameDecision(summary, full, label);
        assert.deepEqual(summary.values, {}, label);
        assert.ok(
          summary.reasons.every(
            (reason) =>
              reason.rule === 'rules-not-covered' || Object.keys(reason.messageValues).length === 0,
          ),
          label,
        );
      }
    }
  });

  it('refuses a rule that reads a fact it did not declare', () => {
    const sneaky = compileProgram(toyProgram([]));
    const program = {
      ...sneaky.program,
      facts: sneaky.program.facts.map((fact) =>
        fact.path === 'adult' && fact.kind === 'derived'
          ? { ...fact, compute: (v: Toy) => v.age >= 18 && v.income > 0 }
          : fact,
      ),
    } as Program<Toy>;
    assert.throws(
      () =>
        evaluate(
          compileProgram(program),
          { age: 30, income: 1, veteran: false },
          { asOf: day('2025-06-01'), parameters },
          { strictNeeds: true },
        ),
      /adult reads income without declaring it/,
    );
  });
});

describe('compileProgram', () => {
  it('rejects a cycle and an unknown need', () => {
    // helped reads poor; making poor read helped closes a loop.
    const cyclic = toyProgram().facts.map((fact) =>
      fact.path === 'poor' && fact.kind === 'derived'
        ? { ...fact, needs: ['helped'] as (keyof Toy)[] }
        : fact,
    ) as Fact<Toy>[];
    assert.throws(() => compileProgram({ ...toyProgram(), facts: cyclic }), RuleGraphError);
    const unknownNeed = toyProgram().facts.map((fact) =>
      fact.path === 'adult' && fact.kind === 'derived'
        ? { ...fact, needs: ['shoeSize'] as unknown as (keyof Toy)[] }
        : fact,
    ) as Fact<Toy>[];
    assert.throws(
      () => compileProgram({ ...toyProgram(), facts: unknownNeed }),
      /unknown fact shoeSize/,
    );
  });

  it('finds facts nothing uses', () => {
    const extra: Fact<Toy>[] = [];
    const program = toyProgram(extra);
    assert.deepEqual(orphanFacts(compileProgram(program)), []);
    const orphaned = { ...program, criteria: program.criteria.filter((c) => c.rule !== 'adult') };
    assert.deepEqual(orphanFacts(compileProgram(orphaned)), ['adult']);
  });
});

describe('ParameterSet', () => {
  it('reports why a date is not covered', () => {
    const reason = (iso: string) => {
      try {
        parameters.get('toy/limit', day(iso));
      } catch (error) {
        return (error as RulesNotCovered).why;
      }
      return 'covered';
    };
    assert.equal(reason('2019-01-01'), 'before-first-value');
    assert.equal(reason('2026-06-01'), 'repealed');
    assert.equal(reason('2031-01-01'), 'after-review');
    assert.equal(reason('2022-01-01'), 'covered');
    assert.throws(() => parameters.get('toy/nothing', day('2022-01-01')), RulesNotCovered);
  });
});

describe('a rule that gives up', () => {
  it('blocks the rules that need it, even with nothing missing to name', () => {
    interface Chain {
      a: number;
      b: number;
      c: number;
    }
    const program: Program<Chain> = {
      id: 'chain',
      kind: 'law',
      title: 'rules.outcomeYes',
      citations: cite,
      facts: [
        { kind: 'writable', path: 'a', type: 'integer', description: 'a number' },
        {
          kind: 'derived',
          path: 'b',
          type: 'integer',
          description: 'gives up on odd a',
          citations: cite,
          needs: ['a'],
          compute: ({ a }) => (a % 2 ? unknown : a),
        },
        {
          kind: 'derived',
          path: 'c',
          type: 'integer',
          description: 'b plus one',
          citations: cite,
          needs: ['b'],
          compute: ({ b }) => b + 1,
        },
      ],
      criteria: [],
      outputs: ['c'],
      parseInput: (raw) => ({ ok: true, facts: raw as Partial<Chain> }),
    };
    const result = evaluate(
      compileProgram(program),
      { a: 3 },
      { asOf: day('2025-06-01'), parameters },
    );
    assert.equal(result.values.c, null);
    assert.equal(result.facts.get('c')?.status, 'incomplete');
    assert.equal(
      evaluate(compileProgram(program), { a: 4 }, { asOf: day('2025-06-01'), parameters }).values.c,
      5,
    );
  });
});
