import { dayOf, parseDay } from '../../engine/dates.ts';
import { Translations } from '../../i18n/translator.ts';
import { evaluationToJson } from '../../modules/rules/evaluation-json.ts';
import {
  RulesInputError,
  RulesService,
  UnknownProgramError,
} from '../../modules/rules/rules.service.ts';
import { type CommandIo, line, UsageError } from '../command.ts';
import { readAll } from '../read-stdin.ts';

/** `--as-of` as a day; today (UTC) when absent. */
export function asOfDay(value: string | undefined): number {
  if (value === undefined) return dayOf(new Date());
  const day = parseDay(value);
  if (day === undefined)
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD (got ${value})`);
  return day;
}

export async function rulesEval(
  programId: string | undefined,
  asOf: string | undefined,
  io: CommandIo,
): Promise<number> {
  if (!programId) throw new UsageError('rules eval needs a program id (see belong rules list)');
  const day = asOfDay(asOf);
  const service = new RulesService();
  if (!service.programIds().includes(programId))
    throw new UsageError(new UnknownProgramError(programId).message);
  let input: unknown;
  try {
    input = JSON.parse(await readAll(io.stdin));
  } catch (error) {
    throw new UsageError(`standard input is not one JSON object (${(error as Error).message})`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsageError('standard input must be one JSON object of facts');
  }
  try {
    const evaluation = service.evaluate(programId, input, day);
    line(
      io.stdout,
      JSON.stringify(evaluationToJson(evaluation, new Translations().for('en')), null, 2),
    );
    return 0;
  } catch (error) {
    if (error instanceof RulesInputError) throw new UsageError(`malformed facts: ${error.message}`);
    throw error;
  }
}
