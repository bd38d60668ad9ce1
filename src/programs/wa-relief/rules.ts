import { parseDay, wholeYearsBetween } from '../../engine/dates.ts';
import { parameterNamespace } from '../../engine/parameters.ts';
import type { Fact, Program } from '../../engine/program.ts';
import { unknown } from '../../engine/program.ts';
import {
  type AllocationMethod,
  type Award,
  citations,
  parseWaReliefInput,
  type WaReliefFacts,
  writableFacts,
} from './facts.ts';

type F = WaReliefFacts;

const fund = parameterNamespace('wa-dshs/immigrant-relief-fund/');
/** Washington uses the HHS table for the 48 contiguous states and DC. */
const povertyTable = 'hhs/poverty-guidelines/48-states';

interface Window {
  round: number | null;
  last_day?: string;
}

interface Guideline {
  base: number;
  per_person: number;
}

/**
 * Income as a share of the poverty guideline is compared in whole cents
 * against whole percentages, so "exactly 250%" is never lost to rounding.
 */
function atMostPercent(income: number, guideline: number, percent: number): boolean {
  return Math.round(income * 100) <= percent * guideline;
}

const derivedFacts: Fact<F>[] = [
  {
    kind: 'derived',
    path: 'round',
    type: 'integer',
    description: 'The round of the fund open on the application date, or null when none is.',
    citations: [citations.round1, citations.round2, citations.round3],
    needs: ['applicationDate'],
    compute: ({ applicationDate }, { parameters }) =>
      (parameters.get(fund('application-window'), applicationDate) as unknown as Window).round,
  },
  {
    kind: 'derived',
    path: 'roundOpen',
    type: 'tristate',
    description: 'Whether a round takes applications on the application date.',
    citations: [citations.round1, citations.round2, citations.round3],
    needs: ['round'],
    compute: ({ round }) => round !== null,
  },
  {
    kind: 'derived',
    path: 'lastDayToApply',
    type: 'date',
    description: 'The last day of the open round’s application window.',
    citations: [citations.round1, citations.round2, citations.round3],
    needs: ['applicationDate'],
    compute: ({ applicationDate }, { parameters }) => {
      const window = parameters.get(
        fund('application-window'),
        applicationDate,
      ) as unknown as Window;
      return window.last_day === undefined ? null : (parseDay(window.last_day) ?? null);
    },
  },
  {
    kind: 'derived',
    path: 'minimumAge',
    type: 'integer',
    description: 'The youngest age at which a person may apply: 18.',
    citations: [citations.round1, citations.round2Income],
    needs: ['applicationDate'],
    compute: ({ applicationDate }, { parameters }) =>
      parameters.number(fund('minimum-age'), applicationDate),
  },
  {
    kind: 'derived',
    path: 'age',
    type: 'integer',
    description: 'Age in whole years on the application date.',
    citations: [citations.round1],
    needs: ['birthDate', 'applicationDate'],
    compute: ({ birthDate, applicationDate }) => wholeYearsBetween(birthDate, applicationDate),
  },
  {
    kind: 'derived',
    path: 'isAdult',
    type: 'tristate',
    description: 'At least the minimum age on the application date.',
    citations: [citations.round1, citations.round2Income],
    needs: ['age', 'minimumAge'],
    compute: ({ age, minimumAge }) => age >= minimumAge,
  },
  {
    kind: 'derived',
    path: 'award',
    type: 'object',
    description:
      'The open round’s award terms (fixed amount or equal split of a budget, household cap), or null when no round is open.',
    citations: [citations.round1, citations.round2, citations.round3Paid],
    needs: ['round', 'applicationDate'],
    compute: ({ round, applicationDate }, { parameters }) =>
      round === null ? null : (parameters.get(fund('award'), applicationDate) as unknown as Award),
  },
  {
    kind: 'derived',
    path: 'allocationMethod',
    type: 'string',
    description:
      'How the open round shares its money: "fixed" (a set amount per adult) or "equal-split" (the budget divided equally among everyone eligible).',
    citations: [citations.round1, citations.round3Paid],
    needs: ['award'],
    compute: ({ award }): AllocationMethod | null => award?.method ?? null,
  },
  {
    kind: 'derived',
    path: 'fixedAmount',
    type: 'tristate',
    description:
      'Whether the open round pays a fixed amount (true) or splits its budget equally, so the amount depends on how many people apply (false).',
    citations: [citations.round1, citations.round3, citations.round3Paid],
    needs: ['allocationMethod'],
    compute: ({ allocationMethod }) =>
      allocationMethod === null ? null : allocationMethod === 'fixed',
  },
  {
    kind: 'derived',
    path: 'amountPerAdult',
    type: 'money',
    description:
      'What each eligible adult gets: the fixed amount, or the budget divided by the number of eligible applicants, rounded down to the dollar.',
    citations: [citations.round1, citations.round2, citations.round3Paid],
    needs: ['award'],
    compute: ({ award }) => {
      if (award === null) return null;
      if (award.method === 'fixed') return award.amount_per_adult ?? null;
      if (award.budget === undefined || !award.eligible_applicants) return null;
      return Math.floor(award.budget / award.eligible_applicants);
    },
  },
  {
    kind: 'derived',
    path: 'roundBudget',
    type: 'money',
    description: 'The money an equal-split round shares out; null for a fixed-amount round.',
    citations: [citations.round3Paid, citations.budget2021],
    needs: ['award'],
    compute: ({ award }) => (award?.method === 'equal-split' ? (award.budget ?? null) : null),
  },
  {
    kind: 'derived',
    path: 'roundEligibleApplicants',
    type: 'integer',
    description:
      'The number of eligible applicants an equal-split round shares its budget among; null for a fixed-amount round.',
    citations: [citations.round3Paid],
    needs: ['award'],
    compute: ({ award }) =>
      award?.method === 'equal-split' ? (award.eligible_applicants ?? null) : null,
  },
  {
    kind: 'derived',
    path: 'minimumPerAdult',
    type: 'money',
    description: 'The least an equal-split round promised each adult; null for a fixed round.',
    citations: [citations.round3],
    needs: ['award'],
    compute: ({ award }) =>
      award?.method === 'equal-split' ? (award.minimum_per_adult ?? null) : null,
  },
  {
    kind: 'derived',
    path: 'householdAmount',
    type: 'money',
    description:
      'What the household gets if every adult in it applies and qualifies: adults × the amount per adult, at most the household cap.',
    citations: [citations.round1, citations.faq],
    needs: ['award', 'amountPerAdult', 'householdAdults'],
    compute: ({ award, amountPerAdult, householdAdults }) => {
      if (award === null || amountPerAdult === null) return null;
      const total = householdAdults * amountPerAdult;
      return award.household_max === null ? total : Math.min(total, award.household_max);
    },
  },
  {
    kind: 'derived',
    path: 'householdCapped',
    type: 'tristate',
    description: 'Whether the household cap lowers what the household gets.',
    citations: [citations.round1, citations.faq],
    needs: ['award', 'amountPerAdult', 'householdAdults'],
    compute: ({ award, amountPerAdult, householdAdults }) => {
      if (award === null || amountPerAdult === null) return null;
      return award.household_max !== null && householdAdults * amountPerAdult > award.household_max;
    },
  },
  {
    kind: 'derived',
    path: 'incomeLimitPercent',
    type: 'percent',
    description:
      'The open round’s income limit as a percentage of the poverty guidelines; null when it has none or no round is open.',
    citations: [citations.round2Income],
    needs: ['round', 'applicationDate'],
    compute: ({ round, applicationDate }, { parameters }) => {
      if (round === null) return null;
      const limit = parameters.get(fund('income-limit'), applicationDate) as unknown as {
        percent_of_poverty_guidelines: number | null;
      };
      return limit.percent_of_poverty_guidelines;
    },
  },
  {
    kind: 'derived',
    path: 'hasIncomeLimit',
    type: 'tristate',
    description:
      'Whether the open round has an income limit (rounds 2 and 3 did, round 1 did not); null when no round is open.',
    citations: [citations.round1, citations.round2Income],
    needs: ['round', 'incomeLimitPercent'],
    compute: ({ round, incomeLimitPercent }) =>
      round === null ? null : incomeLimitPercent !== null,
  },
  {
    kind: 'derived',
    path: 'povertyGuideline',
    type: 'money',
    description:
      'The yearly HHS poverty guideline (100%) for the household size, in force on the application date.',
    citations: [citations.povertyGuidelines],
    needs: ['householdSize', 'applicationDate'],
    compute: ({ householdSize, applicationDate }, { parameters }) => {
      const table = parameters.get(povertyTable, applicationDate) as unknown as Guideline;
      return table.base + (householdSize - 1) * table.per_person;
    },
  },
  {
    kind: 'derived',
    path: 'fplPercent',
    type: 'percent',
    description:
      'Household income as a percentage of the poverty guideline, to two decimals; null when no open round has an income limit (income is then not asked).',
    citations: [citations.round2Income, citations.povertyGuidelines],
    needs: ['hasIncomeLimit'],
    optional: ['householdIncome', 'povertyGuideline'],
    compute: ({ hasIncomeLimit, householdIncome, povertyGuideline }) => {
      if (hasIncomeLimit !== true) return null;
      if (householdIncome === undefined || povertyGuideline === undefined) return unknown;
      return Math.round((householdIncome / povertyGuideline) * 10_000) / 100;
    },
  },
  {
    kind: 'derived',
    path: 'meetsIncomeLimit',
    type: 'tristate',
    description:
      'Household income at or below the round’s limit; always met in a round with no income limit; not decided when no round is open.',
    citations: [citations.round2Income, citations.povertyGuidelines],
    needs: ['hasIncomeLimit', 'incomeLimitPercent'],
    optional: ['householdIncome', 'povertyGuideline'],
    compute: ({ hasIncomeLimit, incomeLimitPercent, householdIncome, povertyGuideline }) => {
      if (hasIncomeLimit === null) return null;
      if (!hasIncomeLimit || incomeLimitPercent === null) return true;
      if (householdIncome === undefined || povertyGuideline === undefined) return unknown;
      return atMostPercent(householdIncome, povertyGuideline, incomeLimitPercent);
    },
  },
];

/**
 * `wa-relief`: a relief fund for adults in Washington shut out of federal
 * stimulus and unemployment insurance because of immigration status,
 * parameterised on the Washington COVID-19 Immigrant Relief Fund (rounds
 * 2020, 2021 and 2022). The application date picks the round; the outcome
 * says whether the person qualifies for it, and the values what it pays.
 */
export const waRelief: Program<F> = {
  id: 'wa-relief',
  kind: 'local-program',
  title: 'wa-relief.title',
  citations: [citations.round1, citations.round2, citations.round3, citations.faq],
  facts: [...writableFacts, ...derivedFacts],
  criteria: [
    {
      rule: 'application-window',
      fact: 'roundOpen',
      citations: [citations.round1, citations.round2, citations.round3],
      message: 'wa-relief.roundOpen',
      messageValues: ['round', 'lastDayToApply'],
    },
    {
      rule: 'adult',
      fact: 'isAdult',
      citations: [citations.round1, citations.round2Income],
      message: 'wa-relief.isAdult',
      messageValues: ['minimumAge'],
    },
    {
      rule: 'lives-in-washington',
      fact: 'livesInWashington',
      citations: [citations.round1, citations.faq],
      message: 'wa-relief.livesInWashington',
    },
    {
      rule: 'excluded-from-federal-relief',
      fact: 'excludedFromFederalRelief',
      citations: [citations.round1, citations.round2],
      message: 'wa-relief.excludedFromFederalRelief',
    },
    {
      rule: 'hardship',
      fact: 'experiencedHardship',
      citations: [citations.round1, citations.round2Income],
      message: 'wa-relief.experiencedHardship',
    },
    {
      rule: 'income-limit',
      fact: 'meetsIncomeLimit',
      citations: [citations.round2Income, citations.povertyGuidelines],
      message: 'wa-relief.meetsIncomeLimit',
      messageValues: ['hasIncomeLimit', 'fplPercent', 'incomeLimitPercent'],
    },
    {
      rule: 'allocation',
      fact: 'fixedAmount',
      citations: [citations.round1, citations.round3, citations.round3Paid],
      message: 'wa-relief.fixedAmount',
      messageValues: [
        'amountPerAdult',
        'roundBudget',
        'roundEligibleApplicants',
        'minimumPerAdult',
      ],
      informational: true,
    },
    {
      rule: 'household-amount',
      fact: 'householdCapped',
      citations: [citations.round1, citations.faq],
      message: 'wa-relief.householdCapped',
      messageValues: ['householdAdults', 'householdAmount'],
      informational: true,
    },
  ],
  outputs: ['round', 'allocationMethod', 'amountPerAdult', 'householdAmount', 'fplPercent'],
  parseInput: parseWaReliefInput,
};
