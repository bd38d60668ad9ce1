import {
  type Almanac,
  Engine,
  type RuleProperties,
  type TopLevelCondition,
} from 'json-rules-engine';
import type { Day } from '../../src/engine/dates.ts';
import type { ParameterSet } from '../../src/engine/parameters.ts';
import {
  type PathKind,
  type Person,
  pathFacts,
  spousePathOpen,
  type Thresholds,
  thresholdsOn,
  toPerson,
} from './naturalization-arithmetic.ts';
import type { NaturalizationAnswers } from './population.ts';

type Outcome = 'yes' | 'no' | 'maybe';

/**
 * The naturalization residence paths written for json-rules-engine
 * (https://github.com/CacheControl/json-rules-engine), the way its
 * documentation suggests: the answers are runtime facts, derived values
 * are dynamic facts read through the almanac, and eligibility is JSON
 * conditions with `path` selectors. It decides the outcome only — no
 * earliest date, no explanation — so it does less than Belong's program.
 */
export class JsonRulesEngineNaturalization {
  private engine: Engine | undefined;
  private engineDay: Day | undefined;

  constructor(private readonly parameters: ParameterSet) {}

  async decide(answers: NaturalizationAnswers, filing: Day): Promise<Outcome> {
    const engine = this.engineFor(filing);
    const { events } = await engine.run({ answers, filing });
    if (events.some((event) => event.type === 'eligible')) return 'yes';
    if (events.some((event) => event.type === 'review')) return 'maybe';
    return 'no';
  }

  private engineFor(filing: Day): Engine {
    if (this.engine && this.engineDay === filing) return this.engine;
    const t = thresholdsOn(this.parameters, filing);
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addFact('person', async (_params: unknown, almanac: Almanac) =>
      toPerson(await almanac.factValue<NaturalizationAnswers>('answers')),
    );
    const pathFact = (kind: PathKind) => async (_params: unknown, almanac: Almanac) =>
      pathFacts(
        await almanac.factValue<Person>('person'),
        await almanac.factValue<Day>('filing'),
        kind,
        t,
      );
    engine.addFact('general', pathFact('general'));
    engine.addFact('spouse', pathFact('spouse_of_citizen'));
    engine.addFact('spousePathOpen', async (_params: unknown, almanac: Almanac) =>
      spousePathOpen(await almanac.factValue<Person>('person')),
    );
    for (const rule of rules(t)) engine.addRule(rule);
    this.engine = engine;
    this.engineDay = filing;
    return engine;
  }
}

function pathConditions(
  fact: 'general' | 'spouse',
  t: Thresholds,
  continuity: string,
): TopLevelCondition {
  const kind: PathKind = fact === 'general' ? 'general' : 'spouse_of_citizen';
  return {
    all: [
      ...(fact === 'spouse' ? [{ fact: 'spousePathOpen', operator: 'equal', value: true }] : []),
      { fact, path: '$.adult', operator: 'equal', value: true },
      { fact, path: '$.residence', operator: 'equal', value: true },
      { fact, path: '$.continuity', operator: 'equal', value: continuity },
      { fact, path: '$.presenceDays', operator: 'greaterThanInclusive', value: t.presence[kind] },
      { fact, path: '$.stateResidence', operator: 'equal', value: true },
      { fact, path: '$.marriage', operator: 'equal', value: true },
    ],
  };
}

function rules(t: Thresholds): RuleProperties[] {
  const rule = (fact: 'general' | 'spouse', type: string, continuity: string): RuleProperties => ({
    name: `${fact}-${type}`,
    conditions: pathConditions(fact, t, continuity),
    event: { type },
  });
  return [
    rule('general', 'eligible', 'kept'),
    rule('general', 'review', 'presumed-broken'),
    rule('spouse', 'eligible', 'kept'),
    rule('spouse', 'review', 'presumed-broken'),
  ];
}
