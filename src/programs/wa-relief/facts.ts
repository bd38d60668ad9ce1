import { z } from 'zod';
import type { Citation } from '../../engine/citation.ts';
import type { Day } from '../../engine/dates.ts';
import { dayInput, filingDateOr, parseInputWith } from '../../engine/input.ts';
import type { Fact, InputParseResult, Tristate } from '../../engine/program.ts';

export type AllocationMethod = 'fixed' | 'equal-split';

/** A round's award terms, as the fund's `award` parameter holds them. */
export interface Award {
  method: AllocationMethod;
  amount_per_adult?: number;
  budget?: number;
  eligible_applicants?: number;
  minimum_per_adult?: number;
  household_max: number | null;
}

export interface WaReliefFacts {
  // Answers
  applicationDate: Day;
  birthDate: Day;
  livesInWashington: boolean;
  excludedFromFederalRelief: boolean;
  experiencedHardship: boolean;
  householdAdults: number;
  householdSize: number;
  householdIncome: number;
  // Derived
  round: number | null;
  roundOpen: Tristate;
  lastDayToApply: Day | null;
  minimumAge: number;
  age: number;
  isAdult: Tristate;
  award: Award | null;
  allocationMethod: AllocationMethod | null;
  fixedAmount: Tristate;
  amountPerAdult: number | null;
  roundBudget: number | null;
  roundEligibleApplicants: number | null;
  minimumPerAdult: number | null;
  householdAmount: number | null;
  householdCapped: Tristate;
  incomeLimitPercent: number | null;
  hasIncomeLimit: Tristate;
  povertyGuideline: number;
  fplPercent: number | null;
  meetsIncomeLimit: Tristate;
}

export const citations = {
  round1: {
    title:
      'Washington COVID-19 Immigrant Relief Fund, round 1 (Oct. 21 – Dec. 6, 2020), as reported by the Yakima Herald-Republic',
    href: 'https://www.yakimaherald.com/news/local/state-covid-relief-fund-for-immigrants-now-open-for-applications/article_b570721d-1a5f-5479-9470-0ada868890a9.html',
    quote:
      'To apply, individuals must be Washington residents, at least 18 years old, have been significantly impacted by the COVID-19 pandemic, and be ineligible for federal stimulus funding and unemployment insurance because of their immigration status.',
  },
  round2: {
    title: 'DSHS, Washington COVID-19 Immigrant Relief Fund expands with $65M (round 2, 2021)',
    href: 'https://dshswa.medium.com/washington-covid-19-immigrant-relief-fund-expands-with-65m-in-additional-funding-on-april-21-8bb41dce2b2d',
  },
  round2Income: {
    title: 'Peninsula College, Immigrant Relief Fund opens new applications (round 2 eligibility)',
    href: 'https://pencol.edu/news/washington-covid-19-immigrant-relief-fund-opens-new-applications',
    quote: 'Have an income at or below 250% of the federal poverty level.',
  },
  round3: {
    title: 'NBC Right Now, DSHS opens round 3 of the fund (Sept. 19 – Nov. 14, 2022)',
    href: 'https://www.nbcrightnow.com/a-new-immigrant-covid-19-relief-fund-launching-in-washington/article_6828a8d4-387f-11ed-a20c-07312c457fcb.html',
    quote: 'The fund will provide at least $1,000 in cash',
  },
  round3Paid: {
    title: 'FORWARD, case study: Washington COVID Immigrant Relief Fund (round 3)',
    href: 'https://forwardplatform.com/case-study-washington-covid-immigrant-relief-fund/',
    quote: '101,678 people were paid $3,075 each ($312,659,850)',
  },
  faq: {
    title: 'Washington COVID-19 Immigrant Relief Fund, Frequently Asked Questions',
    href: 'https://www.immigrantreliefwa.org/faq',
  },
  budget2021: {
    title: 'SB 5092 (2021), 2021-23 operating budget: DSHS immigrant relief fund appropriation',
    href: 'https://app.leg.wa.gov/billsummary?BillNumber=5092&Year=2021',
  },
  povertyGuidelines: {
    title: 'ASPE, HHS Poverty Guidelines',
    href: 'https://aspe.hhs.gov/topics/poverty-economic-mobility/poverty-guidelines',
  },
} satisfies Record<string, Citation>;

const inputSchema = z
  .strictObject({
    applicationDate: dayInput.optional(),
    birthDate: dayInput.optional(),
    livesInWashington: z.boolean().optional(),
    excludedFromFederalRelief: z.boolean().optional(),
    experiencedHardship: z.boolean().optional(),
    householdAdults: z.number().int().min(1).max(50).optional(),
    householdSize: z.number().int().min(1).max(50).optional(),
    householdIncome: z.number().min(0).max(100_000_000).optional(),
  })
  .refine(
    (answers) =>
      answers.householdAdults === undefined ||
      answers.householdSize === undefined ||
      answers.householdAdults <= answers.householdSize,
    { message: 'householdAdults cannot be more than householdSize', path: ['householdAdults'] },
  );

export function parseWaReliefInput(raw: unknown, asOf: Day): InputParseResult<WaReliefFacts> {
  const parsed = parseInputWith<z.infer<typeof inputSchema>>(inputSchema, raw);
  if (!parsed.ok) return parsed;
  // Assigned in place, no object rest: this runs for every record of a simulation.
  const facts = parsed.facts as Partial<WaReliefFacts>;
  facts.applicationDate = filingDateOr(asOf, parsed.facts.applicationDate);
  return { ok: true, facts };
}

export const writableFacts: Fact<WaReliefFacts>[] = [
  {
    kind: 'writable',
    path: 'applicationDate',
    type: 'date',
    description:
      'The date the person applies; it picks the round. The evaluation date when not given.',
  },
  {
    kind: 'writable',
    path: 'birthDate',
    type: 'date',
    description: 'Date of birth, for the age rule.',
    citations: [citations.round1],
  },
  {
    kind: 'writable',
    path: 'livesInWashington',
    type: 'boolean',
    description: 'Whether the person lives in Washington State.',
    citations: [citations.round1, citations.faq],
  },
  {
    kind: 'writable',
    path: 'excludedFromFederalRelief',
    sensitive: { subject: 'immigration-status', neededBy: 'excluded-from-federal-relief' },
    type: 'boolean',
    description:
      'Whether the person could not get federal stimulus payments or unemployment insurance because of their immigration status. The only question about status the fund needs: the status itself is never asked.',
    citations: [citations.round1, citations.round2],
  },
  {
    kind: 'writable',
    path: 'experiencedHardship',
    type: 'boolean',
    description:
      'Whether the person was significantly affected by the pandemic (lost work or hours, got sick, or cared for someone who did), or by the hardship a later round names.',
    citations: [citations.round1, citations.round2Income],
  },
  {
    kind: 'writable',
    path: 'householdAdults',
    type: 'integer',
    description:
      'Adults (18 or older) in the household, the applicant included; each applies on their own.',
    citations: [citations.faq],
  },
  {
    kind: 'writable',
    path: 'householdSize',
    type: 'integer',
    description: 'People in the household, the applicant included, for the poverty guideline.',
    citations: [citations.round2Income, citations.povertyGuidelines],
  },
  {
    kind: 'writable',
    path: 'householdIncome',
    type: 'money',
    description: "The household's total income over the last 12 months, in US dollars.",
    citations: [citations.round2Income],
  },
];
