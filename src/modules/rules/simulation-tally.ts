import type { Evaluation, Outcome } from '../../engine/evaluate.ts';

export interface ReasonTally {
  met: number;
  notMet: number;
  unknown: number;
}

/** Counts over a population; two tallies merge by adding, so workers can split the file. */
export interface SimulationTally {
  records: number;
  invalid: number;
  outcomes: Record<Outcome, number>;
  reasons: Record<string, ReasonTally>;
  missing: Record<string, number>;
}

export function emptyTally(): SimulationTally {
  return {
    records: 0,
    invalid: 0,
    outcomes: { yes: 0, no: 0, maybe: 0 },
    reasons: {},
    missing: {},
  };
}

export function addEvaluation(tally: SimulationTally, evaluation: Evaluation): void {
  tally.records++;
  tally.outcomes[evaluation.outcome]++;
  for (const reason of evaluation.reasons) {
    const counts = reasonCounts(tally, reason.rule);
    if (reason.met === true) counts.met++;
    else if (reason.met === false) counts.notMet++;
    else counts.unknown++;
  }
  for (const fact of evaluation.missing) tally.missing[fact] = (tally.missing[fact] ?? 0) + 1;
}

function reasonCounts(tally: SimulationTally, rule: string): ReasonTally {
  let counts = tally.reasons[rule];
  if (!counts) {
    counts = { met: 0, notMet: 0, unknown: 0 };
    tally.reasons[rule] = counts;
  }
  return counts;
}

export function addInvalid(tally: SimulationTally): void {
  tally.records++;
  tally.invalid++;
}

export function mergeTallies(into: SimulationTally, other: SimulationTally): void {
  into.records += other.records;
  into.invalid += other.invalid;
  for (const outcome of ['yes', 'no', 'maybe'] as const)
    into.outcomes[outcome] += other.outcomes[outcome];
  for (const [rule, counts] of Object.entries(other.reasons)) {
    const target = reasonCounts(into, rule);
    target.met += counts.met;
    target.notMet += counts.notMet;
    target.unknown += counts.unknown;
  }
  for (const [fact, count] of Object.entries(other.missing))
    into.missing[fact] = (into.missing[fact] ?? 0) + count;
}
