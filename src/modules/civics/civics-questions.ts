import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Day, parseDay } from '../../engine/dates.ts';

/**
 * The civics question banks under `rules/civics/`: the USCIS questions and
 * official answers in English (the source), translations of them, and the
 * answers that change with the state or with who holds office, held as dated
 * data so that no name is ever written into a question bank.
 */
export const civicsDirectory = fileURLToPath(new URL('../../../rules/civics/', import.meta.url));

export const civicsVersions = ['2025', '2008'] as const;
export type CivicsVersion = (typeof civicsVersions)[number];

export function isCivicsVersion(value: string): value is CivicsVersion {
  return (civicsVersions as readonly string[]).includes(value);
}

export const officeIds = [
  'president',
  'vice-president',
  'president-party',
  'speaker',
  'chief-justice',
  'supreme-court-seats',
  'state-senators',
  'state-representative',
  'state-governor',
  'state-capital',
] as const;
export type OfficeId = (typeof officeIds)[number];

export interface CivicsQuestion {
  /** The USCIS question number. */
  number: number;
  text: string;
  /** The accepted answers; empty when `office` gives them. */
  answers: string[];
  /** One of the 20 questions marked for the 65/20 exemption (INA 312(b)(3)). */
  senior: boolean;
  office?: OfficeId;
}

export interface QuestionBank {
  version: CivicsVersion;
  language: string;
  machineDrafted: boolean;
  /** In USCIS order. */
  questions: CivicsQuestion[];
}

export type OfficeAnswer =
  | { kind: 'names'; names: string[]; since: Day }
  | { kind: 'party'; party: 'republican' | 'democratic'; since: Day }
  | { kind: 'number'; value: number; since: Day }
  | { kind: 'varies'; href: string; since: Day }
  | { kind: 'unknown' };

export interface ResolvedOffice {
  answer: OfficeAnswer;
  /** Where the answer can be checked. */
  href: string;
  /** The day is after the file's `reviewed_until`: the names may have changed. */
  stale: boolean;
}

export class CivicsDataError extends Error {
  override name = 'CivicsDataError';
}

const isoDate = z
  .string()
  .refine((value) => parseDay(value) !== undefined, 'not a YYYY-MM-DD date');
// YAML reads an unquoted date as a Date; the files quote nothing, so accept both.
const dateKey = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), isoDate]);
const text = z.string().trim().min(1);

const englishQuestion = z
  .strictObject({
    n: z.number().int().positive(),
    q: text,
    a: z.array(text).min(1).optional(),
    senior: z.literal(true).optional(),
    office: z.enum(officeIds).optional(),
  })
  .refine((q) => (q.a === undefined) !== (q.office === undefined), {
    message: 'a question has either answers (a) or an office, not both',
  });

const translatedQuestion = z.strictObject({
  n: z.number().int().positive(),
  q: text,
  a: z.array(text).min(1).optional(),
});

const bankFile = z.strictObject({
  version: z.enum(civicsVersions),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/),
  machine_drafted: z.boolean().optional(),
  questions: z.array(z.unknown()).min(1),
});

const reference = z.strictObject({ title: text, href: z.url() });
const office = z.strictObject({
  kind: z.enum(['names', 'party', 'number', 'varies']),
  href: z.url().optional(),
  values: z.record(z.string(), z.unknown()),
  references: z.array(reference).min(1),
});
const officeFile = z.strictObject({
  reviewed_until: dateKey,
  offices: z.record(z.enum(officeIds), office),
});

function readYaml(file: string): unknown {
  // Dates stay strings: `values` keys are dates and must not become Date objects.
  return parse(readFileSync(file, 'utf8'), { schema: 'core' });
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CivicsDataError(`${where}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

function parseEnglishBank(file: string): QuestionBank {
  const raw = check(bankFile, readYaml(file), file);
  const questions = raw.questions.map((entry, index) => {
    const q = check(englishQuestion, entry, `${file}: questions.${index}`);
    return {
      number: q.n,
      text: q.q,
      answers: q.a ?? [],
      senior: q.senior === true,
      ...(q.office ? { office: q.office } : {}),
    };
  });
  questions.forEach((question, index) => {
    if (question.number !== index + 1) {
      throw new CivicsDataError(`${file}: question ${index + 1} is numbered ${question.number}`);
    }
  });
  return {
    version: raw.version,
    language: raw.language,
    machineDrafted: raw.machine_drafted === true,
    questions,
  };
}

/**
 * A translation carries only the words: which questions are in the 65/20
 * set and which answers come from office-holders.yaml are the English
 * bank's, so a translation can never disagree with USCIS about them. It must
 * translate every question and keep every list of answers the same length.
 */
function parseTranslatedBank(file: string, english: QuestionBank): QuestionBank {
  const raw = check(bankFile, readYaml(file), file);
  if (raw.version !== english.version) {
    throw new CivicsDataError(`${file}: version ${raw.version} in a ${english.version} file`);
  }
  const translated = new Map<number, z.infer<typeof translatedQuestion>>();
  raw.questions.forEach((entry, index) => {
    const q = check(translatedQuestion, entry, `${file}: questions.${index}`);
    if (translated.has(q.n)) throw new CivicsDataError(`${file}: question ${q.n} twice`);
    translated.set(q.n, q);
  });
  const questions = english.questions.map((source) => {
    const q = translated.get(source.number);
    if (!q) throw new CivicsDataError(`${file}: question ${source.number} is not translated`);
    const answers = q.a ?? [];
    if (answers.length !== source.answers.length) {
      throw new CivicsDataError(
        `${file}: question ${source.number} has ${answers.length} answers, English has ${source.answers.length}`,
      );
    }
    return { ...source, text: q.q, answers };
  });
  if (translated.size !== english.questions.length) {
    throw new CivicsDataError(`${file}: questions that English does not have`);
  }
  return {
    version: raw.version,
    language: raw.language,
    machineDrafted: raw.machine_drafted === true,
    questions,
  };
}

interface DatedOffice {
  kind: 'names' | 'party' | 'number' | 'varies';
  href: string;
  values: { from: Day; value: unknown }[];
}

const officeValue = {
  names: z.array(text).min(1),
  party: z.enum(['republican', 'democratic']),
  number: z.number().int().positive(),
  varies: z.literal('varies-by-district'),
} as const;

function parseOffices(file: string): { reviewedUntil: Day; offices: Map<OfficeId, DatedOffice> } {
  const raw = check(officeFile, readYaml(file), file);
  const offices = new Map<OfficeId, DatedOffice>();
  for (const id of officeIds) {
    const entry = raw.offices[id];
    if (!entry) throw new CivicsDataError(`${file}: no entry for ${id}`);
    if (entry.kind === 'varies' && !entry.href) {
      throw new CivicsDataError(`${file}: ${id} varies but has no href to look it up`);
    }
    const values = Object.entries(entry.values).map(([from, value]) => {
      const day = parseDay(from);
      if (day === undefined) throw new CivicsDataError(`${file}: ${id}: ${from} is not a date`);
      return {
        from: day,
        value: check<unknown>(
          officeValue[entry.kind] as z.ZodType<unknown>,
          value,
          `${file}: ${id}.${from}`,
        ),
      };
    });
    if (values.length === 0) throw new CivicsDataError(`${file}: ${id} has no dated value`);
    values.sort((a, b) => a.from - b.from);
    offices.set(id, {
      kind: entry.kind,
      href: entry.href ?? (entry.references[0]?.href as string),
      values,
    });
  }
  return { reviewedUntil: parseDay(raw.reviewed_until) as Day, offices };
}

export interface CivicsLibrary {
  /** The English bank, the source of numbers, 65/20 marks and offices. */
  english(version: CivicsVersion): QuestionBank;
  /** The bank in `language`, or undefined when it is not translated yet. */
  translation(version: CivicsVersion, language: string): QuestionBank | undefined;
  /** Languages with a bank for `version`, English first. */
  languages(version: CivicsVersion): string[];
  /** The answer for an office as of `day` (Washington State's, for state offices). */
  office(id: OfficeId, day: Day): ResolvedOffice;
}

/** Reads and checks every bank and the office holders; a bad file stops the start. */
export function loadCivicsLibrary(directory = civicsDirectory): CivicsLibrary {
  const files = readdirSync(directory).filter((name) => name.endsWith('.yaml'));
  const english = new Map<CivicsVersion, QuestionBank>();
  const translations = new Map<string, QuestionBank>();
  for (const version of civicsVersions) {
    english.set(version, parseEnglishBank(`${directory}${version}.en.yaml`));
  }
  for (const name of files.sort()) {
    const match = /^(\d{4})\.([A-Za-z-]+)\.yaml$/.exec(name);
    if (!match || match[2] === 'en') continue;
    const version = match[1] as string;
    const language = match[2] as string;
    if (!isCivicsVersion(version)) throw new CivicsDataError(`${name}: unknown test version`);
    const bank = parseTranslatedBank(`${directory}${name}`, english.get(version) as QuestionBank);
    if (bank.language !== language) {
      throw new CivicsDataError(`${name}: says language ${bank.language}`);
    }
    translations.set(`${version}.${language}`, bank);
  }
  const { reviewedUntil, offices } = parseOffices(`${directory}office-holders.yaml`);

  return {
    english: (version) => english.get(version) as QuestionBank,
    translation: (version, language) =>
      language === 'en' ? english.get(version) : translations.get(`${version}.${language}`),
    languages: (version) => [
      'en',
      ...[...translations.values()]
        .filter((bank) => bank.version === version)
        .map((bank) => bank.language),
    ],
    office(id, day) {
      const dated = offices.get(id) as DatedOffice;
      const stale = day > reviewedUntil;
      let current: { from: Day; value: unknown } | undefined;
      for (const entry of dated.values) if (entry.from <= day) current = entry;
      if (!current) return { answer: { kind: 'unknown' }, href: dated.href, stale };
      const since = current.from;
      const answer: OfficeAnswer =
        dated.kind === 'names'
          ? { kind: 'names', names: current.value as string[], since }
          : dated.kind === 'party'
            ? { kind: 'party', party: current.value as 'republican' | 'democratic', since }
            : dated.kind === 'number'
              ? { kind: 'number', value: current.value as number, since }
              : { kind: 'varies', href: dated.href, since };
      return { answer, href: dated.href, stale };
    },
  };
}
