import { addDays, addYears, type Day, formatDay, parseDay } from '../../src/engine/dates.ts';

/**
 * A deterministic, synthetic population of naturalization answers in the
 * CLI's input shape: the same people every run, so figures compare across
 * runs and machines. Nobody here is real.
 */
export interface NaturalizationAnswers {
  birthDate: string;
  lprDate: string;
  stateResidenceSince: string;
  trips: { departed: string; returned: string }[];
  spouse?: {
    isCitizen: boolean;
    citizenSince: string;
    marriedSince: string;
    livingTogether: boolean;
  };
}

/** mulberry32: a small, fast, seeded generator (public domain). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const populationAsOf = parseDay('2026-11-25') as Day;

export function* naturalizationPopulation(
  count: number,
  seed = 2026,
): Generator<NaturalizationAnswers> {
  const random = seeded(seed);
  const between = (from: Day, to: Day) => from + Math.floor(random() * (to - from + 1));
  const earliest = parseDay('1995-01-01') as Day;
  for (let i = 0; i < count; i++) {
    const lpr = between(earliest, populationAsOf - 200);
    const birth = between(addYears(lpr, -70), addYears(lpr, -5));
    const state = between(addYears(lpr, -3), populationAsOf - 30);
    const trips: NaturalizationAnswers['trips'] = [];
    let cursor = lpr + between(10, 400);
    const tripCount = Math.floor(random() * 5);
    for (let t = 0; t < tripCount && cursor < populationAsOf - 30; t++) {
      const roll = random();
      // Most trips are short; a few are long enough to raise the presumption or break residence.
      const length =
        roll < 0.85 ? between(3, 60) : roll < 0.95 ? between(150, 250) : between(300, 420);
      const returned = Math.min(cursor + length, populationAsOf - 1);
      trips.push({ departed: formatDay(cursor), returned: formatDay(returned) });
      cursor = returned + between(30, 900);
    }
    const answers: NaturalizationAnswers = {
      birthDate: formatDay(birth),
      lprDate: formatDay(lpr),
      stateResidenceSince: formatDay(state),
      trips,
    };
    if (random() < 0.3) {
      const married = between(addYears(lpr, -4), populationAsOf - 10);
      answers.spouse = {
        isCitizen: random() < 0.8,
        citizenSince: formatDay(between(addYears(married, -10), addDays(populationAsOf, -10))),
        marriedSince: formatDay(married),
        livingTogether: random() < 0.9,
      };
    }
    yield answers;
  }
}
