import { parseArgs } from 'node:util';
import { type Command, line, UsageError } from '../command.ts';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Evaluate, test and simulate the eligibility rules',
  help: `Usage:
  belong rules list
  belong rules eval <program> [--as-of YYYY-MM-DD] < facts.json
  belong rules test [<program> ...]
  belong rules simulate <program> <file.ndjson> [--as-of YYYY-MM-DD] [--workers N]

list      The programs, with their ids.
eval      Reads one JSON object of facts on standard input and prints one
          JSON object: outcome (yes, no or maybe), values, reasons with
          citations, and the facts still missing. --as-of defaults to today;
          facts may give filingDate (defaults to the as-of date). Exit 2 with
          one line on standard error for malformed input.
test      Runs the YAML cases under rules/tests/ (all programs, or those named).
simulate  Evaluates one program for every line (a JSON object of facts) of a
          newline-delimited JSON file, streaming, with progress on standard
          error, and prints a summary: counts by outcome, by reason (met, not
          met, unknown) and by missing fact. Lines that are not well-formed
          facts are counted as invalid and skipped. Large files are split
          across --workers threads (default: one per core).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'as-of': { type: 'string' }, workers: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, ...rest] = positionals;
    switch (sub) {
      case 'list': {
        const { RulesService } = await import('../../modules/rules/rules.service.ts');
        for (const id of new RulesService().programIds()) line(io.stdout, id);
        return 0;
      }
      case 'eval': {
        const { rulesEval } = await import('./rules-eval.ts');
        return rulesEval(rest[0], values['as-of'], io);
      }
      case 'test': {
        const { rulesTest } = await import('./rules-test.ts');
        return rulesTest(rest, io);
      }
      case 'simulate': {
        const { rulesSimulate } = await import('./rules-simulate.ts');
        return rulesSimulate(
          { programId: rest[0], file: rest[1], asOf: values['as-of'], workers: values.workers },
          io,
        );
      }
      default:
        throw new UsageError(
          `rules needs a subcommand: list, eval, test or simulate (got ${sub ?? 'nothing'})`,
        );
    }
  },
};
