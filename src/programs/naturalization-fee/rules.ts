import type { Fact, Program } from '../../engine/program.ts';
import { unknown } from '../../engine/program.ts';
import {
  citations,
  type FeeOption,
  type NaturalizationFeeFacts,
  parseFeeInput,
  writableFacts,
} from './facts.ts';

type F = NaturalizationFeeFacts;

interface Guideline {
  base: number;
  per_person: number;
}

interface IncomeBand {
  above: number;
  at_most: number;
}

/**
 * Household income as a share of the poverty guideline is compared in whole
 * cents against whole percentages, so "exactly 150%" is never lost to
 * floating-point rounding: income × 100 ≤ 150 × guideline.
 */
function atMostPercent(income: number, guideline: number, percent: number): boolean {
  return Math.round(income * 100) <= percent * guideline;
}

const derivedFacts: Fact<F>[] = [
  {
    kind: 'derived',
    path: 'povertyGuidelineTable',
    type: 'string',
    description:
      'Which HHS poverty-guideline table applies: Alaska, Hawaii, or the 48 states and DC (which USCIS also uses for the territories).',
    citations: [citations.povertyGuidelines],
    needs: ['residenceState'],
    compute: ({ residenceState }) =>
      residenceState === 'AK'
        ? 'hhs/poverty-guidelines/alaska'
        : residenceState === 'HI'
          ? 'hhs/poverty-guidelines/hawaii'
          : 'hhs/poverty-guidelines/48-states',
  },
  {
    kind: 'derived',
    path: 'povertyGuideline',
    type: 'money',
    description:
      'The yearly poverty guideline (100%) for the household size, in force on the filing date.',
    citations: [citations.povertyGuidelines],
    needs: ['povertyGuidelineTable', 'householdSize', 'filingDate'],
    compute: ({ povertyGuidelineTable, householdSize, filingDate }, { parameters }) => {
      const table = parameters.get(povertyGuidelineTable, filingDate) as unknown as Guideline;
      return table.base + (householdSize - 1) * table.per_person;
    },
  },
  {
    kind: 'derived',
    path: 'fplPercent',
    type: 'percent',
    description: 'Household income as a percentage of the poverty guideline, to two decimals.',
    citations: [citations.povertyGuidelines],
    needs: ['householdIncome', 'povertyGuideline'],
    compute: ({ householdIncome, povertyGuideline }) =>
      Math.round((householdIncome / povertyGuideline) * 10_000) / 100,
  },
  {
    kind: 'derived',
    path: 'militaryExempt',
    type: 'tristate',
    description: 'Naturalization under the military provisions carries no fee.',
    citations: [citations.ina328, citations.ina329],
    needs: ['militaryService'],
    compute: ({ militaryService }) => militaryService,
  },
  {
    kind: 'derived',
    path: 'waiverEligible',
    type: 'tristate',
    description:
      'A full fee waiver (Form I-912) may be granted when a household member receives a means-tested benefit or household income is at or below the waiver limit (150% of the guidelines).',
    citations: [citations.i912, citations.cfr106_3],
    needs: ['receivesMeansTestedBenefit', 'filingDate'],
    optional: ['householdIncome', 'povertyGuideline'],
    compute: (
      { receivesMeansTestedBenefit, householdIncome, povertyGuideline, filingDate },
      { parameters },
    ) => {
      if (receivesMeansTestedBenefit) return true;
      if (householdIncome === undefined || povertyGuideline === undefined) return unknown;
      const limit = parameters.number('uscis/fees/fee-waiver-income-limit', filingDate);
      return atMostPercent(householdIncome, povertyGuideline, limit);
    },
  },
  {
    kind: 'derived',
    path: 'reducedFeeEligible',
    type: 'tristate',
    description:
      'The reduced fee applies to household income above the lower bound and at most the upper bound of the reduced-fee band.',
    citations: [citations.cfr106_2, citations.reducedFee, citations.feeRule2016],
    needs: ['householdIncome', 'povertyGuideline', 'filingDate'],
    compute: ({ householdIncome, povertyGuideline, filingDate }, { parameters }) => {
      const band = parameters.get(
        'uscis/fees/n400-reduced-income-band',
        filingDate,
      ) as unknown as IncomeBand;
      return (
        !atMostPercent(householdIncome, povertyGuideline, band.above) &&
        atMostPercent(householdIncome, povertyGuideline, band.at_most)
      );
    },
  },
  {
    kind: 'derived',
    path: 'fullFee',
    type: 'object',
    description: 'The standard N-400 fee on paper and online, biometrics included.',
    citations: [citations.cfr106_2, citations.feeRule2024, citations.feeRule2016],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) => {
      const biometrics = parameters.number('uscis/fees/n400-biometrics', filingDate);
      return {
        paper: parameters.number('uscis/fees/n400-paper', filingDate) + biometrics,
        online: parameters.number('uscis/fees/n400-online', filingDate) + biometrics,
      };
    },
  },
  {
    kind: 'derived',
    path: 'reducedFee',
    type: 'money',
    description: 'The reduced N-400 fee, biometrics included.',
    citations: [citations.cfr106_2, citations.feeRule2016],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number('uscis/fees/n400-reduced', filingDate) +
      parameters.number('uscis/fees/n400-biometrics', filingDate),
  },
  {
    kind: 'derived',
    path: 'option',
    type: 'string',
    description: 'The lowest-cost way to pay: exempt (military), waiver, reduced, or the full fee.',
    citations: [citations.ina328, citations.i912, citations.cfr106_2],
    needs: ['militaryExempt'],
    optional: ['waiverEligible', 'reducedFeeEligible'],
    compute: ({
      militaryExempt,
      waiverEligible,
      reducedFeeEligible,
    }): FeeOption | typeof unknown => {
      if (militaryExempt) return 'exempt';
      if (waiverEligible === true) return 'waiver';
      if (waiverEligible === undefined) return unknown;
      if (reducedFeeEligible === true) return 'reduced';
      if (reducedFeeEligible === undefined) return unknown;
      return 'full';
    },
  },
  {
    kind: 'derived',
    path: 'fee',
    type: 'money',
    description: 'The lowest fee this person can pay, in US dollars.',
    citations: [citations.cfr106_2],
    needs: ['option', 'fullFee', 'reducedFee'],
    compute: ({ option, fullFee, reducedFee }) =>
      option === 'exempt' || option === 'waiver'
        ? 0
        : option === 'reduced'
          ? reducedFee
          : Math.min(fullFee.paper, fullFee.online),
  },
  {
    kind: 'derived',
    path: 'filingMethod',
    type: 'string',
    description:
      'How the N-400 must be filed to get that fee: a waiver or reduced fee requires paper; the full fee is lowest online when online is cheaper.',
    citations: [citations.reducedFee, citations.i912],
    needs: ['option', 'fullFee'],
    compute: ({ option, fullFee }) =>
      option === 'waiver' || option === 'reduced'
        ? 'paper'
        : option === 'exempt' || fullFee.online < fullFee.paper
          ? 'online'
          : 'paper',
  },
  {
    kind: 'derived',
    path: 'qualifiesForLowerFee',
    type: 'tristate',
    description: 'Whether the person pays less than the full fee: exempt, waived or reduced.',
    citations: [citations.cfr106_2, citations.cfr106_3],
    needs: ['option'],
    compute: ({ option }) => option !== 'full',
  },
];

/**
 * `naturalization-fee`: what a person pays to file Form N-400, and how. The
 * outcome answers "does this person qualify for a lower fee (exemption,
 * waiver or reduced fee)?"; `values.fee` is the lowest fee they can pay.
 */
export const naturalizationFee: Program<F> = {
  id: 'naturalization-fee',
  kind: 'law',
  title: 'naturalization-fee.title',
  citations: [citations.cfr106_2, citations.cfr106_3],
  facts: [...writableFacts, ...derivedFacts],
  criteria: [
    {
      rule: 'military-exemption',
      fact: 'militaryExempt',
      citations: [citations.ina328, citations.ina329],
      message: 'naturalization-fee.militaryExempt',
      informational: true,
    },
    {
      rule: 'fee-waiver',
      fact: 'waiverEligible',
      citations: [citations.i912, citations.cfr106_3],
      message: 'naturalization-fee.waiverEligible',
      messageValues: ['fplPercent'],
      informational: true,
    },
    {
      rule: 'reduced-fee',
      fact: 'reducedFeeEligible',
      citations: [citations.cfr106_2, citations.reducedFee],
      message: 'naturalization-fee.reducedFeeEligible',
      messageValues: ['fplPercent', 'reducedFee'],
      informational: true,
    },
    {
      rule: 'lower-fee',
      fact: 'qualifiesForLowerFee',
      citations: [citations.cfr106_2],
      message: 'naturalization-fee.qualifiesForLowerFee',
      messageValues: ['fee', 'filingMethod'],
    },
  ],
  outputs: ['fee', 'option', 'filingMethod', 'fplPercent'],
  parseInput: parseFeeInput,
};
