import { z } from 'zod';
import type { Day } from '../../engine/dates.ts';
import type { Program } from '../../engine/program.ts';

/**
 * The screener's answers are one JSON object: the union of every program's
 * JSON answers (the CLI and API contract of each), plus a few questions of
 * the screener's own that decide what a program reads. Each program gets
 * only the keys its own input accepts, so a question one program needs
 * never makes another program's parser fail.
 */

/** Stable codes of a field-level problem with the answers (API contract: never reused). */
export type AnswerErrorCode =
  | 'required'
  | 'invalid-type'
  | 'invalid-date'
  | 'invalid-value'
  | 'too-small'
  | 'too-large'
  | 'too-many-items'
  | 'unknown-field'
  /** The request body is not JSON (the API only). */
  | 'invalid-json';

export interface AnswerError {
  /** Where in the answers, dot-separated with list indexes (`trips.0.returned`); '' for the whole. */
  path: string;
  code: AnswerErrorCode;
  /** The rules' own explanation, in English, for developers (never personal data). */
  detail: string;
}

/**
 * Questions only the screener asks. They never reach a program as they
 * are; {@link programInput} turns them into the program's own answers.
 */
const screenerOnlySchema = z.strictObject({
  /** Holds a green card: shows the questions only a permanent resident is asked. */
  permanentResident: z.boolean().optional(),
  /** Has left the United States since becoming a permanent resident; `false` means no trips. */
  tripsAbroad: z.boolean().optional(),
  /** Serves or served in the U.S. armed forces, before the details are asked. */
  servedInMilitary: z.boolean().optional(),
  /** Has children under 18, before they are listed. */
  hasChildren: z.boolean().optional(),
});

export const screenerOnlyKeys: readonly string[] = Object.keys(screenerOnlySchema.shape);

/** The keys of a program's JSON answers: the first part of each of its writable facts' paths. */
export function acceptedKeys(program: {
  facts: readonly { kind: string; path: PropertyKey }[];
}): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const fact of program.facts) {
    if (fact.kind === 'writable') keys.add(String(fact.path).split('.')[0] as string);
  }
  return keys;
}

type Answers = Record<string, unknown>;

/**
 * Where a program's answer comes from when the answers do not hold it
 * directly: a question the screener asks once for several programs, or in
 * a gentler form. An answer given under the program's own key always wins.
 * The key is `<program>:<answer key>`; `source` names the screener answer a
 * missing fact is asked by.
 */
const bridges: Readonly<
  Record<string, { source: string; derive: (answers: Answers) => unknown | undefined }>
> = {
  // "Have you left the United States since?" No means no trips to list.
  'naturalization:trips': {
    source: 'tripsAbroad',
    derive: (answers) => (answers.tripsAbroad === false ? [] : undefined),
  },
  // Yes or no first; the details (a `military` object) only when yes.
  'naturalization:military': {
    source: 'servedInMilitary',
    derive: (answers) =>
      typeof answers.servedInMilitary === 'boolean' ? answers.servedInMilitary : undefined,
  },
  // The screener is for Washington: living there picks the poverty-guideline table.
  'naturalization-fee:residenceState': {
    source: 'livesInWashington',
    derive: (answers) => (answers.livesInWashington === true ? 'WA' : undefined),
  },
  // The bill's continuous presence is the same fact as TPS's continuous physical presence.
  'us-citizenship-act-2021:presentSince': {
    source: 'presenceSince',
    derive: (answers) => answers.presenceSince,
  },
};

/**
 * The screener answer that would supply a fact a program still lacks: the
 * fact's own path, unless a bridge asks it another way and that question is
 * not answered yet.
 */
export function answerSource(programId: string, factPath: string, answers: Answers): string {
  const bridge = bridges[`${programId}:${factPath}`];
  if (bridge && answers[bridge.source] === undefined) return bridge.source;
  // The fee's military exemption follows the naturalization path (see screening.service.ts).
  if (
    programId === 'naturalization-fee' &&
    factPath === 'militaryService' &&
    answers.servedInMilitary === undefined
  ) {
    return 'servedInMilitary';
  }
  return factPath;
}

/** The part of the answers a program accepts, with its bridged answers filled in. */
export function programInput(
  programId: string,
  accepted: ReadonlySet<string>,
  answers: Answers,
): Answers {
  const input: Answers = {};
  for (const key of accepted) {
    if (answers[key] !== undefined) {
      input[key] = answers[key];
      continue;
    }
    const derived = bridges[`${programId}:${key}`]?.derive(answers);
    if (derived !== undefined) input[key] = derived;
  }
  return input;
}

function isPlainObject(value: unknown): value is Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a rules parser's message into a stable code. The parsers speak
 * zod's English; anything not recognised is `invalid-value`, which is
 * always true of a value a parser refused.
 */
export function classify(
  path: string,
  message: string,
): { path: string; code: AnswerErrorCode; detail: string } {
  const unrecognized = /^Unrecognized keys?: (.+)$/.exec(message);
  if (unrecognized) {
    const first = /"([^"]*)"/.exec(unrecognized[1] as string)?.[1] ?? '';
    return { path: path ? `${path}.${first}` : first, code: 'unknown-field', detail: message };
  }
  let code: AnswerErrorCode = 'invalid-value';
  if (/received undefined$/.test(message)) code = 'required';
  else if (/^Invalid input: expected/.test(message)) code = 'invalid-type';
  else if (/YYYY-MM-DD/.test(message)) code = 'invalid-date';
  else if (/^Too big: expected array/.test(message)) code = 'too-many-items';
  else if (/^Too big/.test(message)) code = 'too-large';
  else if (/^Too small/.test(message)) code = 'too-small';
  return { path, code, detail: message };
}

export type ParsedAnswers =
  | { ok: true; answers: Answers; inputs: ReadonlyMap<string, unknown> }
  | { ok: false; errors: AnswerError[] };

/**
 * Checks the answers and parses each program's part of them. Reports every
 * malformed value once (a birth date three programs read is one error),
 * and any key no program and no screener question knows.
 */
export function parseScreeningAnswers(
  // biome-ignore lint/suspicious/noExplicitAny: programs differ in fact types; each parses only its own part.
  programs: readonly Program<any>[],
  raw: unknown,
  asOf: Day,
): ParsedAnswers {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      errors: [{ path: '', code: 'invalid-type', detail: 'answers must be one JSON object' }],
    };
  }
  const errors = new Map<string, AnswerError>();
  const add = (error: AnswerError) => {
    const id = `${error.path}\u0000${error.code}`;
    if (!errors.has(id)) errors.set(id, error);
  };

  const accepted = new Map(programs.map((program) => [program.id, acceptedKeys(program)]));
  const known = new Set<string>(screenerOnlyKeys);
  for (const keys of accepted.values()) for (const key of keys) known.add(key);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      add({ path: key, code: 'unknown-field', detail: 'no program or screener question reads it' });
    }
  }

  const own: Answers = {};
  for (const key of screenerOnlyKeys) if (raw[key] !== undefined) own[key] = raw[key];
  const checked = screenerOnlySchema.safeParse(own);
  if (!checked.success) {
    for (const issue of checked.error.issues) add(classify(issue.path.join('.'), issue.message));
  }

  const inputs = new Map<string, unknown>();
  for (const program of programs) {
    const input = programInput(program.id, accepted.get(program.id) as ReadonlySet<string>, raw);
    const parsed = program.parseInput(input, asOf);
    if (parsed.ok) inputs.set(program.id, parsed.facts);
    else for (const error of parsed.errors) add(classify(error.path, error.message));
  }
  if (errors.size > 0) return { ok: false, errors: [...errors.values()] };
  return { ok: true, answers: raw, inputs };
}
