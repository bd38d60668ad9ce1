import { z } from 'zod';
import type { Citation } from '../../engine/citation.ts';
import type { Day } from '../../engine/dates.ts';
import { dayInput, filingDateOr, parseInputWith } from '../../engine/input.ts';
import type { Fact, InputParseResult, Tristate } from '../../engine/program.ts';

/** Wages paid in one calendar quarter, as an employer reports them. */
export interface QuarterWages {
  year: number;
  quarter: number;
  wages: number;
}

/** Why the weekly amount is what it is: the formula, a limit, or the person's own weekly wage. */
export type WeeklyBenefitBasis = 'formula' | 'minimum' | 'maximum' | 'ownwage';

export interface WageReplacementFacts {
  // Answers
  claimDate: Day;
  quarterlyWages: QuarterWages[];
  baseYearHours: number;
  separatedThroughNoFault: boolean;
  ableAndAvailable: boolean;
  // Derived
  proposalNotice: Tristate;
  baseYear: string[];
  baseYearWages: number;
  highQuarterAverage: number;
  formulaWeeklyBenefit: number;
  minimumWeeklyBenefit: number;
  maximumWeeklyBenefit: number;
  ownWeeklyWage: number;
  weeklyBenefit: number;
  weeklyBenefitBasis: WeeklyBenefitBasis;
  maxWeeks: number;
  maximumBenefit: number;
  waitingWeek: boolean;
  firstPayableWeek: Day;
  hoursRequired: number;
  meetsHours: Tristate;
  hasBenefit: Tristate;
}

const rcw = (cite: string) => `https://app.leg.wa.gov/RCW/default.aspx?cite=${cite}`;

export const citations = {
  sb5626: {
    title:
      'SSB 5626 (2025-26), creating a wage replacement program for certain Washington workers excluded from unemployment insurance (did not pass the 2025 fiscal cutoff)',
    href: 'https://lawfilesext.leg.wa.gov/biennium/2025-26/Htm/Bills/Senate%20Bills/5626-S.htm',
  },
  sb5626Summary: {
    title: 'SB 5626 (2025-26), BillTrack50 summary',
    href: 'https://www.billtrack50.com/billdetail/1812188',
    quote:
      'Applicants can receive weekly payments equal to their calculated unemployment benefit amount, with a maximum of 26 weeks or one-third of their base year wages. … prohibiting the administrator from soliciting immigration status information and requiring the destruction of applicant records.',
  },
  sb5109: {
    title: 'Senate Bill Report, SB 5109 (2023-24), wage replacement program (not enacted)',
    href: 'https://lawfilesext.leg.wa.gov/biennium/2023-24/Htm/Bill%20Reports/Senate/5109%20SBA%20LC%2023.htm',
  },
  sb5438: {
    title:
      'Senate Bill Report, SB 5438 (2021-22), unemployment benefits for immigrant workers program (not enacted)',
    href: 'https://lawfilesext.leg.wa.gov/Biennium/2021-22/Htm/Bill%20Reports/Senate/5438%20SBA%20LCTA%2022.htm',
  },
  baseYear: {
    title: 'RCW 50.04.020, base year',
    href: rcw('50.04.020'),
    quote: 'the first four of the last five completed calendar quarters',
  },
  benefitYear: {
    title: 'RCW 50.04.030, benefit year (680 hours in the base year)',
    href: rcw('50.04.030'),
  },
  eligibility: {
    title: 'RCW 50.20.010, benefit eligibility conditions (able, available, waiting week)',
    href: rcw('50.20.010'),
  },
  weeklyAmount: {
    title: 'RCW 50.20.120, amount of benefits',
    href: rcw('50.20.120'),
    quote:
      'three and eighty-five one-hundredths percent of the average quarterly wages of the individual’s total wages during the two quarters of the individual’s base year in which such total wages were highest',
  },
  ownWeeklyWage: {
    title: 'RCW 50.20.120(3)(c), no weekly benefit above the individual’s weekly wage',
    href: rcw('50.20.120'),
    quote:
      'an individual may not receive a weekly benefit amount that exceeds the individual’s weekly wage … the individual’s annualized total wages divided by 52',
  },
  maximumBenefit: {
    title: 'RCW 50.20.120(1), maximum benefits in a benefit year',
    href: rcw('50.20.120'),
    quote:
      'the lesser of twenty-six times the weekly benefit amount … or one-third of the individual’s base year wages',
  },
  limits2025: {
    title: 'ESD, Washington’s average wage increased to $95,160 in 2024 (claims from July 6, 2025)',
    href: 'https://esd.wa.gov/about-us/news-release/2025/washingtons-average-wage-increased-95160-2024',
  },
} satisfies Record<string, Citation>;

const quarterWages = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  quarter: z.number().int().min(1).max(4),
  wages: z.number().min(0).max(10_000_000),
});

const inputSchema = z.strictObject({
  claimDate: dayInput.optional(),
  quarterlyWages: z
    .array(quarterWages)
    .max(40)
    .refine(
      (list) => new Set(list.map((entry) => `${entry.year}-${entry.quarter}`)).size === list.length,
      'each quarter may be listed only once',
    )
    .optional(),
  baseYearHours: z.number().min(0).max(10_000).optional(),
  separatedThroughNoFault: z.boolean().optional(),
  ableAndAvailable: z.boolean().optional(),
});

export function parseWageReplacementInput(
  raw: unknown,
  asOf: Day,
): InputParseResult<WageReplacementFacts> {
  const parsed = parseInputWith<z.infer<typeof inputSchema>>(inputSchema, raw);
  if (!parsed.ok) return parsed;
  // Assigned in place, no object rest: this runs for every record of a simulation.
  const facts = parsed.facts as Partial<WageReplacementFacts>;
  facts.claimDate = filingDateOr(asOf, parsed.facts.claimDate);
  return { ok: true, facts };
}

export const writableFacts: Fact<WageReplacementFacts>[] = [
  {
    kind: 'writable',
    path: 'claimDate',
    type: 'date',
    description:
      'The effective date of the claim, which starts the payment (benefit) year and picks the base year and the weekly minimum and maximum; the evaluation date when not given.',
    citations: [citations.benefitYear],
  },
  {
    kind: 'writable',
    path: 'quarterlyWages',
    type: 'list',
    description:
      'Wages paid in each calendar quarter, as { year, quarter, wages }. Quarters not listed count as no wages.',
    citations: [citations.baseYear, citations.weeklyAmount],
  },
  {
    kind: 'writable',
    path: 'baseYearHours',
    type: 'number',
    description: 'Hours worked in the base year.',
    citations: [citations.benefitYear],
  },
  {
    kind: 'writable',
    path: 'separatedThroughNoFault',
    type: 'boolean',
    description: 'Whether the person is unemployed through no fault of their own.',
    citations: [citations.sb5626Summary, citations.sb5109],
  },
  {
    kind: 'writable',
    path: 'ableAndAvailable',
    type: 'boolean',
    description: 'Whether the person is able to work, available for work and looking for work.',
    citations: [citations.eligibility, citations.sb5109],
  },
];
