import { existsSync } from 'node:fs';
import { formatDay } from '../../engine/dates.ts';
import { RulesService } from '../../modules/rules/rules.service.ts';
import { simulateFile } from '../../modules/rules/simulation.service.ts';
import { type CommandIo, line, UsageError } from '../command.ts';
import { progressBar } from '../progress-bar.ts';
import { asOfDay } from './rules-eval.ts';

/** `belong rules simulate`: a population's outcomes under one program, as a JSON summary. */
export async function rulesSimulate(
  args: { programId?: string; file?: string; asOf?: string; workers?: string },
  io: CommandIo,
): Promise<number> {
  if (!args.programId || !args.file)
    throw new UsageError('rules simulate needs a program id and a .ndjson file');
  if (!existsSync(args.file)) throw new UsageError(`no such file: ${args.file}`);
  const workers = args.workers === undefined ? undefined : Number(args.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
    throw new UsageError('--workers must be a whole number from 1 to 64');
  }
  const asOf = asOfDay(args.asOf);
  const service = new RulesService();
  if (!service.programIds().includes(args.programId))
    throw new UsageError(`unknown program '${args.programId}'`);
  const bar = progressBar(io.stderr, 'simulating');
  const tally = await simulateFile(service, args.programId, args.file, asOf, {
    ...(workers ? { workers } : {}),
    onProgress: ({ bytesRead, totalBytes, records }) =>
      bar.update(bytesRead, totalBytes, `${records.toLocaleString('en-US')} records`),
  });
  const elapsedMs = bar.finish();
  line(
    io.stdout,
    JSON.stringify(
      {
        program: args.programId,
        asOf: formatDay(asOf),
        rulesVersion: service.parameters.version,
        ...tally,
        elapsedMs: Math.round(elapsedMs),
        recordsPerSecond: Math.round(tally.records / (elapsedMs / 1000)),
      },
      null,
      2,
    ),
  );
  return 0;
}
