import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDay } from '../../engine/dates.ts';
import type { Evaluation } from '../../engine/evaluate.ts';
import type { RulesService } from './rules.service.ts';

export const casesDirectory = fileURLToPath(new URL('../../../rules/tests/', import.meta.url));

const caseSchema = z.strictObject({
  name: z.string().min(3),
  as_of: z.string().refine((value) => parseDay(value) !== undefined, 'as_of must be YYYY-MM-DD'),
  input: z.record(z.string(), z.unknown()),
  output: z.strictObject({
    outcome: z.enum(['yes', 'no', 'maybe']).optional(),
    values: z.record(z.string(), z.unknown()).optional(),
    reasons: z.record(z.string(), z.union([z.boolean(), z.null()])).optional(),
    missing: z.array(z.string()).optional(),
  }),
});

export type RuleCase = z.infer<typeof caseSchema> & { program: string; file: string };

export interface CaseOutcome {
  ruleCase: RuleCase;
  failures: string[];
  evaluation: Evaluation | undefined;
}

/**
 * The named cases under `rules/tests/<program>/*.yaml`, each a list of
 * `{ name, as_of, input, output }` that a policy reviewer can read and check
 * against the law without reading code (after OpenFisca's YAML tests).
 */
export function loadRuleCases(
  programs?: readonly string[],
  directory = casesDirectory,
): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const program of readdirSync(directory).sort()) {
    if (programs && programs.length > 0 && !programs.includes(program)) continue;
    const folder = path.join(directory, program);
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .sort()) {
      const relative = `${program}/${file}`;
      const parsed = z
        .array(caseSchema)
        .safeParse(parse(readFileSync(path.join(folder, file), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`rules/tests/${relative}: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      for (const ruleCase of parsed.data) cases.push({ ...ruleCase, program, file: relative });
    }
  }
  return cases;
}

/** Runs one case, with the check that every rule reads only the facts it declares. */
export function runRuleCase(service: RulesService, ruleCase: RuleCase): CaseOutcome {
  const failures: string[] = [];
  let evaluation: Evaluation;
  try {
    evaluation = service.evaluate(
      ruleCase.program,
      ruleCase.input,
      parseDay(ruleCase.as_of) as number,
      {
        strictNeeds: true,
      },
    );
  } catch (error) {
    return { ruleCase, failures: [`threw ${(error as Error).message}`], evaluation: undefined };
  }
  const expected = ruleCase.output;
  if (expected.outcome && evaluation.outcome !== expected.outcome) {
    failures.push(`outcome: expected ${expected.outcome}, got ${evaluation.outcome}`);
  }
  for (const [key, value] of Object.entries(expected.values ?? {})) {
    if (!isDeepStrictEqual(evaluation.values[key], value)) {
      failures.push(
        `values.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(evaluation.values[key])}`,
      );
    }
  }
  for (const [rule, met] of Object.entries(expected.reasons ?? {})) {
    const reason = evaluation.reasons.find((candidate) => candidate.rule === rule);
    if (!reason) failures.push(`reasons.${rule}: no such reason`);
    else if (reason.met !== met)
      failures.push(`reasons.${rule}: expected ${met}, got ${reason.met}`);
  }
  if (expected.missing && !isDeepStrictEqual([...expected.missing].sort(), evaluation.missing)) {
    failures.push(
      `missing: expected ${JSON.stringify(expected.missing)}, got ${JSON.stringify(evaluation.missing)}`,
    );
  }
  return { ruleCase, failures, evaluation };
}
