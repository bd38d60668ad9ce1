import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orphanFacts } from '../../src/engine/compile.ts';
import { parseDay } from '../../src/engine/dates.ts';
import type { Evaluation } from '../../src/engine/evaluate.ts';
import { loadRuleCases, runRuleCase } from '../../src/modules/rules/rule-cases.ts';
import { RulesService } from '../../src/modules/rules/rules.service.ts';
import { assertSameDecision } from '../support/evaluations.ts';

const service = new RulesService();
const cases = loadRuleCases();

describe('rule set', () => {
  for (const id of service.programIds()) {
    describe(id, () => {
      const compiled = service.program(id);

      it('has no orphan facts', () => {
        assert.deepEqual(orphanFacts(compiled), []);
      });

      it('cites a source for every derived fact and criterion', () => {
        for (const fact of compiled.order) {
          assert.ok(fact.citations.length > 0, `${String(fact.path)} has no citation`);
          assert.ok(fact.description.length > 10, `${String(fact.path)} has no description`);
        }
        for (const criterion of compiled.program.criteria) {
          assert.ok(criterion.citations.length > 0, `${criterion.rule} has no citation`);
        }
      });

      it('has YAML cases that compute every derived fact at least once', () => {
        const computed = new Set<string>();
        for (const ruleCase of cases.filter((c) => c.program === id)) {
          const { evaluation } = runRuleCase(service, ruleCase);
          for (const [path, result] of evaluation?.facts ?? []) {
            if (result.status !== 'incomplete') computed.add(path);
          }
        }
        const uncovered = compiled.order
          .map((fact) => String(fact.path))
          .filter((path) => !computed.has(path));
        assert.deepEqual(uncovered, [], 'derived facts no case computes');
      });
    });
  }

  it('dates and cites every parameter', () => {
    for (const name of service.parameters.names()) {
      const parameter = service.parameters.definition(name);
      assert.ok(parameter && parameter.values.length > 0, `${name} has no dated value`);
      assert.ok(parameter.references.length > 0, `${name} has no reference`);
    }
  });

  it('has cases only for programs that exist', () => {
    const known = new Set(service.programIds());
    for (const ruleCase of cases) assert.ok(known.has(ruleCase.program), ruleCase.file);
  });
});

describe('summary evaluation', () => {
  it('decides every rule case as the full evaluation does', () => {
    for (const ruleCase of cases) {
      const asOf = parseDay(ruleCase.as_of) as number;
      let full: Evaluation;
      try {
        full = service.evaluate(ruleCase.program, ruleCase.input, asOf);
      } catch {
        continue; // malformed input: nothing to decide either way
      }
      const summary = service.evaluate(ruleCase.program, ruleCase.input, asOf, {
        summaryOnly: true,
      });
      assertSameDecision(summary, full, `${ruleCase.file}: ${ruleCase.name}`);
    }
  });
});

describe('rule cases', () => {
  for (const ruleCase of cases) {
    it(`${ruleCase.file}: ${ruleCase.name}`, () => {
      const { failures } = runRuleCase(service, ruleCase);
      assert.deepEqual(failures, []);
    });
  }
});
