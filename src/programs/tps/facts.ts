import { z } from 'zod';
import type { Citation } from '../../engine/citation.ts';
import type { Day } from '../../engine/dates.ts';
import { dayInput, filingDateOr, parseInputWith } from '../../engine/input.ts';
import type { Fact, InputParseResult, Tristate } from '../../engine/program.ts';
import type { DesignationState, DesignationStatus } from './designations.ts';

/** USCIS fees for TPS in US dollars, as in force on the filing date. */
export interface TpsFees {
  /** Form I-821 for a first (initial) registration; re-registration has no I-821 fee. */
  application: number;
  biometrics: number;
  /** Form I-765 for a first TPS-based work permit (EAD). */
  workPermitInitial: number;
  /** Form I-765 to renew a TPS-based work permit. */
  workPermitRenewal: number;
}

export interface TpsFacts {
  // Answers
  nationality: string;
  residenceSince: Day;
  presenceSince: Day;
  currentTpsHolder: boolean;
  filingDate: Day;
  // Derived
  designation: string | null;
  designationRecord: DesignationState;
  status: DesignationStatus;
  statusShown: string;
  designationShown: string;
  designatedThrough: Day | null;
  residenceRequiredSince: Day | null;
  presenceRequiredSince: Day | null;
  terminationDate: Day | null;
  decisionCitation: string | null;
  designationInForce: Tristate;
  meetsDateRequirements: Tristate;
  fees: TpsFees;
  dataReviewedOn: Day;
  dataMaxAgeDays: number;
  dataCurrent: Tristate;
  dataStale: boolean;
}

const ina244 = 'https://www.law.cornell.edu/uscode/text/8/1254a';

export const citations = {
  ina244: { title: 'INA § 244, 8 U.S.C. 1254a, Temporary protected status', href: ina244 },
  ina244b1: {
    title: 'INA § 244(b)(1), 8 U.S.C. 1254a(b)(1), designation of a foreign state',
    href: ina244,
  },
  ina244b3: {
    title:
      'INA § 244(b)(3), 8 U.S.C. 1254a(b)(3), periodic review, termination and extension of designations',
    href: ina244,
    quote:
      'the period of designation of the foreign state is extended for an additional period of 6 months',
  },
  ina244c1: {
    title:
      'INA § 244(c)(1)(A), 8 U.S.C. 1254a(c)(1)(A), aliens eligible for temporary protected status',
    href: ina244,
    quote:
      'has been continuously physically present in the United States since the effective date of the most recent designation of that state; … has continuously resided in the United States since such date as the Attorney General may designate',
  },
  ina244d3: {
    title: 'INA § 244(d)(3), 8 U.S.C. 1254a(d)(3), effective date of termination of designation',
    href: ina244,
    quote:
      'shall not be effective earlier than 60 days after the date the notice is published or, if later, the expiration of the most recent previous extension',
  },
  cfr244: {
    title: '8 CFR part 244, Temporary Protected Status for Nationals of Designated States',
    href: 'https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-244',
  },
  uscisTps: {
    title: 'USCIS, Temporary Protected Status',
    href: 'https://www.uscis.gov/humanitarian/temporary-protected-status',
  },
  mullin: {
    title:
      'CRS Legal Sidebar LSB11446 (July 2, 2026), on Mullin v. Doe and Trump v. Miot (U.S. June 25, 2026): INA 244(b)(5)(A) bars review of non-constitutional challenges to TPS terminations',
    href: 'https://www.everycrsreport.com/files/2026-07-02_LSB11446_f9c3575f0811d3c2c721067021bb1f87085e0c60.html',
  },
  feeRule2016: {
    title: 'USCIS Fee Schedule, final rule, 81 FR 73292 (Oct. 24, 2016), effective Dec. 23, 2016',
    href: 'https://www.federalregister.gov/d/2016-25328',
  },
  feeRule2024: {
    title: 'USCIS fee rule, 89 FR 6194 (Jan. 31, 2024), effective Apr. 1, 2024',
    href: 'https://www.federalregister.gov/d/2024-01427',
  },
  hr1Fees: {
    title:
      'USCIS Immigration Fees Required by HR-1 Reconciliation Bill, 90 FR 34511 (July 22, 2025)',
    href: 'https://www.govinfo.gov/content/pkg/FR-2025-07-22/html/2025-13738.htm',
  },
  hr1Inflation: {
    title: 'Inflation Adjustment to HR-1 Immigration Fees, 90 FR 52693 (Nov. 21, 2025)',
    href: 'https://www.govinfo.gov/content/pkg/FR-2025-11-21/html/2025-20622.htm',
  },
} satisfies Record<string, Citation>;

/**
 * A nationality is a two-letter ISO 3166-1 code (`SV`, any case) or a
 * designation id (`el-salvador`, `venezuela-2023`; spaces become hyphens).
 * Whether that country is designated is for the rules, not for validation.
 */
const nationalityInput = z.string().transform((value, context) => {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  const slug = trimmed.toLowerCase().replace(/[\s_]+/g, '-');
  if (slug.length <= 40 && /^[a-z][a-z0-9-]*[a-z0-9]$/.test(slug)) return slug;
  context.addIssue({
    code: 'custom',
    message:
      'must be a two-letter country code (ISO 3166-1, such as SV) or a TPS designation id (such as el-salvador)',
  });
  return z.NEVER;
});

export const tpsInputSchema = z.strictObject({
  nationality: nationalityInput.optional(),
  residenceSince: dayInput.optional(),
  presenceSince: dayInput.optional(),
  currentTpsHolder: z.boolean().optional(),
  filingDate: dayInput.optional(),
});

export function parseTpsInput(raw: unknown, asOf: Day): InputParseResult<TpsFacts> {
  const parsed = parseInputWith<z.infer<typeof tpsInputSchema>>(tpsInputSchema, raw);
  if (!parsed.ok) return parsed;
  // Assigned in place, no object rest: this runs for every record of a simulation.
  const facts = parsed.facts as Partial<TpsFacts>;
  facts.filingDate = filingDateOr(asOf, parsed.facts.filingDate);
  return { ok: true, facts };
}

export const writableFacts: Fact<TpsFacts>[] = [
  {
    kind: 'writable',
    path: 'nationality',
    sensitive: { subject: 'nationality', neededBy: 'designation-status' },
    type: 'string',
    description:
      'The country whose TPS designation the person holds or applies under: their nationality, or for a person with no nationality the country where they last habitually resided. A two-letter ISO 3166-1 code or a designation id.',
    citations: [citations.ina244c1],
  },
  {
    kind: 'writable',
    path: 'residenceSince',
    type: 'date',
    description: 'The date since which the person has lived in the United States without a break.',
    citations: [citations.ina244c1, citations.cfr244],
  },
  {
    kind: 'writable',
    path: 'presenceSince',
    type: 'date',
    description:
      'The date since which the person has been physically present in the United States without a break (brief, casual and innocent absences aside).',
    citations: [citations.ina244c1, citations.cfr244],
  },
  {
    kind: 'writable',
    path: 'currentTpsHolder',
    sensitive: { subject: 'immigration-status', neededBy: 'residence-and-presence' },
    type: 'boolean',
    description:
      'Whether the person holds TPS now under this designation (and so re-registers rather than applies for the first time).',
    citations: [citations.cfr244],
  },
  {
    kind: 'writable',
    path: 'filingDate',
    type: 'date',
    description:
      'The date the forms are filed (postmarked), which picks the fees. The evaluation date when not given.',
    citations: [citations.hr1Fees],
  },
];
