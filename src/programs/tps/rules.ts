import { parameterNamespace } from '../../engine/parameters.ts';
import type { Fact, Program } from '../../engine/program.ts';
import { unknown } from '../../engine/program.ts';
import {
  type DesignationStatus,
  dataReviewedOn,
  designationsFor,
  messageKey,
  notDesignated,
  stateOn,
  statusOn,
  tpsData,
} from './designations.ts';
import { citations, parseTpsInput, type TpsFacts, writableFacts } from './facts.ts';

type F = TpsFacts;

const fee = parameterNamespace('uscis/fees/tps-');

const statusMessageKeys: ReadonlyMap<DesignationStatus, string> = new Map(
  (['no-decision', 'not-designated'] as const).map((status) => [status, messageKey(status)]),
);
const dataMaxAge = 'dhs/tps/data-max-age-days';

const derivedFacts: Fact<F>[] = [
  {
    kind: 'derived',
    path: 'designation',
    type: 'string',
    description:
      'The designation the nationality falls under, or null when the country has never been designated. Venezuela has two (2021 and 2023): a person who meets the 2021 residence and presence dates falls under the 2021 designation, anyone else under the 2023 one.',
    citations: [citations.ina244b1, citations.ina244c1],
    needs: ['nationality'],
    optional: ['residenceSince', 'presenceSince'],
    compute: ({ nationality, residenceSince, presenceSince }, { asOf, parameters }) => {
      const candidates = designationsFor(tpsData(parameters), nationality);
      if (candidates.length === 0) return null;
      if (candidates.length === 1) return (candidates[0] as (typeof candidates)[number]).id;
      if (residenceSince === undefined || presenceSince === undefined) return unknown;
      for (const candidate of candidates) {
        const state = stateOn(candidate, asOf);
        if (
          state.residenceSince !== null &&
          state.presenceSince !== null &&
          residenceSince <= state.residenceSince &&
          presenceSince <= state.presenceSince
        ) {
          return candidate.id;
        }
      }
      return (candidates[candidates.length - 1] as (typeof candidates)[number]).id;
    },
  },
  {
    kind: 'derived',
    path: 'designationRecord',
    type: 'object',
    description:
      'The designation’s state on the evaluation date, from its dated events: designations, extensions, redesignations, terminations and court orders.',
    citations: [citations.ina244b1, citations.ina244b3, citations.ina244d3],
    needs: ['designation'],
    compute: ({ designation }, { asOf, parameters }) => {
      if (designation === null) return notDesignated;
      const found = tpsData(parameters).designations.get(designation);
      return found ? stateOn(found, asOf) : notDesignated;
    },
  },
  {
    kind: 'derived',
    path: 'status',
    type: 'string',
    description:
      'active; terminated (the termination took effect and no court order stops it); stayed (a court order stops a termination, so TPS depends on the litigation); no-decision (past the date the designation ran through, with no later decision on record); or not-designated.',
    citations: [citations.ina244b3, citations.ina244d3, citations.mullin],
    needs: ['designationRecord'],
    compute: ({ designationRecord }, { asOf }) => statusOn(designationRecord, asOf),
  },
  {
    kind: 'derived',
    path: 'statusShown',
    type: 'string',
    description:
      'The status as a message select key (camel case: noDecision, notDesignated), or "unknown" while the nationality is not answered.',
    citations: [citations.ina244b3],
    needs: [],
    optional: ['status'],
    compute: ({ status }) =>
      status === undefined ? 'unknown' : (statusMessageKeys.get(status) ?? status),
  },
  {
    kind: 'derived',
    path: 'designationShown',
    type: 'string',
    description:
      'The designation as a message select key, so that messages can name the country (camel case: elSalvador, venezuela2021), "none" for a country never designated, "unknown" while the nationality is not answered.',
    citations: [citations.ina244b1],
    needs: [],
    optional: ['designation'],
    compute: ({ designation }, { parameters }) => {
      if (designation === undefined) return 'unknown';
      if (designation === null) return 'none';
      return tpsData(parameters).designations.get(designation)?.messageKey ?? 'none';
    },
  },
  {
    kind: 'derived',
    path: 'designatedThrough',
    type: 'date',
    description:
      'The last day of TPS under the decisions on record: the end of the designation or extension, or the effective date of a termination (pending, stayed or in force).',
    citations: [citations.ina244b3, citations.ina244d3],
    needs: ['designationRecord'],
    compute: ({ designationRecord }) => designationRecord.designatedThrough,
  },
  {
    kind: 'derived',
    path: 'residenceRequiredSince',
    type: 'date',
    description:
      'The continuous-residence date of the most recent designation or redesignation: a first-time applicant must have lived in the United States since then or earlier.',
    citations: [citations.ina244c1],
    needs: ['designationRecord'],
    compute: ({ designationRecord }) => designationRecord.residenceSince,
  },
  {
    kind: 'derived',
    path: 'presenceRequiredSince',
    type: 'date',
    description:
      'The continuous-physical-presence date (the effective date) of the most recent designation or redesignation.',
    citations: [citations.ina244c1],
    needs: ['designationRecord'],
    compute: ({ designationRecord }) => designationRecord.presenceSince,
  },
  {
    kind: 'derived',
    path: 'terminationDate',
    type: 'date',
    description:
      'The effective date of a termination announced or in force (TPS ends at the end of that day), or null.',
    citations: [citations.ina244d3],
    needs: ['designationRecord'],
    compute: ({ designationRecord }) => designationRecord.terminationDate,
  },
  {
    kind: 'derived',
    path: 'decisionCitation',
    type: 'string',
    description:
      'The Federal Register notice or court order the status rests on, as "title <address>".',
    citations: [citations.ina244b3],
    needs: ['designationRecord'],
    compute: ({ designationRecord }) => designationRecord.decision,
  },
  {
    kind: 'derived',
    path: 'designationInForce',
    type: 'tristate',
    description:
      'Whether the designation is in force on the date: met when active; not met when terminated or never designated; undecided when a court order stops a termination or no decision is on record after the designation’s end.',
    citations: [citations.ina244b3, citations.ina244d3, citations.mullin],
    needs: ['status'],
    compute: ({ status }) =>
      status === 'active'
        ? true
        : status === 'terminated' || status === 'not-designated'
          ? false
          : null,
  },
  {
    kind: 'derived',
    path: 'meetsDateRequirements',
    type: 'tristate',
    description:
      'A current holder re-registers and meets it. A first-time applicant meets it with continuous residence since the residence date and continuous presence since the presence date of the most recent designation or redesignation, or earlier (anyone who met an older designation’s earlier dates meets these too). Registration windows and late initial filing are not screened.',
    citations: [citations.ina244c1, citations.cfr244],
    needs: [],
    optional: [
      'currentTpsHolder',
      'residenceSince',
      'presenceSince',
      'residenceRequiredSince',
      'presenceRequiredSince',
    ],
    compute: ({
      currentTpsHolder,
      residenceSince,
      presenceSince,
      residenceRequiredSince,
      presenceRequiredSince,
    }) => {
      // Never designated, or no dates on record for the date: nothing to meet, nothing to ask.
      if (residenceRequiredSince === null || presenceRequiredSince === null) return null;
      // Unknown rather than guessed: the message for "met" names the holder's case.
      if (currentTpsHolder === undefined) return unknown;
      if (currentTpsHolder) return true;
      if (
        residenceRequiredSince === undefined ||
        presenceRequiredSince === undefined ||
        residenceSince === undefined ||
        presenceSince === undefined
      ) {
        return unknown;
      }
      return residenceSince <= residenceRequiredSince && presenceSince <= presenceRequiredSince;
    },
  },
  {
    kind: 'derived',
    path: 'fees',
    type: 'object',
    description:
      'USCIS fees in force on the filing date: the first-time Form I-821 fee, biometrics, and the Form I-765 fee for a first and a renewed TPS work permit.',
    citations: [
      citations.feeRule2016,
      citations.feeRule2024,
      citations.hr1Fees,
      citations.hr1Inflation,
    ],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) => ({
      application: parameters.number(fee('application'), filingDate),
      biometrics: parameters.number(fee('biometrics'), filingDate),
      // The H.R. 1 work-permit fees are charged on top of the general I-765 fee.
      workPermitInitial:
        parameters.number('uscis/fees/i765-paper', filingDate) +
        parameters.number(fee('work-permit-initial'), filingDate),
      workPermitRenewal:
        parameters.number('uscis/fees/i765-paper', filingDate) +
        parameters.number(fee('work-permit-renewal'), filingDate),
    }),
  },
  {
    kind: 'derived',
    path: 'dataReviewedOn',
    type: 'date',
    description:
      'The date the designation data was last checked against Federal Register notices and court orders.',
    citations: [citations.uscisTps, citations.ina244b3],
    needs: [],
    compute: (_, { asOf, parameters }) => dataReviewedOn(parameters, asOf),
  },
  {
    kind: 'derived',
    path: 'dataMaxAgeDays',
    type: 'integer',
    description:
      'How many days after its last review the designation data is still presented without a warning.',
    citations: [citations.ina244b3],
    needs: [],
    compute: (_, { asOf, parameters }) => parameters.number(dataMaxAge, asOf),
  },
  {
    kind: 'derived',
    path: 'dataCurrent',
    type: 'tristate',
    description:
      'Whether the designation data was reviewed at most the allowed number of days before the evaluation date.',
    citations: [citations.ina244b3, citations.uscisTps],
    needs: ['dataReviewedOn', 'dataMaxAgeDays'],
    compute: ({ dataReviewedOn, dataMaxAgeDays }, { asOf }) =>
      asOf - dataReviewedOn <= dataMaxAgeDays,
  },
  {
    kind: 'derived',
    path: 'dataStale',
    type: 'boolean',
    description:
      'True when the designation data is older than allowed: decisions since may be missing.',
    citations: [citations.ina244b3, citations.uscisTps],
    needs: ['dataCurrent'],
    compute: ({ dataCurrent }) => dataCurrent === false,
  },
];

/**
 * `tps`: Temporary Protected Status (INA § 244). As of the evaluation date,
 * is the person's country designated, and can they hold TPS (current
 * holders) or apply for it (residence and presence dates)? `values.fees`
 * gives the USCIS fees on the filing date. Not screened, and left to a legal
 * helper: the criminal and security bars (INA 244(c)(2)), inadmissibility,
 * and registration windows, including late initial filing.
 */
export const tps: Program<F> = {
  id: 'tps',
  kind: 'law',
  title: 'tps.title',
  citations: [citations.ina244, citations.cfr244, citations.uscisTps],
  facts: [...writableFacts, ...derivedFacts],
  criteria: [
    {
      rule: 'designation-status',
      fact: 'designationInForce',
      citations: [citations.ina244b3, citations.ina244d3, citations.mullin],
      message: 'tps.designationInForce',
      messageValues: [
        'designationShown',
        'statusShown',
        'designatedThrough',
        'terminationDate',
        'decisionCitation',
      ],
    },
    {
      rule: 'residence-and-presence',
      fact: 'meetsDateRequirements',
      citations: [citations.ina244c1, citations.cfr244],
      message: 'tps.meetsDateRequirements',
      messageValues: [
        'currentTpsHolder',
        'residenceSince',
        'presenceSince',
        'residenceRequiredSince',
        'presenceRequiredSince',
        'statusShown',
      ],
    },
    {
      rule: 'data-current',
      fact: 'dataCurrent',
      citations: [citations.uscisTps],
      message: 'tps.dataCurrent',
      messageValues: ['dataReviewedOn', 'dataMaxAgeDays'],
      informational: true,
    },
  ],
  outputs: [
    'designation',
    'status',
    'designatedThrough',
    'residenceRequiredSince',
    'presenceRequiredSince',
    'fees',
    'dataReviewedOn',
    'dataStale',
  ],
  parseInput: parseTpsInput,
};
