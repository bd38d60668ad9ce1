import type { Day } from '../../engine/dates.ts';
import type { RulesService } from './rules.service.ts';
import { addEvaluation, addInvalid, emptyTally, type SimulationTally } from './simulation-tally.ts';

/**
 * Evaluates every line of a block of newline-delimited JSON. A line that is
 * not a JSON object of well-formed facts counts as invalid and is skipped:
 * one bad record never stops a simulation of a million.
 */
export function simulateBlock(
  service: RulesService,
  programId: string,
  asOf: Day,
  text: string,
): SimulationTally {
  const tally = emptyTally();
  const compiled = service.program(programId);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line.length === 0) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      addInvalid(tally);
      continue;
    }
    const parsed = compiled.program.parseInput(raw, asOf);
    if (!parsed.ok) {
      addInvalid(tally);
      continue;
    }
    addEvaluation(
      tally,
      service.evaluateFacts(programId, parsed.facts, asOf, { summaryOnly: true }),
    );
  }
  return tally;
}
