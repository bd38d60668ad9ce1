import { addYears, type Day, parseDay, wholeYearsBetween } from '../../engine/dates.ts';
import { type ParameterSet, parameterNamespace } from '../../engine/parameters.ts';
import type { Fact, Program } from '../../engine/program.ts';
import { unknown } from '../../engine/program.ts';
import {
  citations,
  parseUsCitizenshipActInput,
  type Track,
  type UsCitizenshipAct2021Facts,
  writableFacts,
} from './facts.ts';

type F = UsCitizenshipAct2021Facts;

const parameter = parameterNamespace('congress/us-citizenship-act-2021/');

interface FarmworkThreshold {
  hours: number;
  workdays: number;
  years: number;
}

/** A date-valued parameter (`"2021-01-01"`) as a day number. */
function dateParameter(parameters: ParameterSet, name: string, day: Day): Day {
  const value = parameters.get(parameter(name), day);
  const parsed = typeof value === 'string' ? parseDay(value) : undefined;
  if (parsed === undefined) throw new TypeError(`${name} is not a YYYY-MM-DD date`);
  return parsed;
}

function farmworkThreshold(parameters: ParameterSet, day: Day): FarmworkThreshold {
  return parameters.get(
    parameter('farmworker-work-threshold'),
    day,
  ) as unknown as FarmworkThreshold;
}

const derivedFacts: Fact<F>[] = [
  {
    kind: 'derived',
    path: 'assumedEnactmentDate',
    type: 'date',
    description:
      'The date Belong assumes the bill became law, for simulation (it never did): the day it was introduced.',
    citations: [citations.bill, citations.actions],
    needs: ['applicationDate'],
    compute: ({ applicationDate }, { parameters }) =>
      dateParameter(parameters, 'assumed-enactment-date', applicationDate),
  },
  {
    kind: 'derived',
    path: 'proposalNotice',
    type: 'tristate',
    description:
      'Always true: the bill is a proposal that never became law, shown only to explain what it would have done. Needs the assumed enactment date so that the notice can state it.',
    citations: [citations.bill, citations.actions],
    needs: ['assumedEnactmentDate'],
    compute: () => true,
  },
  {
    kind: 'derived',
    path: 'filingDate',
    type: 'date',
    description:
      'The earliest date the person could file: the application date, or the assumed enactment date when that is later.',
    citations: [citations.bill],
    needs: ['applicationDate', 'assumedEnactmentDate'],
    compute: ({ applicationDate, assumedEnactmentDate }) =>
      Math.max(applicationDate, assumedEnactmentDate),
  },
  {
    kind: 'derived',
    path: 'presenceCutoffDate',
    type: 'date',
    description:
      'The date since which a person must have been continuously physically present: January 1, 2021.',
    citations: [citations.lpi, citations.crsSummary],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      dateParameter(parameters, 'presence-cutoff-date', filingDate),
  },
  {
    kind: 'derived',
    path: 'meetsContinuousPresence',
    type: 'tristate',
    description:
      'Present in the United States on or before the cut-off date and continuously since. Belong reads every way in the bill (LPI and the immediate green card) as open only to people who meet it.',
    citations: [citations.lpi, citations.crsSummary],
    needs: ['presentSince', 'presenceCutoffDate'],
    compute: ({ presentSince, presenceCutoffDate }) => presentSince <= presenceCutoffDate,
  },
  {
    kind: 'derived',
    path: 'minorEntryAge',
    type: 'integer',
    description: 'A person who first entered before this age entered as a minor: 18.',
    citations: [citations.dreamers],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number(parameter('minor-entry-age'), filingDate),
  },
  {
    kind: 'derived',
    path: 'enteredAsChild',
    type: 'tristate',
    description:
      'Whether the person first entered before turning 18: their own yes or no when given, otherwise their age on the entry date.',
    citations: [citations.dreamers, citations.crsSummary],
    needs: ['minorEntryAge'],
    optional: ['enteredAsMinor', 'birthDate', 'entryDate'],
    compute: ({ minorEntryAge, enteredAsMinor, birthDate, entryDate }) => {
      if (enteredAsMinor !== undefined) return enteredAsMinor;
      if (birthDate === undefined || entryDate === undefined) return unknown;
      return wholeYearsBetween(birthDate, entryDate) < minorEntryAge;
    },
  },
  {
    kind: 'derived',
    path: 'tpsDedCutoffDate',
    type: 'date',
    description:
      'The date on which a person must have been eligible for TPS or DED: January 1, 2017.',
    citations: [citations.tpsDed, citations.crsSummary],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      dateParameter(parameters, 'tps-ded-eligibility-date', filingDate),
  },
  {
    kind: 'derived',
    path: 'tpsOrDedRoute',
    type: 'tristate',
    description:
      "The TPS and DED route to a green card at once: the person's answer about the cut-off date (read only once that date is known, so the message can name it).",
    citations: [citations.tpsDed, citations.crsSummary],
    needs: ['tpsOrDedEligible', 'tpsDedCutoffDate'],
    compute: ({ tpsOrDedEligible }) => tpsOrDedEligible,
  },
  {
    kind: 'derived',
    path: 'farmworkHoursRequired',
    type: 'integer',
    description: 'Hours of farm work that qualify a farmworker: 2,300.',
    citations: [citations.farmworkers],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) => farmworkThreshold(parameters, filingDate).hours,
  },
  {
    kind: 'derived',
    path: 'farmworkDaysRequired',
    type: 'integer',
    description: 'Work days of farm work that qualify a farmworker: 400.',
    citations: [citations.farmworkers],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) => farmworkThreshold(parameters, filingDate).workdays,
  },
  {
    kind: 'derived',
    path: 'farmworkYears',
    type: 'integer',
    description: 'The years before applying in which the farm work counts: 5.',
    citations: [citations.farmworkers],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) => farmworkThreshold(parameters, filingDate).years,
  },
  {
    kind: 'derived',
    path: 'farmworkerRoute',
    type: 'tristate',
    description:
      'The farmworker route to a green card at once: enough hours or enough work days of farm work. Either one is enough, so one answer that meets it decides; both must fall short to rule it out.',
    citations: [citations.farmworkers],
    needs: ['farmworkHoursRequired', 'farmworkDaysRequired'],
    optional: ['farmWorkHours', 'farmWorkDays'],
    compute: ({ farmworkHoursRequired, farmworkDaysRequired, farmWorkHours, farmWorkDays }) => {
      const byHours =
        farmWorkHours === undefined ? undefined : farmWorkHours >= farmworkHoursRequired;
      const byDays = farmWorkDays === undefined ? undefined : farmWorkDays >= farmworkDaysRequired;
      if (byHours === true || byDays === true) return true;
      // Short on one count says nothing about the other: both must fall short.
      if (byHours === false && byDays === false) return false;
      return unknown;
    },
  },
  {
    kind: 'derived',
    path: 'lpiYearsBeforeLpr',
    type: 'integer',
    description:
      'Years in lawful prospective immigrant status before applying for a green card: 5.',
    citations: [citations.lpiToLpr, citations.crsSummary],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number(parameter('lpi-years-before-lpr'), filingDate),
  },
  {
    kind: 'derived',
    path: 'lprYearsBeforeCitizenship',
    type: 'integer',
    description: 'Years with a green card under the bill before applying for citizenship: 3.',
    citations: [citations.naturalization],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number(parameter('lpr-years-before-citizenship'), filingDate),
  },
  {
    kind: 'derived',
    path: 'immediateLprEligible',
    type: 'tristate',
    description:
      'In a group the bill offers a green card at once: entered as a child, TPS or DED on the cut-off date, or a farmworker. True as soon as one is; false only when all three are not.',
    citations: [citations.dreamers, citations.tpsDed, citations.farmworkers],
    needs: [],
    optional: ['enteredAsChild', 'tpsOrDedRoute', 'farmworkerRoute'],
    compute: ({ enteredAsChild, tpsOrDedRoute, farmworkerRoute }) => {
      const routes = [enteredAsChild, tpsOrDedRoute, farmworkerRoute];
      if (routes.some((route) => route === true)) return true;
      if (routes.every((route) => route === false)) return false;
      return unknown;
    },
  },
  {
    kind: 'derived',
    path: 'track',
    type: 'string',
    description:
      'The way in: "immediate-lpr" (a green card at once), "lpi" (lawful prospective immigrant first), or null when the bill would not reach the person.',
    citations: [citations.lpi, citations.lpiToLpr, citations.dreamers],
    needs: ['meetsContinuousPresence'],
    optional: ['immediateLprEligible'],
    compute: ({ meetsContinuousPresence, immediateLprEligible }): Track | null | typeof unknown => {
      if (meetsContinuousPresence === false) return null;
      if (immediateLprEligible === undefined || immediateLprEligible === null) return unknown;
      return immediateLprEligible ? 'immediate-lpr' : 'lpi';
    },
  },
  {
    kind: 'derived',
    path: 'hasTrack',
    type: 'tristate',
    description: 'Whether the bill offers the person a way in, once the way is known.',
    citations: [citations.lpi, citations.crsSummary],
    needs: ['track'],
    compute: ({ track }) => track !== null,
  },
  {
    kind: 'derived',
    path: 'earliestLpiDate',
    type: 'date',
    description:
      'The earliest date of lawful prospective immigrant status on the LPI track: the filing date (processing time not counted).',
    citations: [citations.lpi],
    needs: ['track', 'filingDate'],
    compute: ({ track, filingDate }) => (track === 'lpi' ? filingDate : null),
  },
  {
    kind: 'derived',
    path: 'earliestLprDate',
    type: 'date',
    description:
      'The earliest green card: the filing date on the immediate track, 5 years after LPI status on the LPI track (processing time not counted).',
    citations: [citations.lpiToLpr, citations.dreamers, citations.tpsDed, citations.farmworkers],
    needs: ['track', 'filingDate', 'lpiYearsBeforeLpr'],
    compute: ({ track, filingDate, lpiYearsBeforeLpr }) =>
      track === null
        ? null
        : track === 'immediate-lpr'
          ? filingDate
          : addYears(filingDate, lpiYearsBeforeLpr),
  },
  {
    kind: 'derived',
    path: 'earliestCitizenshipDate',
    type: 'date',
    description: 'The earliest date to apply for citizenship: 3 years after the green card.',
    citations: [citations.naturalization],
    needs: ['earliestLprDate', 'lprYearsBeforeCitizenship'],
    compute: ({ earliestLprDate, lprYearsBeforeCitizenship }) =>
      earliestLprDate === null ? null : addYears(earliestLprDate, lprYearsBeforeCitizenship),
  },
];

/**
 * `us-citizenship-act-2021`: the earned path to citizenship of H.R. 1177 /
 * S. 348 (117th Congress), a bill that never became law. It answers "would
 * this bill have reached this person, and when?" for advocacy and
 * simulation, evaluated as if enacted on the assumed enactment date. The
 * outcome is "yes" when the person meets the continuous-presence rule;
 * `values.track` says which way in.
 */
export const usCitizenshipAct2021: Program<F> = {
  id: 'us-citizenship-act-2021',
  kind: 'proposal',
  title: 'us-citizenship-act-2021.title',
  citations: [citations.bill, citations.crsSummary],
  facts: [...writableFacts, ...derivedFacts],
  criteria: [
    {
      rule: 'proposal-notice',
      fact: 'proposalNotice',
      citations: [citations.bill, citations.actions],
      message: 'us-citizenship-act-2021.proposalNotice',
      messageValues: ['assumedEnactmentDate'],
      informational: true,
    },
    {
      rule: 'continuous-presence',
      fact: 'meetsContinuousPresence',
      citations: [citations.lpi, citations.crsSummary],
      message: 'us-citizenship-act-2021.meetsContinuousPresence',
      messageValues: ['presenceCutoffDate'],
    },
    {
      rule: 'entered-as-child',
      fact: 'enteredAsChild',
      citations: [citations.dreamers],
      message: 'us-citizenship-act-2021.enteredAsChild',
      messageValues: ['minorEntryAge'],
      informational: true,
    },
    {
      rule: 'tps-or-ded',
      fact: 'tpsOrDedRoute',
      citations: [citations.tpsDed],
      message: 'us-citizenship-act-2021.tpsOrDedRoute',
      messageValues: ['tpsDedCutoffDate'],
      informational: true,
    },
    {
      rule: 'farmworker',
      fact: 'farmworkerRoute',
      citations: [citations.farmworkers],
      message: 'us-citizenship-act-2021.farmworkerRoute',
      messageValues: ['farmworkHoursRequired', 'farmworkDaysRequired', 'farmworkYears'],
      informational: true,
    },
    {
      rule: 'immediate-green-card',
      fact: 'immediateLprEligible',
      citations: [citations.dreamers, citations.tpsDed, citations.farmworkers],
      message: 'us-citizenship-act-2021.immediateLprEligible',
      messageValues: ['lpiYearsBeforeLpr'],
      informational: true,
    },
    {
      rule: 'timeline',
      fact: 'hasTrack',
      citations: [citations.lpi, citations.lpiToLpr, citations.naturalization],
      message: 'us-citizenship-act-2021.timeline',
      messageValues: ['track', 'earliestLpiDate', 'earliestLprDate', 'earliestCitizenshipDate'],
      informational: true,
    },
  ],
  outputs: ['track', 'filingDate', 'earliestLpiDate', 'earliestLprDate', 'earliestCitizenshipDate'],
  parseInput: parseUsCitizenshipActInput,
};
