import type { Day } from '../../src/engine/dates.ts';
import type { ParameterSet } from '../../src/engine/parameters.ts';
import {
  type PathKind,
  pathFacts,
  spousePathOpen,
  type Thresholds,
  thresholdsOn,
  toPerson,
} from './naturalization-arithmetic.ts';
import type { NaturalizationAnswers } from './population.ts';

type Outcome = 'yes' | 'no' | 'maybe';

const cache = new WeakMap<ParameterSet, Map<Day, Thresholds>>();

function thresholds(parameters: ParameterSet, day: Day): Thresholds {
  let byDay = cache.get(parameters);
  if (!byDay) {
    byDay = new Map();
    cache.set(parameters, byDay);
  }
  let found = byDay.get(day);
  if (!found) {
    found = thresholdsOn(parameters, day);
    byDay.set(day, found);
  }
  return found;
}

/**
 * The floor: the same rules as a plain function, with no engine, no
 * explanation and no missing-answer handling. Nothing real should be
 * written this way; it shows what the engine costs.
 */
export function decideByHand(
  answers: NaturalizationAnswers,
  filing: Day,
  parameters: ParameterSet,
): Outcome {
  const t = thresholds(parameters, filing);
  const person = toPerson(answers);
  const kinds: PathKind[] = spousePathOpen(person) ? ['general', 'spouse_of_citizen'] : ['general'];
  let outcome: Outcome = 'no';
  for (const kind of kinds) {
    const facts = pathFacts(person, filing, kind, t);
    const met =
      facts.adult &&
      facts.residence &&
      facts.continuity !== 'broken' &&
      facts.presenceDays >= t.presence[kind] &&
      facts.stateResidence &&
      facts.marriage;
    if (met && facts.continuity === 'kept') return 'yes';
    if (met) outcome = 'maybe';
  }
  return outcome;
}
