import { z } from 'zod';
import type { Citation } from '../../engine/citation.ts';
import type { Day } from '../../engine/dates.ts';
import { dayInput, filingDateOr, parseInputWith } from '../../engine/input.ts';
import type { Fact, InputParseResult, Tristate } from '../../engine/program.ts';

/** The way in the bill offers: lawful prospective immigrant first, or a green card at once. */
export type Track = 'lpi' | 'immediate-lpr';

export interface UsCitizenshipAct2021Facts {
  // Answers
  applicationDate: Day;
  presentSince: Day;
  enteredAsMinor: boolean;
  birthDate: Day;
  entryDate: Day;
  tpsOrDedEligible: boolean;
  farmWorkHours: number;
  farmWorkDays: number;
  // Derived
  assumedEnactmentDate: Day;
  proposalNotice: Tristate;
  filingDate: Day;
  presenceCutoffDate: Day;
  meetsContinuousPresence: Tristate;
  minorEntryAge: number;
  enteredAsChild: Tristate;
  tpsDedCutoffDate: Day;
  tpsOrDedRoute: Tristate;
  farmworkHoursRequired: number;
  farmworkDaysRequired: number;
  farmworkYears: number;
  farmworkerRoute: Tristate;
  lpiYearsBeforeLpr: number;
  lprYearsBeforeCitizenship: number;
  immediateLprEligible: Tristate;
  track: Track | null;
  hasTrack: Tristate;
  earliestLpiDate: Day | null;
  earliestLprDate: Day | null;
  earliestCitizenshipDate: Day | null;
}

const billText = 'https://www.congress.gov/bill/117th-congress/house-bill/1177/text';
const crsSummary = 'https://www.govinfo.gov/bulkdata/BILLSUM/117/hr/BILLSUM-117hr1177.xml';

export const citations = {
  bill: {
    title:
      'H.R. 1177 / S. 348, U.S. Citizenship Act, 117th Congress (introduced Feb. 18, 2021; never enacted)',
    href: 'https://www.congress.gov/bill/117th-congress/house-bill/1177',
  },
  actions: {
    title: 'H.R. 1177, all actions: referred to committees, no further action',
    href: 'https://www.congress.gov/bill/117th-congress/house-bill/1177/all-actions',
  },
  crsSummary: {
    title: 'Congressional Research Service, summary of H.R. 1177 (Feb. 18, 2021)',
    href: crsSummary,
    quote:
      'This bill establishes a path to citizenship for certain undocumented individuals. … a new status of lawful prospective immigrant.',
  },
  lpi: {
    title: 'H.R. 1177, § 1101 (new INA § 245G), lawful prospective immigrant status',
    href: billText,
    quote:
      'including being continually present in the United States from January 1, 2021 (CRS summary)',
  },
  lpiToLpr: {
    title: 'H.R. 1177, § 1102, lawful prospective immigrants to lawful permanent residence',
    href: billText,
    quote:
      'After at least five years with this status, an eligible noncitizen may apply for and receive permanent resident status. (CRS summary)',
  },
  dreamers: {
    title: 'H.R. 1177, § 1103, noncitizens who entered the United States as children',
    href: billText,
    quote: 'eligible noncitizens who (1) entered the United States as a minor (CRS summary)',
  },
  tpsDed: {
    title: 'H.R. 1177, title I, subtitle A, TPS and DED holders',
    href: billText,
    quote:
      '(2) were eligible for temporary protected status or deferred enforced departure on January 1, 2017 (CRS summary)',
  },
  farmworkers: {
    title: 'H.R. 1177, § 1105, agricultural workers',
    href: billText,
    quote:
      'at least 2,300 hours or 400 workdays during the 5-year period immediately preceding the date of submission of application',
  },
  naturalization: {
    title:
      'H.R. 1177, title I, subtitle A: naturalization 3 years after a green card under the bill',
    href: billText,
  },
} satisfies Record<string, Citation>;

const count = z.number().int().min(0).max(100_000);

const inputSchema = z
  .strictObject({
    applicationDate: dayInput.optional(),
    presentSince: dayInput.optional(),
    enteredAsMinor: z.boolean().optional(),
    birthDate: dayInput.optional(),
    entryDate: dayInput.optional(),
    tpsOrDedEligible: z.boolean().optional(),
    farmWorkHours: count.optional(),
    farmWorkDays: count.optional(),
  })
  .refine(
    (answers) =>
      answers.birthDate === undefined ||
      answers.entryDate === undefined ||
      answers.entryDate >= answers.birthDate,
    { message: 'entryDate cannot be before birthDate', path: ['entryDate'] },
  );

export function parseUsCitizenshipActInput(
  raw: unknown,
  asOf: Day,
): InputParseResult<UsCitizenshipAct2021Facts> {
  const parsed = parseInputWith<z.infer<typeof inputSchema>>(inputSchema, raw);
  if (!parsed.ok) return parsed;
  // Assigned in place, no object rest: this runs for every record of a simulation.
  const facts = parsed.facts as Partial<UsCitizenshipAct2021Facts>;
  facts.applicationDate = filingDateOr(asOf, parsed.facts.applicationDate);
  return { ok: true, facts };
}

export const writableFacts: Fact<UsCitizenshipAct2021Facts>[] = [
  {
    kind: 'writable',
    path: 'applicationDate',
    type: 'date',
    description:
      'The date the person would apply under the bill; the evaluation date when not given. No filing is possible: the bill never became law.',
  },
  {
    kind: 'writable',
    path: 'presentSince',
    type: 'date',
    description:
      'The date since which the person has been continuously physically present in the United States (no long absence since).',
    citations: [citations.lpi],
  },
  {
    kind: 'writable',
    path: 'enteredAsMinor',
    type: 'boolean',
    description:
      'Whether the person first entered the United States before turning 18. Asked instead of birthDate and entryDate when the person prefers; decides when given.',
    citations: [citations.dreamers],
  },
  {
    kind: 'writable',
    path: 'birthDate',
    type: 'date',
    description:
      'Date of birth, with entryDate, to work out whether the person entered as a minor.',
    citations: [citations.dreamers],
  },
  {
    kind: 'writable',
    path: 'entryDate',
    type: 'date',
    description: 'Date the person first entered the United States.',
    citations: [citations.dreamers],
  },
  {
    kind: 'writable',
    path: 'tpsOrDedEligible',
    sensitive: { subject: 'immigration-status', neededBy: 'tps-or-ded' },
    type: 'boolean',
    description:
      "Whether the person was eligible for Temporary Protected Status or Deferred Enforced Departure on the bill's cut-off date (January 1, 2017). Nothing else about status is asked.",
    citations: [citations.tpsDed],
  },
  {
    kind: 'writable',
    path: 'farmWorkHours',
    type: 'integer',
    description: 'Hours of agricultural work in the 5 years before applying.',
    citations: [citations.farmworkers],
  },
  {
    kind: 'writable',
    path: 'farmWorkDays',
    type: 'integer',
    description: 'Work days of agricultural work in the 5 years before applying.',
    citations: [citations.farmworkers],
  },
];
