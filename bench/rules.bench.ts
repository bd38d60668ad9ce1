import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDay } from '../src/engine/dates.ts';
import { Translations } from '../src/i18n/translator.ts';
import { evaluationToJson } from '../src/modules/rules/evaluation-json.ts';
import { loadRuleCases } from '../src/modules/rules/rule-cases.ts';
import { RulesService } from '../src/modules/rules/rules.service.ts';
import { simulateFile } from '../src/modules/rules/simulation.service.ts';
import { decideByHand } from './rules/hand-written-naturalization.ts';
import { JsonRulesEngineNaturalization } from './rules/json-rules-engine-naturalization.ts';
import {
  type NaturalizationAnswers,
  naturalizationPopulation,
  populationAsOf,
} from './rules/population.ts';
import { format, machine, median, printTable } from './support/table.ts';

const simulationRecords = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const peerRecords = Number(process.env.BENCH_PEER_RECORDS ?? 50_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

/** Median microseconds per call of `run` over `count` calls, after a warm-up. */
async function microsecondsPer(count: number, run: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(count, 20_000); i++) await run(i);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < count; i++) await run(i);
    samples.push(((performance.now() - started) * 1000) / count);
  }
  return median(samples);
}

/** The same answers decided three ways must agree, or the comparison means nothing. */
async function checkAgreement(
  people: NaturalizationAnswers[],
  service: RulesService,
  peer: JsonRulesEngineNaturalization,
): Promise<void> {
  let disagreements = 0;
  for (const person of people) {
    const ours = service.evaluate('naturalization', person, populationAsOf).outcome;
    const theirs = await peer.decide(person, populationAsOf);
    const byHand = decideByHand(person, populationAsOf, service.parameters);
    if (ours !== theirs || ours !== byHand) {
      if (disagreements++ < 3)
        console.error('disagreement', JSON.stringify(person), { ours, theirs, byHand });
    }
  }
  if (disagreements > 0)
    throw new Error(`${disagreements} of ${people.length} people decided differently`);
}

/**
 * Rules: screening one person for every program, the naturalization rules
 * against a hand-written function (the floor) and against the same rules
 * written for json-rules-engine (the common npm rules engine), and
 * simulation throughput over a newline-delimited JSON file.
 */
export async function rulesBenchmark(): Promise<string> {
  const service = new RulesService();
  const peer = new JsonRulesEngineNaturalization(service.parameters);
  const people = [...naturalizationPopulation(20_000)];
  await checkAgreement(people.slice(0, 5_000), service, peer);
  const english = new Translations().for('en');

  const handWritten = await microsecondsPer(people.length, (i) =>
    decideByHand(people[i] as NaturalizationAnswers, populationAsOf, service.parameters),
  );
  const peerMicros = await microsecondsPer(5_000, (i) =>
    peer.decide(people[i] as NaturalizationAnswers, populationAsOf),
  );
  const belongSummary = await microsecondsPer(people.length, (i) =>
    service.evaluate('naturalization', people[i], populationAsOf, { summaryOnly: true }),
  );
  const belong = await microsecondsPer(people.length, (i) =>
    service.evaluate('naturalization', people[i], populationAsOf),
  );
  const belongExplained = await microsecondsPer(people.length, (i) =>
    evaluationToJson(service.evaluate('naturalization', people[i], populationAsOf), english),
  );

  // One person screened for every program: each program's YAML cases stand in for people.
  const cases = loadRuleCases();
  const perProgram = service
    .programIds()
    .map((id) =>
      cases
        .filter((c) => c.program === id)
        .map((c) => ({ input: c.input, asOf: parseDay(c.as_of) as number })),
    );
  const screening = await microsecondsPer(20_000, (i) => {
    for (let p = 0; p < perProgram.length; p++) {
      const list = perProgram[p] as { input: unknown; asOf: number }[];
      const one = list[i % list.length];
      if (!one) continue;
      try {
        evaluationToJson(
          service.evaluate(service.programIds()[p] as string, one.input, one.asOf),
          english,
        );
      } catch {
        // A malformed-input case is part of the suite too; refusing it is screening work.
      }
    }
  });

  const folder = mkdtempSync(path.join(tmpdir(), 'belong-rules-bench-'));
  const file = path.join(folder, 'population.ndjson');
  try {
    const out = createWriteStream(file);
    for (const person of naturalizationPopulation(simulationRecords)) {
      if (!out.write(`${JSON.stringify(person)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const simulate = async (workers: number) => {
      const started = performance.now();
      const tally = await simulateFile(service, 'naturalization', file, populationAsOf, {
        workers,
      });
      return tally.records / ((performance.now() - started) / 1000);
    };
    const simulationOne = median([await simulate(1), await simulate(1)]);
    const simulationAll = median([await simulate(2), await simulate(2)]);
    const peerStarted = performance.now();
    for (let i = 0; i < peerRecords; i++) {
      await peer.decide(JSON.parse(JSON.stringify(people[i % people.length])), populationAsOf);
    }
    const peerRate = peerRecords / ((performance.now() - peerStarted) / 1000);

    console.log(`\nRules, naturalization and all programs (${machine()})\n`);
    const vsPeer = (micros: number) => `${format(peerMicros / micros, 0)}× faster`;
    const table = printTable(
      ['what', 'per person', 'people/s', 'vs hand-written', 'vs json-rules-engine'],
      [
        [
          'naturalization, hand-written function (the floor)',
          `${handWritten.toFixed(2)} µs`,
          format(1e6 / handWritten),
          '1.00',
          vsPeer(handWritten),
        ],
        [
          'naturalization, json-rules-engine (outcome only)',
          `${peerMicros.toFixed(1)} µs`,
          format(1e6 / peerMicros),
          (handWritten / peerMicros).toFixed(3),
          '1×',
        ],
        [
          'naturalization, Belong: outcome and reasons',
          `${belongSummary.toFixed(2)} µs`,
          format(1e6 / belongSummary),
          (handWritten / belongSummary).toFixed(2),
          vsPeer(belongSummary),
        ],
        [
          'naturalization, Belong: with values and dates',
          `${belong.toFixed(2)} µs`,
          format(1e6 / belong),
          (handWritten / belong).toFixed(2),
          vsPeer(belong),
        ],
        [
          'naturalization, Belong: with translated reasons',
          `${belongExplained.toFixed(2)} µs`,
          format(1e6 / belongExplained),
          (handWritten / belongExplained).toFixed(2),
          vsPeer(belongExplained),
        ],
        [
          `screening one person, all ${perProgram.length} programs, translated`,
          `${screening.toFixed(1)} µs`,
          format(1e6 / screening),
          '',
          '',
        ],
        [
          `simulation, ${format(simulationRecords)} people from NDJSON, 1 thread`,
          '',
          format(simulationOne),
          '',
          `${format(simulationOne / peerRate, 0)}× faster`,
        ],
        [
          `simulation, ${format(simulationRecords)} people from NDJSON, 2 workers`,
          '',
          format(simulationAll),
          '',
          `${format(simulationAll / peerRate, 0)}× faster`,
        ],
        [
          `simulation, json-rules-engine, ${format(peerRecords)} people from JSON`,
          '',
          format(peerRate),
          '',
          '1×',
        ],
      ],
    );
    const verdict = (met: boolean) => (met ? 'met' : 'not met');
    console.log(
      `\nGoals: screening all programs < 200 µs — ${verdict(screening < 200)}; ` +
        `≥ 50× json-rules-engine — ${verdict(peerMicros / belongSummary >= 50)} ` +
        `(${format(peerMicros / belongSummary, 0)}×); ` +
        `≥ 1,000,000 people/s in simulation — ${verdict(simulationAll >= 1e6)}.`,
    );
    return table;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
