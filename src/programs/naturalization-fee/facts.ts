import { z } from 'zod';
import type { Citation } from '../../engine/citation.ts';
import type { Day } from '../../engine/dates.ts';
import { dayInput, filingDateOr, parseInputWith } from '../../engine/input.ts';
import type { Fact, InputParseResult, Tristate } from '../../engine/program.ts';

export type FeeOption = 'full' | 'reduced' | 'waiver' | 'exempt';
export type FilingMethod = 'online' | 'paper';

export interface NaturalizationFeeFacts {
  // Answers
  filingDate: Day;
  householdSize: number;
  householdIncome: number;
  residenceState: string;
  receivesMeansTestedBenefit: boolean;
  militaryService: boolean;
  // Derived
  povertyGuidelineTable: string;
  povertyGuideline: number;
  fplPercent: number;
  militaryExempt: Tristate;
  waiverEligible: Tristate;
  reducedFeeEligible: Tristate;
  fullFee: { paper: number; online: number };
  reducedFee: number;
  option: FeeOption;
  fee: number;
  filingMethod: FilingMethod;
  qualifiesForLowerFee: Tristate;
}

export const citations = {
  feeRule2024: {
    title: 'USCIS fee rule, 89 FR 6194 (Jan. 31, 2024), effective Apr. 1, 2024',
    href: 'https://www.federalregister.gov/d/2024-01427',
  },
  feeRule2016: {
    title: 'USCIS fee rule, 81 FR 73292 (Oct. 24, 2016), effective Dec. 23, 2016',
    href: 'https://www.federalregister.gov/d/2016-25328',
  },
  cfr106_2: {
    title: '8 CFR 106.2(b)(3), Form N-400 fees',
    href: 'https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-106/section-106.2',
  },
  cfr106_3: {
    title: '8 CFR 106.3, Fee waivers and exemptions',
    href: 'https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-106/section-106.3',
  },
  i912: { title: 'USCIS, Form I-912, Request for Fee Waiver', href: 'https://www.uscis.gov/i-912' },
  reducedFee: {
    title: 'USCIS, Additional Information on Filing a Reduced Fee Request',
    href: 'https://www.uscis.gov/forms/filing-fees/additional-information-on-filing-a-reduced-fee-request',
    quote: 'You must file your Form N-400 on paper if you are requesting a reduced fee.',
  },
  ina328: {
    title: 'INA § 328(b)(4), 8 U.S.C. 1439(b)(4)',
    href: 'https://www.law.cornell.edu/uscode/text/8/1439',
    quote: 'no fee shall be charged or collected from the applicant for filing the application',
  },
  ina329: {
    title: 'INA § 329(b)(4), 8 U.S.C. 1440(b)(4)',
    href: 'https://www.law.cornell.edu/uscode/text/8/1440',
  },
  povertyGuidelines: {
    title: 'ASPE, HHS Poverty Guidelines',
    href: 'https://aspe.hhs.gov/topics/poverty-economic-mobility/poverty-guidelines',
  },
} satisfies Record<string, Citation>;

/** States, the District of Columbia and the territories, by USPS code. */
const usJurisdictions = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM ' +
    'NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU MP AS'
  ).split(' '),
);

export const feeInputSchema = z.strictObject({
  filingDate: dayInput.optional(),
  householdSize: z.number().int().min(1).max(50).optional(),
  householdIncome: z.number().min(0).max(100_000_000).optional(),
  residenceState: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .refine(
      (value) => usJurisdictions.has(value),
      'must be a two-letter US state or territory code',
    )
    .optional(),
  receivesMeansTestedBenefit: z.boolean().optional(),
  militaryService: z.boolean().optional(),
});

export function parseFeeInput(raw: unknown, asOf: Day): InputParseResult<NaturalizationFeeFacts> {
  const parsed = parseInputWith<z.infer<typeof feeInputSchema>>(feeInputSchema, raw);
  if (!parsed.ok) return parsed;
  const facts = parsed.facts as Partial<NaturalizationFeeFacts>;
  facts.filingDate = filingDateOr(asOf, parsed.facts.filingDate);
  // Optional in the contract: no answer means no military service.
  facts.militaryService = parsed.facts.militaryService ?? false;
  return { ok: true, facts };
}

export const writableFacts: Fact<NaturalizationFeeFacts>[] = [
  {
    kind: 'writable',
    path: 'filingDate',
    type: 'date',
    description: 'The date the N-400 is filed (postmarked or submitted online).',
  },
  {
    kind: 'writable',
    path: 'householdSize',
    type: 'integer',
    description:
      'People in the household, the applicant included, as Form I-912 and N-400 Part 10 count them.',
  },
  {
    kind: 'writable',
    path: 'householdIncome',
    type: 'money',
    description: 'Total yearly household income in US dollars.',
  },
  {
    kind: 'writable',
    path: 'residenceState',
    type: 'string',
    description:
      'Two-letter code of the state or territory the household lives in (selects the poverty-guideline table).',
  },
  {
    kind: 'writable',
    path: 'receivesMeansTestedBenefit',
    type: 'boolean',
    description: 'Whether a member of the household receives a means-tested benefit.',
    citations: [citations.i912],
  },
  {
    kind: 'writable',
    path: 'militaryService',
    type: 'boolean',
    description: 'Whether the applicant files under the military provisions (INA 328 or 329).',
    citations: [citations.ina328, citations.ina329],
  },
];
