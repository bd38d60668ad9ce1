import type { Citation } from '../../engine/citation.ts';
import type { Day } from '../../engine/dates.ts';
import { filingDateOr, parseInputWith } from '../../engine/input.ts';
import type { Fact, InputParseResult, Tristate } from '../../engine/program.ts';
import { type Answers, answersSchema, readAnswers } from './answers.ts';
import type { Trip } from './trips.ts';

/** The way to citizenship a filing uses: part of the CLI and API contract. */
export type Path = '5-year' | '3-year-spouse' | 'military-328' | 'military-329';

/** The same paths as identifiers, for ICU `select` in messages (which cannot match `5-year`). */
export type PathRule = 'general' | 'spouse' | 'military328' | 'military329';

/** An English test exception by age and years as a permanent resident (8 CFR 312.1(b)). */
export type TestExemption = '50/20' | '55/15' | '65/20';

export interface Child {
  readonly birthDate?: Day | undefined;
  readonly isLpr?: boolean | undefined;
  readonly livesWithApplicant?: boolean | undefined;
}

/**
 * How one path stands on the filing date: each requirement met (`true`),
 * not met (`false`) or needing a person's review (`null`), and the first
 * date the path allows filing. A requirement the path does not have, or
 * waives, is met.
 */
export interface PathAssessment {
  readonly path: Path;
  /** All requirements together: may the person file on this path on the filing date? */
  readonly status: Tristate;
  /** The first date this path allows filing; null when it never can (no citizen spouse, no service). */
  readonly earliest: Day | null;
  readonly age: Tristate;
  readonly residence: Tristate;
  readonly continuity: Tristate;
  readonly presence: Tristate;
  readonly stateResidence: Tristate;
  readonly marriage: Tristate;
  readonly service: Tristate;
  /** Years of the residence and presence window (5 or 3); null on the military paths. */
  readonly years: number | null;
  /** The first date the years as a permanent resident allow filing (early filing included). */
  readonly residenceDate: Day | null;
  /** The first date filing is possible again after a trip that broke continuous residence. */
  readonly continuityDate: Day | null;
  /** The longest trip in the window, in days (return minus departure). */
  readonly longestTrip: number;
  /** Days present in the window before the filing date; null on the military paths. */
  readonly presenceDays: number | null;
  readonly presenceRequired: number | null;
  /** The first date the marriage and the spouse's citizenship are old enough. */
  readonly marriageDate: Day | null;
  /** The first date the military service qualifies (a year served, or service during hostilities). */
  readonly serviceDate: Day | null;
}

export interface NaturalizationFacts {
  // Answers
  filingDate: Day;
  birthDate: Day;
  lprDate: Day;
  stateResidenceSince: Day;
  trips: readonly Trip[];
  'spouse.isCitizen': boolean;
  'spouse.citizenSince': Day;
  'spouse.marriedSince': Day;
  'spouse.livingTogether': boolean;
  military: boolean;
  'military.honorablyServed': boolean;
  'military.serviceStart': Day;
  'military.serviceEnd': Day | null;
  'military.duringHostilities': boolean;
  children: readonly Child[];
  // Derived: numbers the law sets, on the filing date
  minimumAge: number;
  earlyFilingDays: number;
  stateResidenceMonths: number;
  civicsTest: '2008' | '2025';
  // Derived: the person
  adultDate: Day;
  age: number;
  stateResidenceDate: Day;
  // Derived: each path
  generalPath: PathAssessment;
  spousePath: PathAssessment;
  military328Path: PathAssessment;
  military329Path: PathAssessment;
  // Derived: the path reported and its requirements
  path: Path | null;
  pathAssessment: PathAssessment;
  pathRule: PathRule;
  earliestFilingDate: Day | null;
  physicalPresenceDays: number | null;
  residenceYears: number | null;
  residenceDate: Day | null;
  continuityDate: Day | null;
  longestTripDays: number;
  presenceRequired: number | null;
  marriageDate: Day | null;
  militaryServiceDate: Day | null;
  meetsAge: Tristate;
  meetsResidencePeriod: Tristate;
  meetsContinuousResidence: Tristate;
  meetsPhysicalPresence: Tristate;
  meetsStateResidence: Tristate;
  meetsMarriage: Tristate;
  meetsMilitaryService: Tristate;
  mayFile: Tristate;
  // Derived: the tests and the children
  testExemption: TestExemption | null;
  hasTestExemption: Tristate;
  takesCivicsTest2025: Tristate;
  childrenDeriving: number | null;
  childrenDeriveCitizenship: Tristate;
}

const cornell = (section: number) => `https://www.law.cornell.edu/uscode/text/8/${section}`;
const ecfr = (part: number, section: string) =>
  `https://www.ecfr.gov/current/title-8/chapter-I/subchapter-C/part-${part}/section-${section}`;
const policyManual = (part: string, chapter: number) =>
  `https://www.uscis.gov/policy-manual/volume-12-part-${part}-chapter-${chapter}`;

export const citations = {
  ina316: {
    title: 'INA § 316(a), 8 U.S.C. 1427(a), requirements of naturalization',
    href: cornell(1427),
    quote:
      'has resided continuously, after being lawfully admitted for permanent residence, within the United States for at least five years … has been physically present therein for periods totaling at least half of that time, and who has resided within the State or within the district of the Service in the United States in which the applicant filed the application for at least three months',
  },
  ina316b: {
    title: 'INA § 316(b), 8 U.S.C. 1427(b), absences that break continuous residence',
    href: cornell(1427),
    quote:
      'Absence from the United States of more than six months but less than one year during the period for which continuous residence is required … shall break the continuity of such residence, unless the applicant shall establish to the satisfaction of the Attorney General that he did not in fact abandon his residence',
  },
  ina319: {
    title: 'INA § 319(a), 8 U.S.C. 1430(a), spouses of U.S. citizens',
    href: cornell(1430),
    quote:
      'has been living in marital union with the citizen spouse, who has been a United States citizen during all of such period',
  },
  ina328: {
    title: 'INA § 328, 8 U.S.C. 1439, one year of military service',
    href: cornell(1439),
    quote:
      'if such application is filed while the applicant is still in the service or within six months after the termination of such service',
  },
  ina329: {
    title: 'INA § 329, 8 U.S.C. 1440, military service during hostilities',
    href: cornell(1440),
    quote:
      'during any other period which the President by Executive order shall designate as a period in which Armed Forces of the United States are or were engaged in military operations involving armed conflict with a hostile foreign force',
  },
  ina334: {
    title: 'INA § 334, 8 U.S.C. 1445, application for naturalization (age; early filing)',
    href: cornell(1445),
    quote:
      'the application for naturalization may be filed up to 3 months before the date the applicant would first otherwise meet such continuous residence requirement',
  },
  ina312: {
    title: 'INA § 312(b), 8 U.S.C. 1423(b), exceptions to the English and civics requirements',
    href: cornell(1423),
  },
  ina320: {
    title: 'INA § 320(a), 8 U.S.C. 1431(a), children who become citizens automatically',
    href: cornell(1431),
    quote: 'The child is under the age of eighteen years.',
  },
  cfr316_2: { title: '8 CFR 316.2, eligibility', href: ecfr(316, '316.2') },
  cfr316_5: {
    title: '8 CFR 316.5(c)(1), disruption of continuity of residence',
    href: ecfr(316, '316.5'),
    quote:
      "An applicant described in this paragraph who must satisfy a five-year statutory residence period may file an application for naturalization four years and one day following the date of the applicant's return to the United States to resume permanent residence.",
  },
  cfr312_1: {
    title: '8 CFR 312.1(b), exceptions to the English requirement (50/20, 55/15)',
    href: ecfr(312, '312.1'),
  },
  cfr312_2: {
    title: '8 CFR 312.2(b), special consideration in the civics test (65/20)',
    href: ecfr(312, '312.2'),
  },
  cfr334_2: {
    title: '8 CFR 334.2(b), early filing',
    href: ecfr(334, '334.2'),
    quote:
      'An application for naturalization may be filed up to 90 days prior to the completion of the required period of residence',
  },
  pmGeneral: {
    title: 'USCIS Policy Manual, Vol. 12, Part D, Ch. 1, general naturalization requirements',
    href: policyManual('d', 1),
  },
  pmContinuity: {
    title: 'USCIS Policy Manual, Vol. 12, Part D, Ch. 3, continuous residence',
    href: policyManual('d', 3),
  },
  pmPresence: {
    title: 'USCIS Policy Manual, Vol. 12, Part D, Ch. 4, physical presence',
    href: policyManual('d', 4),
    quote: 'at least 913 days; the day of departure and the day of return count as days present',
  },
  pmStateResidence: {
    title:
      'USCIS Policy Manual, Vol. 12, Part D, Ch. 6, jurisdiction, place of residence and early filing',
    href: policyManual('d', 6),
  },
  pmEnglish: {
    title: 'USCIS Policy Manual, Vol. 12, Part E, Ch. 2, English and civics testing',
    href: policyManual('e', 2),
  },
  pmSpouse: {
    title: 'USCIS Policy Manual, Vol. 12, Part G, Ch. 3, spouses of U.S. citizens',
    href: policyManual('g', 3),
  },
  pmChildren: {
    title:
      'USCIS Policy Manual, Vol. 12, Part H, Ch. 4, automatic citizenship after birth (INA 320)',
    href: policyManual('h', 4),
  },
  pmMilitary328: {
    title: 'USCIS Policy Manual, Vol. 12, Part I, Ch. 2, one year of military service (INA 328)',
    href: policyManual('i', 2),
  },
  pmMilitary329: {
    title:
      'USCIS Policy Manual, Vol. 12, Part I, Ch. 3, military service during hostilities (INA 329)',
    href: policyManual('i', 3),
    quote: 'The applicant may be of any age.',
  },
  earlyFilingCalculator: {
    title: 'USCIS Early Filing Calculator',
    href: 'https://www.uscis.gov/forms/uscis-early-filing-calculator',
    quote:
      'You may file Form N-400 90 calendar days before you complete your permanent residence requirement (card date July 4, 2013: earliest filing April 5, 2018).',
  },
  n470: {
    title: 'USCIS, Form N-470, Application to Preserve Residence for Naturalization Purposes',
    href: 'https://www.uscis.gov/n-470',
  },
  n400: {
    title: 'USCIS, Form N-400, Application for Naturalization',
    href: 'https://www.uscis.gov/n-400',
  },
  civics2025: {
    title:
      'Notice of Implementation of 2025 Naturalization Civics Test, 90 FR 45047 (Sept. 18, 2025)',
    href: 'https://www.federalregister.gov/d/2025-18050',
  },
  civicsTestPage: {
    title: 'USCIS, 2025 civics test (N-400 filed on or after Oct. 20, 2025)',
    href: 'https://www.uscis.gov/citizenship/2025-civics-test',
  },
} satisfies Record<string, Citation>;

type Problem = { path: string; message: string };

const byDeparture = (a: Trip, b: Trip) => a.departed - b.departed;

/**
 * Trips must return on or after the day they left and must not overlap (a
 * person cannot be away twice at once). Sorts them by departure in place:
 * the list is the parser's own copy.
 */
function checkTrips(trips: Trip[]): Problem | undefined {
  let sorted = true;
  for (let i = 0; i < trips.length; i++) {
    const trip = trips[i] as Trip;
    if (trip.returned < trip.departed) {
      return { path: `trips.${i}.returned`, message: 'cannot be before departed' };
    }
    if (i > 0 && trip.departed < (trips[i - 1] as Trip).departed) sorted = false;
  }
  if (!sorted) trips.sort(byDeparture);
  for (let i = 1; i < trips.length; i++) {
    if ((trips[i] as Trip).departed < (trips[i - 1] as Trip).returned) {
      return {
        path: 'trips',
        message: 'trips overlap: one leaves before the one before it returns',
      };
    }
  }
  return undefined;
}

/**
 * Validates the answers (the fast reader first, the schema when it declines,
 * so that the schema alone explains what is malformed), checks the trips,
 * and flattens `spouse` and `military` into one fact per detail, so that a missing detail is named in `missing`
 * (`military.serviceStart`). No `spouse` means no citizen spouse; no
 * `military` means no military service; a `military` object without
 * `serviceEnd` means still serving.
 */
export function parseNaturalizationInput(
  raw: unknown,
  asOf: Day,
): InputParseResult<NaturalizationFacts> {
  let answers = readAnswers(raw);
  if (answers === undefined) {
    const parsed = parseInputWith<Answers>(answersSchema, raw);
    if (!parsed.ok) return parsed;
    answers = parsed.facts;
  }
  const { trips, spouse, military } = answers;
  if (trips !== undefined) {
    const problem = checkTrips(trips);
    if (problem) return { ok: false, errors: [problem] };
  }
  const service = typeof military === 'object' && military !== null ? military : undefined;
  if (
    service?.serviceStart !== undefined &&
    typeof service.serviceEnd === 'number' &&
    service.serviceEnd < service.serviceStart
  ) {
    return {
      ok: false,
      errors: [{ path: 'military.serviceEnd', message: 'cannot be before serviceStart' }],
    };
  }
  // One object of one shape, built once: this runs for every record of a simulation.
  const facts: Partial<NaturalizationFacts> = {
    filingDate: filingDateOr(asOf, answers.filingDate),
    birthDate: answers.birthDate,
    lprDate: answers.lprDate,
    stateResidenceSince: answers.stateResidenceSince,
    trips,
    'spouse.isCitizen': spouse ? spouse.isCitizen : false,
    'spouse.citizenSince': spouse?.citizenSince ?? undefined,
    'spouse.marriedSince': spouse?.marriedSince,
    'spouse.livingTogether': spouse?.livingTogether,
    military: service !== undefined || military === true,
    'military.honorablyServed': service?.honorablyServed,
    'military.serviceStart': service?.serviceStart,
    'military.serviceEnd': service ? (service.serviceEnd ?? null) : undefined,
    'military.duringHostilities': service?.duringHostilities,
    children: answers.children,
  };
  return { ok: true, facts };
}

type F = NaturalizationFacts;

export const writableFacts: Fact<F>[] = [
  {
    kind: 'writable',
    path: 'filingDate',
    type: 'date',
    description:
      'The date Form N-400 would be filed (the question is "may this person file on this date?"); the evaluation date when not given. The law in force on this date decides.',
    citations: [citations.ina334, citations.n400],
  },
  {
    kind: 'writable',
    path: 'birthDate',
    type: 'date',
    description: 'Date of birth, for the minimum age and the English test exceptions.',
    citations: [citations.ina334, citations.cfr312_1],
  },
  {
    kind: 'writable',
    path: 'lprDate',
    sensitive: { subject: 'immigration-status', neededBy: 'permanent-residence' },
    type: 'date',
    description:
      'The date the person became a lawful permanent resident ("resident since" on the green card).',
    citations: [citations.ina316, citations.pmGeneral],
  },
  {
    kind: 'writable',
    path: 'stateResidenceSince',
    type: 'date',
    description:
      'The date since which the person has lived in the state (or USCIS district) where they would file.',
    citations: [citations.ina316, citations.pmStateResidence],
  },
  {
    kind: 'writable',
    path: 'trips',
    type: 'list',
    description:
      'Trips outside the United States since becoming a permanent resident, as { departed, returned, n470Approved? } (dates YYYY-MM-DD; the return on or after the departure; trips may not overlap). `n470Approved: true` marks an absence covered by an approved Form N-470, which preserves continuous residence but not physical presence. An empty list means no trips.',
    citations: [citations.ina316b, citations.pmContinuity, citations.pmPresence, citations.n470],
  },
  {
    kind: 'writable',
    path: 'spouse.isCitizen',
    sensitive: { subject: 'citizenship', neededBy: 'marriage-to-citizen' },
    type: 'boolean',
    description:
      'Whether the person is married to a U.S. citizen (input `spouse.isCitizen`). No `spouse` in the input means no citizen spouse.',
    citations: [citations.ina319, citations.pmSpouse],
  },
  {
    kind: 'writable',
    path: 'spouse.citizenSince',
    sensitive: { subject: 'citizenship', neededBy: 'marriage-to-citizen' },
    type: 'date',
    description:
      'The date the spouse became a U.S. citizen (their birth date if born a citizen); input `spouse.citizenSince`.',
    citations: [citations.ina319, citations.pmSpouse],
  },
  {
    kind: 'writable',
    path: 'spouse.marriedSince',
    sensitive: { subject: 'citizenship', neededBy: 'marriage-to-citizen' },
    type: 'date',
    description: 'The date of the marriage to the citizen spouse; input `spouse.marriedSince`.',
    citations: [citations.ina319, citations.pmSpouse],
  },
  {
    kind: 'writable',
    path: 'spouse.livingTogether',
    sensitive: { subject: 'citizenship', neededBy: 'marriage-to-citizen' },
    type: 'boolean',
    description:
      'Whether the person has been living in marital union with the citizen spouse (input `spouse.livingTogether`).',
    citations: [citations.ina319, citations.pmSpouse],
  },
  {
    kind: 'writable',
    path: 'military',
    type: 'boolean',
    description:
      'Whether the person serves or served in the U.S. armed forces. Input `military`: `true`/`false`, or an object { honorablyServed: boolean, serviceStart: date, serviceEnd?: date | null (absent or null: still serving), duringHostilities?: boolean (absent: worked out from the service dates and the designated periods) }. `true` alone leaves the details missing.',
    citations: [citations.ina328, citations.ina329],
  },
  {
    kind: 'writable',
    path: 'military.honorablyServed',
    type: 'boolean',
    description:
      'Whether all service was honorable (and any separation under honorable conditions); input `military.honorablyServed`.',
    citations: [citations.ina328, citations.pmMilitary328],
  },
  {
    kind: 'writable',
    path: 'military.serviceStart',
    type: 'date',
    description: 'The date service in the U.S. armed forces began; input `military.serviceStart`.',
    citations: [citations.ina328, citations.ina329],
  },
  {
    kind: 'writable',
    path: 'military.serviceEnd',
    type: 'date',
    description:
      'The date service ended, or null while still serving; input `military.serviceEnd`.',
    citations: [citations.ina328],
  },
  {
    kind: 'writable',
    path: 'military.duringHostilities',
    type: 'boolean',
    description:
      'Whether the person served during a period of hostilities designated under INA 329 (since Sept. 11, 2001 under Executive Order 13269); input `military.duringHostilities`.',
    citations: [citations.ina329, citations.pmMilitary329],
  },
  {
    kind: 'writable',
    path: 'children',
    sensitive: { subject: 'immigration-status', neededBy: 'children-derive-citizenship' },
    type: 'list',
    description:
      'Children, as { birthDate, isLpr, livesWithApplicant }, for automatic citizenship when the parent naturalizes. Not given: not asked.',
    citations: [citations.ina320, citations.pmChildren],
  },
];
