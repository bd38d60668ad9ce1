import { addDays, type Day, toDate } from '../../engine/dates.ts';
import { type ParameterSet, parameterNamespace } from '../../engine/parameters.ts';
import type { Fact, Program } from '../../engine/program.ts';
import {
  citations,
  parseWageReplacementInput,
  type QuarterWages,
  type WageReplacementFacts,
  type WeeklyBenefitBasis,
  writableFacts,
} from './facts.ts';

type F = WageReplacementFacts;

const ui = parameterNamespace('wa-esd/unemployment-insurance/');

interface BaseYearDefinition {
  quarters: number;
  skip_latest: number;
}

interface Formula {
  percent_of_high_quarter_average: number;
  high_quarters: number;
  own_weekly_wage_weeks: number;
}

interface Duration {
  max_weeks: number;
  base_year_wages_divisor: number;
}

/** A calendar quarter as a single number: year × 4 + (quarter − 1). */
function quarterIndex(year: number, quarter: number): number {
  return year * 4 + (quarter - 1);
}

function quarterLabel(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

function quarterIndexOfDay(day: Day): number {
  const date = toDate(day);
  return quarterIndex(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
}

function formula(parameters: ParameterSet, day: Day): Formula {
  return parameters.get(ui('weekly-benefit-formula'), day) as unknown as Formula;
}

function limits(parameters: ParameterSet, day: Day): { minimum: number; maximum: number } {
  return parameters.get(ui('weekly-benefit-limits'), day) as unknown as {
    minimum: number;
    maximum: number;
  };
}

/**
 * Base-year wages by quarter, in whole cents so that sums, averages and
 * percentages round the way the statute says and never by floating point.
 */
function baseYearCents(baseYear: readonly string[], wages: readonly QuarterWages[]): number[] {
  return baseYear.map((label) => {
    const entry = wages.find((w) => `${w.year}-Q${w.quarter}` === label);
    return entry ? Math.round(entry.wages * 100) : 0;
  });
}

function highQuartersCents(
  baseYear: readonly string[],
  wages: readonly QuarterWages[],
  count: number,
): number {
  return baseYearCents(baseYear, wages)
    .sort((a, b) => b - a)
    .slice(0, count)
    .reduce((sum, cents) => sum + cents, 0);
}

const derivedFacts: Fact<F>[] = [
  {
    kind: 'derived',
    path: 'proposalNotice',
    type: 'tristate',
    description:
      'Always true: the wage-replacement program is a proposal (SB 5438, SB 5109, SB 5626) that had not become law when these rules were checked.',
    citations: [citations.sb5626, citations.sb5109, citations.sb5438],
    needs: [],
    compute: () => true,
  },
  {
    kind: 'derived',
    path: 'baseYear',
    type: 'list',
    description:
      'The base-year quarters ("YYYY-Qn"): the first four of the last five calendar quarters completed before the claim date.',
    citations: [citations.baseYear],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) => {
      const definition = parameters.get(
        ui('base-year'),
        claimDate,
      ) as unknown as BaseYearDefinition;
      const lastCompleted = quarterIndexOfDay(claimDate) - 1;
      const first = lastCompleted - definition.skip_latest - definition.quarters + 1;
      return Array.from({ length: definition.quarters }, (_, i) => quarterLabel(first + i));
    },
  },
  {
    kind: 'derived',
    path: 'baseYearWages',
    type: 'money',
    description: 'Total wages paid in the base-year quarters.',
    citations: [citations.baseYear, citations.maximumBenefit],
    needs: ['baseYear', 'quarterlyWages'],
    compute: ({ baseYear, quarterlyWages }) =>
      baseYearCents(baseYear, quarterlyWages).reduce((sum, cents) => sum + cents, 0) / 100,
  },
  {
    kind: 'derived',
    path: 'highQuarterAverage',
    type: 'money',
    description: 'The average wages of the two best-paid base-year quarters.',
    citations: [citations.weeklyAmount],
    needs: ['baseYear', 'quarterlyWages', 'claimDate'],
    compute: ({ baseYear, quarterlyWages, claimDate }, { parameters }) => {
      const { high_quarters } = formula(parameters, claimDate);
      return highQuartersCents(baseYear, quarterlyWages, high_quarters) / high_quarters / 100;
    },
  },
  {
    kind: 'derived',
    path: 'formulaWeeklyBenefit',
    type: 'money',
    description:
      '3.85% of the average of the two best-paid base-year quarters, rounded down to the dollar, before the minimum, maximum and own-wage limits.',
    citations: [citations.weeklyAmount],
    needs: ['highQuarterAverage', 'claimDate'],
    compute: ({ highQuarterAverage, claimDate }, { parameters }) => {
      const { percent_of_high_quarter_average: percent, high_quarters } = formula(
        parameters,
        claimDate,
      );
      // Percent in basis points times the quarters' total in cents, all integers:
      // 3.85% of an average of $12,500.00 is exactly $481.25.
      const basisPoints = Math.round(percent * 100);
      const cents = Math.round(highQuarterAverage * 100 * high_quarters);
      return Math.floor((cents * basisPoints) / (high_quarters * 10_000 * 100));
    },
  },
  {
    kind: 'derived',
    path: 'minimumWeeklyBenefit',
    type: 'money',
    description:
      'The lowest weekly amount for claims from the claim date: 20% of the state average weekly wage.',
    citations: [citations.weeklyAmount, citations.limits2025],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) => limits(parameters, claimDate).minimum,
  },
  {
    kind: 'derived',
    path: 'maximumWeeklyBenefit',
    type: 'money',
    description:
      'The highest weekly amount for claims from the claim date: 63% of the state average weekly wage.',
    citations: [citations.weeklyAmount, citations.limits2025],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) => limits(parameters, claimDate).maximum,
  },
  {
    kind: 'derived',
    path: 'ownWeeklyWage',
    type: 'money',
    description:
      'The person\'s own weekly wage: base-year wages divided by 52, rounded down (Belong\'s reading of "annualized total wages").',
    citations: [citations.ownWeeklyWage],
    needs: ['baseYear', 'quarterlyWages', 'claimDate'],
    compute: ({ baseYear, quarterlyWages, claimDate }, { parameters }) => {
      const { own_weekly_wage_weeks: weeks } = formula(parameters, claimDate);
      const cents = baseYearCents(baseYear, quarterlyWages).reduce((sum, c) => sum + c, 0);
      return Math.floor(cents / (weeks * 100));
    },
  },
  {
    kind: 'derived',
    path: 'weeklyBenefit',
    type: 'money',
    description:
      'The weekly payment, equal to the unemployment-insurance weekly benefit amount: the formula amount, raised to the minimum or lowered to the maximum, and never more than the own weekly wage.',
    citations: [citations.weeklyAmount, citations.ownWeeklyWage, citations.sb5626Summary],
    needs: [
      'formulaWeeklyBenefit',
      'minimumWeeklyBenefit',
      'maximumWeeklyBenefit',
      'ownWeeklyWage',
    ],
    compute: ({
      formulaWeeklyBenefit,
      minimumWeeklyBenefit,
      maximumWeeklyBenefit,
      ownWeeklyWage,
    }) =>
      Math.min(
        Math.max(Math.min(formulaWeeklyBenefit, maximumWeeklyBenefit), minimumWeeklyBenefit),
        ownWeeklyWage,
      ),
  },
  {
    kind: 'derived',
    path: 'weeklyBenefitBasis',
    type: 'string',
    description:
      'What set the weekly amount: "formula", "minimum", "maximum", or "ownwage" (capped at the own weekly wage).',
    citations: [citations.weeklyAmount, citations.ownWeeklyWage],
    needs: [
      'weeklyBenefit',
      'formulaWeeklyBenefit',
      'minimumWeeklyBenefit',
      'maximumWeeklyBenefit',
      'ownWeeklyWage',
    ],
    compute: ({
      weeklyBenefit,
      formulaWeeklyBenefit,
      minimumWeeklyBenefit,
      maximumWeeklyBenefit,
      ownWeeklyWage,
    }): WeeklyBenefitBasis => {
      const limited = Math.max(
        Math.min(formulaWeeklyBenefit, maximumWeeklyBenefit),
        minimumWeeklyBenefit,
      );
      if (weeklyBenefit === ownWeeklyWage && ownWeeklyWage < limited) return 'ownwage';
      if (formulaWeeklyBenefit < minimumWeeklyBenefit) return 'minimum';
      if (formulaWeeklyBenefit > maximumWeeklyBenefit) return 'maximum';
      return 'formula';
    },
  },
  {
    kind: 'derived',
    path: 'maxWeeks',
    type: 'integer',
    description: 'The most weeks that can be paid in a payment year: 26.',
    citations: [citations.maximumBenefit, citations.sb5626Summary],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) =>
      (parameters.get(ui('benefit-duration'), claimDate) as unknown as Duration).max_weeks,
  },
  {
    kind: 'derived',
    path: 'maximumBenefit',
    type: 'money',
    description:
      'The most that can be paid in the payment year: the lesser of 26 times the weekly amount or one third of base-year wages, rounded down to the dollar.',
    citations: [citations.maximumBenefit, citations.sb5626Summary],
    needs: ['weeklyBenefit', 'maxWeeks', 'baseYear', 'quarterlyWages', 'claimDate'],
    compute: ({ weeklyBenefit, maxWeeks, baseYear, quarterlyWages, claimDate }, { parameters }) => {
      const { base_year_wages_divisor: divisor } = parameters.get(
        ui('benefit-duration'),
        claimDate,
      ) as unknown as Duration;
      const cents = baseYearCents(baseYear, quarterlyWages).reduce((sum, c) => sum + c, 0);
      return Math.min(maxWeeks * weeklyBenefit, Math.floor(cents / (divisor * 100)));
    },
  },
  {
    kind: 'derived',
    path: 'waitingWeek',
    type: 'boolean',
    description: 'Whether the first week of the payment year is an unpaid waiting week.',
    citations: [citations.eligibility],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) =>
      parameters.number(ui('waiting-weeks'), claimDate) > 0,
  },
  {
    kind: 'derived',
    path: 'firstPayableWeek',
    type: 'date',
    description:
      'The first day of the first week that can be paid: the claim date plus the unpaid waiting week.',
    citations: [citations.eligibility],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) =>
      addDays(claimDate, 7 * parameters.number(ui('waiting-weeks'), claimDate)),
  },
  {
    kind: 'derived',
    path: 'hoursRequired',
    type: 'integer',
    description: 'Hours of work needed in the base year: 680.',
    citations: [citations.benefitYear, citations.sb5626Summary],
    needs: ['claimDate'],
    compute: ({ claimDate }, { parameters }) => parameters.number(ui('base-year-hours'), claimDate),
  },
  {
    kind: 'derived',
    path: 'meetsHours',
    type: 'tristate',
    description: 'At least 680 hours of work in the base year.',
    citations: [citations.benefitYear, citations.sb5626Summary],
    needs: ['baseYearHours', 'hoursRequired'],
    compute: ({ baseYearHours, hoursRequired }) => baseYearHours >= hoursRequired,
  },
  {
    kind: 'derived',
    path: 'hasBenefit',
    type: 'tristate',
    description: 'Whether the base-year wages give a weekly payment above zero.',
    citations: [citations.weeklyAmount],
    needs: ['weeklyBenefit'],
    compute: ({ weeklyBenefit }) => weeklyBenefit > 0,
  },
];

/**
 * `wage-replacement`: the weekly wage replacement that Washington's bills
 * (SB 5438 in 2021-22, SB 5109 in 2023-24, SB 5626 in 2025-26) proposed for
 * workers shut out of unemployment insurance because of immigration status,
 * computed like Washington unemployment insurance (RCW 50.20.120). It asks
 * nothing about immigration status: applying is the statement that
 * unemployment insurance is closed to the person.
 */
export const wageReplacement: Program<F> = {
  id: 'wage-replacement',
  kind: 'proposal',
  title: 'wage-replacement.title',
  citations: [citations.sb5626, citations.sb5626Summary, citations.weeklyAmount],
  facts: [...writableFacts, ...derivedFacts],
  criteria: [
    {
      rule: 'proposal-notice',
      fact: 'proposalNotice',
      citations: [citations.sb5626, citations.sb5109, citations.sb5438],
      message: 'wage-replacement.proposalNotice',
      informational: true,
    },
    {
      rule: 'base-year-hours',
      fact: 'meetsHours',
      citations: [citations.benefitYear, citations.sb5626Summary],
      message: 'wage-replacement.meetsHours',
      messageValues: ['hoursRequired', 'baseYearHours'],
    },
    {
      rule: 'no-fault-separation',
      fact: 'separatedThroughNoFault',
      citations: [citations.sb5626Summary, citations.sb5109],
      message: 'wage-replacement.separatedThroughNoFault',
    },
    {
      rule: 'able-and-available',
      fact: 'ableAndAvailable',
      citations: [citations.eligibility, citations.sb5109],
      message: 'wage-replacement.ableAndAvailable',
    },
    {
      rule: 'weekly-benefit',
      fact: 'hasBenefit',
      citations: [citations.weeklyAmount, citations.maximumBenefit, citations.eligibility],
      message: 'wage-replacement.hasBenefit',
      messageValues: [
        'weeklyBenefit',
        'weeklyBenefitBasis',
        'maxWeeks',
        'maximumBenefit',
        'firstPayableWeek',
      ],
    },
  ],
  outputs: [
    'baseYear',
    'baseYearWages',
    'highQuarterAverage',
    'weeklyBenefit',
    'weeklyBenefitBasis',
    'maxWeeks',
    'maximumBenefit',
    'waitingWeek',
    'firstPayableWeek',
  ],
  parseInput: parseWageReplacementInput,
};
