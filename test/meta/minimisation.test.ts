import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CompiledProgram, factsNeededBy } from '../../src/engine/compile.ts';
import type { Fact, SensitiveSubject } from '../../src/engine/program.ts';
import { RulesService } from '../../src/modules/rules/rules.service.ts';

/**
 * No program may ask about immigration status, citizenship, nationality,
 * place of birth, or for an identity or document number unless a rule needs
 * the answer to decide (issue 4, item 7; DESIGN.md, "Hold as little as
 * possible"). Every such question is listed here with the rule that needs
 * it: adding one is a change a reviewer sees.
 */
const expected: readonly (readonly [string, string, SensitiveSubject, string])[] = [
  ['naturalization', 'children', 'immigration-status', 'children-derive-citizenship'],
  ['naturalization', 'lprDate', 'immigration-status', 'permanent-residence'],
  ['naturalization', 'spouse.citizenSince', 'citizenship', 'marriage-to-citizen'],
  ['naturalization', 'spouse.isCitizen', 'citizenship', 'marriage-to-citizen'],
  ['naturalization', 'spouse.livingTogether', 'citizenship', 'marriage-to-citizen'],
  ['naturalization', 'spouse.marriedSince', 'citizenship', 'marriage-to-citizen'],
  ['tps', 'currentTpsHolder', 'immigration-status', 'residence-and-presence'],
  ['tps', 'nationality', 'nationality', 'designation-status'],
  ['us-citizenship-act-2021', 'tpsOrDedEligible', 'immigration-status', 'tps-or-ded'],
  ['wa-relief', 'excludedFromFederalRelief', 'immigration-status', 'excluded-from-federal-relief'],
];

/** Words in a fact's name or description that mean it touches a sensitive subject. */
const sensitiveWords =
  /immigration status|lawful permanent resident|green card|\blpr\b|citizen|nationality|temporary protected status|\btps\b|deferred (action|enforced)|daca|country of birth|place of birth|born in|social security|\bssn\b|\bitin\b|a-number|alien (registration )?number|passport|visa number|document number|i-94/i;

/** Subjects no program here may ask about at all. */
const forbidden =
  /social security|\bssn\b|\bitin\b|a-number|alien (registration )?number|passport|visa number|document number|i-94|country of birth|place of birth/i;

const service = new RulesService();

type AnyFacts = Record<string, unknown>;

/** A program's facts, typed loosely: the registry holds programs of different fact types. */
function factsOf(id: string): readonly Fact<AnyFacts>[] {
  return service.program(id).program.facts as readonly Fact<AnyFacts>[];
}

describe('data minimisation in the rules', () => {
  const declared: [string, string, SensitiveSubject, string][] = [];
  for (const id of service.programIds()) {
    for (const fact of factsOf(id)) {
      if (fact.kind === 'writable' && fact.sensitive) {
        declared.push([id, String(fact.path), fact.sensitive.subject, fact.sensitive.neededBy]);
      }
    }
  }

  it('lists every sensitive question and the rule that needs it', () => {
    assert.deepEqual(
      declared.sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`)),
      expected,
    );
  });

  it('marks every answer that touches a sensitive subject', () => {
    for (const id of service.programIds()) {
      for (const fact of factsOf(id)) {
        if (fact.kind !== 'writable') continue;
        const text = `${String(fact.path)} ${fact.description}`;
        if (sensitiveWords.test(text)) {
          assert.ok(fact.sensitive, `${id}.${String(fact.path)} touches a sensitive subject`);
        }
      }
    }
  });

  it('asks a sensitive question only where the named rule depends on the answer', () => {
    for (const [id, path, , rule] of declared) {
      // Loosely typed: the registry holds programs of different fact types.
      const compiled = service.program(id) as CompiledProgram<AnyFacts>;
      const criterion = compiled.program.criteria.find((candidate) => candidate.rule === rule);
      assert.ok(criterion, `${id}: no rule ${rule}`);
      assert.ok(
        factsNeededBy(compiled.byPath, [criterion.fact]).has(path),
        `${id}: ${rule} does not need ${path}`,
      );
    }
  });

  it('never asks for an identity or document number, or where someone was born', () => {
    for (const id of service.programIds()) {
      for (const fact of factsOf(id)) {
        if (fact.kind !== 'writable') continue;
        assert.doesNotMatch(`${String(fact.path)} ${fact.description}`, forbidden, `${id}`);
        assert.ok(
          !['identity-number', 'document-number', 'place-of-birth'].includes(
            fact.sensitive?.subject ?? '',
          ),
          `${id}.${String(fact.path)}`,
        );
      }
    }
  });
});
