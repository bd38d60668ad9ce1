import { loadRuleCases, runRuleCase } from '../../modules/rules/rule-cases.ts';
import { RulesService } from '../../modules/rules/rules.service.ts';
import { type CommandIo, line } from '../command.ts';

/** `belong rules test`: runs the YAML cases and reports each failure; exit 1 if any fail. */
export async function rulesTest(programs: string[], io: CommandIo): Promise<number> {
  const service = new RulesService();
  const cases = loadRuleCases(programs);
  let failed = 0;
  const perProgram = new Map<string, { passed: number; failed: number }>();
  for (const ruleCase of cases) {
    const { failures } = runRuleCase(service, ruleCase);
    const tally = perProgram.get(ruleCase.program) ?? { passed: 0, failed: 0 };
    if (failures.length === 0) {
      tally.passed++;
    } else {
      tally.failed++;
      failed++;
      line(io.stderr, `✗ ${ruleCase.file}: ${ruleCase.name}`);
      for (const failure of failures) line(io.stderr, `    ${failure}`);
    }
    perProgram.set(ruleCase.program, tally);
  }
  for (const [program, tally] of perProgram) {
    line(io.stdout, `${program}: ${tally.passed} passed, ${tally.failed} failed`);
  }
  line(io.stdout, `${cases.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}
