import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Day } from '../../engine/dates.ts';
import { parametersDirectory, parseParameterFile } from '../rules/parameters.repository.ts';
import { type CivicsVersion, civicsVersions, isCivicsVersion } from './civics-questions.ts';

/**
 * A practice session, carried entirely in the page's form fields: which
 * test, which set, the seed that fixes the order of questions, how far the
 * person has got and how many they marked right and wrong. Nothing is stored
 * on the server and nothing in it is personal.
 */

export const questionSets = ['all', 'senior'] as const;
export type QuestionSet = (typeof questionSets)[number];

export interface TestFormat {
  /** Questions the set holds. */
  bank: number;
  /** The most an officer asks. */
  asked: number;
  /** Correct answers that pass; the test stops when they are reached. */
  pass: number;
  /** Wrong answers after which passing is out of reach; the test stops. */
  stopAfterWrong: number;
}

export interface CivicsTest {
  version: CivicsVersion;
  /** The first N-400 filing date this test applies to. */
  from: Day;
  all: TestFormat;
  senior: TestFormat;
}

const formatShape = z.strictObject({
  bank: z.number().int().positive(),
  asked: z.number().int().positive(),
  pass: z.number().int().positive(),
  stop_after_wrong: z.number().int().positive(),
});
const testShape = formatShape.extend({
  version: z.enum(civicsVersions),
  senior: formatShape,
});

function toFormat(value: z.infer<typeof formatShape>): TestFormat {
  if (value.pass > value.asked || value.asked > value.bank) {
    throw new Error('uscis/civics/test-format: pass ≤ asked ≤ bank does not hold');
  }
  return {
    bank: value.bank,
    asked: value.asked,
    pass: value.pass,
    stopAfterWrong: value.stop_after_wrong,
  };
}

export const testFormatParameter = 'uscis/civics/test-format';

export interface CivicsRules {
  tests: CivicsTest[];
  test(version: CivicsVersion): CivicsTest;
  format(version: CivicsVersion, set: QuestionSet): TestFormat;
  /** The test for an N-400 filed on `day`, or undefined before the first one we hold. */
  testForFilingDate(day: Day): CivicsTest | undefined;
  references: readonly { title: string; href: string }[];
}

/** Reads the dated test formats from `rules/parameters/uscis/civics/test-format.yaml`. */
export function loadCivicsRules(directory = parametersDirectory): CivicsRules {
  const parameter = parseParameterFile(
    testFormatParameter,
    readFileSync(`${directory}${testFormatParameter}.yaml`, 'utf8'),
  );
  const tests = parameter.values.map((entry) => {
    const value = testShape.parse(entry.value);
    return {
      version: value.version,
      from: entry.from,
      all: toFormat(value),
      senior: toFormat(value.senior),
    };
  });
  for (const version of civicsVersions) {
    if (!tests.some((test) => test.version === version)) {
      throw new Error(`${testFormatParameter}: no format for the ${version} test`);
    }
  }
  const byVersion = (version: CivicsVersion) =>
    tests.find((test) => test.version === version) as CivicsTest;
  return {
    tests,
    test: byVersion,
    format: (version, set) => byVersion(version)[set],
    testForFilingDate(day) {
      let current: CivicsTest | undefined;
      for (const test of tests) if (test.from <= day) current = test;
      return current;
    },
    references: parameter.references,
  };
}

export interface SessionState {
  version: CivicsVersion;
  set: QuestionSet;
  seed: number;
  /** Questions answered so far; the next one shown is `order[index]`. */
  index: number;
  right: number;
  wrong: number;
}

export class InvalidSession extends Error {
  override name = 'InvalidSession';
}

export const maxSeed = 2_147_483_647;

function whole(value: string | undefined, name: string, max: number): number {
  if (value === undefined || !/^\d{1,10}$/.test(value)) throw new InvalidSession(name);
  const number = Number(value);
  if (number > max) throw new InvalidSession(name);
  return number;
}

/** Which test and set a query names, or InvalidSession. */
export function parseChoice(query: Record<string, string | undefined>): {
  version: CivicsVersion;
  set: QuestionSet;
} {
  const version = query.test ?? '';
  const set = query.set ?? 'all';
  if (!isCivicsVersion(version)) throw new InvalidSession('test');
  if (!(questionSets as readonly string[]).includes(set)) throw new InvalidSession('set');
  return { version, set: set as QuestionSet };
}

/**
 * Reads a session from form fields. Anything a page of ours could not have
 * sent (counts that do not add up, a session already over) is refused, so
 * an edited address gets a plain "bad request", never a wrong page or a 500.
 */
export function parseSession(
  query: Record<string, string | undefined>,
  rules: CivicsRules,
): SessionState {
  const { version, set } = parseChoice(query);
  const format = rules.format(version, set);
  const seed = whole(query.seed, 'seed', maxSeed);
  if (seed < 1) throw new InvalidSession('seed');
  const index = whole(query.i, 'i', format.asked);
  const right = whole(query.r, 'r', format.pass);
  const wrong = whole(query.w, 'w', format.stopAfterWrong);
  if (right + wrong !== index) throw new InvalidSession('counts');
  return { version, set, seed, index, right, wrong };
}

export function isFinished(state: SessionState, format: TestFormat): boolean {
  return (
    state.right >= format.pass ||
    state.wrong >= format.stopAfterWrong ||
    state.index >= format.asked
  );
}

export function passed(state: SessionState, format: TestFormat): boolean {
  return state.right >= format.pass;
}

/** The state after the person marks the current question. */
export function applyResult(
  state: SessionState,
  format: TestFormat,
  result: 'right' | 'wrong',
): SessionState {
  if (isFinished(state, format)) throw new InvalidSession('finished');
  return {
    ...state,
    index: state.index + 1,
    right: state.right + (result === 'right' ? 1 : 0),
    wrong: state.wrong + (result === 'wrong' ? 1 : 0),
  };
}

/** A small, fast generator: the same seed always gives the same questions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The question numbers a session asks, in order: a Fisher–Yates shuffle of
 * the set's questions under the seed, cut to the most an officer asks.
 */
export function questionOrder(
  numbers: readonly number[],
  format: TestFormat,
  seed: number,
): number[] {
  const order = [...numbers];
  const random = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order.slice(0, format.asked);
}

/** A fresh seed for a new session. */
export function newSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * (maxSeed - 1));
}

/** The state as form fields (and query parameters), in a stable order. */
export function sessionFields(state: SessionState): Record<string, string> {
  return {
    test: state.version,
    set: state.set,
    seed: String(state.seed),
    i: String(state.index),
    r: String(state.right),
    w: String(state.wrong),
  };
}
