import { addMonths, addYears, type Day, parseDay, wholeYearsBetween } from '../../engine/dates.ts';
import { type ParameterSet, parameterNamespace } from '../../engine/parameters.ts';
import type { Fact, Program, Tristate } from '../../engine/program.ts';
import { unknown } from '../../engine/program.ts';
import {
  type Child,
  citations,
  type NaturalizationFacts,
  type Path,
  type PathAssessment,
  type PathRule,
  parseNaturalizationInput,
  type TestExemption,
  writableFacts,
} from './facts.ts';
import {
  absentDays,
  firstDateWithPresence,
  hasPresumedBreak,
  longestTrip,
  residenceRestartDate,
  type Trip,
} from './trips.ts';

type F = NaturalizationFacts;

const parameter = parameterNamespace('uscis/naturalization/');

/** A value the law sets for each residence path. */
interface ByResidencePath<T> {
  general: T;
  spouse_of_citizen: T;
}
type ResidencePath = keyof ByResidencePath<unknown>;

interface AbsenceThresholds {
  presumption_over_days: number;
  break_from_days: number;
}

interface PeacetimeService {
  minimum_years: number;
  filing_months_after_separation: number;
}

interface Exemption {
  name: TestExemption;
  min_age: number;
  lpr_years: number;
}

function byPath<T>(parameters: ParameterSet, name: string, day: Day, path: ResidencePath): T {
  return (parameters.get(parameter(name), day) as unknown as ByResidencePath<T>)[path];
}

/** Designated periods of hostilities as day numbers, parsed once per parameter value. */
const parsedPeriods = new WeakMap<object, readonly number[]>();

function hostilityPeriods(parameters: ParameterSet, day: Day): readonly number[] {
  const value = parameters.get(parameter('hostilities-periods'), day) as unknown as readonly {
    from: string;
    to: string | null;
  }[];
  let periods = parsedPeriods.get(value);
  if (!periods) {
    periods = value.flatMap((period) => [
      parseDay(period.from) as number,
      period.to === null ? Number.POSITIVE_INFINITY : (parseDay(period.to) as number),
    ]);
    parsedPeriods.set(value, periods);
  }
  return periods;
}

/** Both verdicts together: false wins, then "needs review", then true. */
function both(a: Tristate, b: Tristate): Tristate {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

/**
 * A path the person cannot use at all (no citizen spouse, no qualifying
 * service). Built once: the same answer for everyone it applies to.
 */
function unavailable(path: Path, marriage: boolean, service: boolean): PathAssessment {
  return Object.freeze({
    path,
    status: false,
    earliest: null,
    age: true,
    residence: true,
    continuity: true,
    presence: true,
    stateResidence: true,
    marriage,
    service,
    years: null,
    residenceDate: null,
    continuityDate: null,
    longestTrip: 0,
    presenceDays: null,
    presenceRequired: null,
    marriageDate: null,
    serviceDate: null,
  });
}

const noSpousePath = unavailable('3-year-spouse', false, true);
const no328Path = unavailable('military-328', true, false);
const no329Path = unavailable('military-329', true, false);

interface ResidenceAnswers {
  filingDate: Day;
  adultDate: Day;
  lprDate: Day;
  stateResidenceDate: Day;
  earlyFilingDays: number;
  trips: readonly Trip[];
}

/**
 * The general (INA 316(a)) and spouse (INA 319(a)) paths: years as a
 * permanent resident (early filing allowed), continuous residence, physical
 * presence, state residence, age — and for the spouse path, the marriage.
 * The earliest date is the latest of the dates each requirement is first
 * met, moved on until physical presence is met too.
 */
function assessResidencePath(
  path: Path,
  kind: ResidencePath,
  answers: ResidenceAnswers,
  marriageDate: Day | null,
  parameters: ParameterSet,
): PathAssessment {
  const { filingDate, adultDate, lprDate, stateResidenceDate, earlyFilingDays, trips } = answers;
  const years = byPath<number>(parameters, 'residence-years', filingDate, kind);
  const presenceRequired = byPath<number>(parameters, 'physical-presence-days', filingDate, kind);
  const thresholds = parameters.get(
    parameter('absence-thresholds'),
    filingDate,
  ) as unknown as AbsenceThresholds;
  const restartAfter = byPath<{ years: number; days: number }>(
    parameters,
    'new-residence-after-break',
    filingDate,
    kind,
  );

  const residenceDate = addYears(lprDate, years) - earlyFilingDays;
  const windowStart = addYears(filingDate, -years);
  const restart = residenceRestartDate(
    trips,
    filingDate,
    thresholds.break_from_days,
    restartAfter.years,
    restartAfter.days,
  );
  const presenceDays = filingDate - windowStart - absentDays(trips, windowStart, filingDate);

  const age = filingDate >= adultDate;
  const residence = filingDate >= residenceDate;
  const continuity =
    restart !== undefined && filingDate < restart
      ? false
      : hasPresumedBreak(
            trips,
            windowStart,
            filingDate,
            thresholds.presumption_over_days,
            thresholds.break_from_days,
          )
        ? null
        : true;
  const presence = presenceDays >= presenceRequired;
  const stateResidence = filingDate >= stateResidenceDate;
  const marriage = marriageDate === null || filingDate >= marriageDate;

  let from = Math.max(adultDate, residenceDate, stateResidenceDate);
  if (restart !== undefined && restart > from) from = restart;
  if (marriageDate !== null && marriageDate > from) from = marriageDate;
  // Short of presence on the filing date: the answer is no, and the first
  // date to name is a later one, even if presence was met at some earlier date.
  if (!presence && from < filingDate) from = filingDate;
  const earliest = firstDateWithPresence(trips, from, years, presenceRequired);

  return {
    path,
    status: both(
      both(both(age, residence), both(continuity, presence)),
      both(stateResidence, marriage),
    ),
    earliest,
    age,
    residence,
    continuity,
    presence,
    stateResidence,
    marriage,
    service: true,
    years,
    residenceDate,
    continuityDate: restart ?? null,
    longestTrip: longestTrip(trips, windowStart, filingDate),
    presenceDays,
    presenceRequired,
    marriageDate,
    serviceDate: null,
  };
}

/** The first day of service that falls in a designated period of hostilities, if any. */
function firstDayInHostilities(
  periods: readonly number[],
  serviceStart: Day,
  serviceEnd: Day | null,
): Day | undefined {
  const end = serviceEnd ?? Number.POSITIVE_INFINITY;
  let first: Day | undefined;
  for (let i = 0; i < periods.length; i += 2) {
    const from = Math.max(serviceStart, periods[i] as number);
    if (from <= Math.min(end, periods[i + 1] as number) && (first === undefined || from < first)) {
      first = from;
    }
  }
  return first;
}

/** The military paths have no residence, presence or state requirement to check. */
function militaryAssessment(
  path: Path,
  age: boolean,
  residence: boolean,
  service: boolean,
  earliest: Day | null,
  residenceDate: Day | null,
  serviceDate: Day,
): PathAssessment {
  return {
    path,
    status: age && residence && service,
    earliest,
    age,
    residence,
    continuity: true,
    presence: true,
    stateResidence: true,
    marriage: true,
    service,
    years: null,
    residenceDate,
    continuityDate: null,
    longestTrip: 0,
    presenceDays: null,
    presenceRequired: null,
    marriageDate: null,
    serviceDate,
  };
}

const pathRules: Record<Path, PathRule> = {
  '5-year': 'general',
  '3-year-spouse': 'spouse',
  'military-328': 'military328',
  'military-329': 'military329',
};

/**
 * Which path to report. A path that allows filing on the filing date wins,
 * the most favourable first: service during hostilities (no age, residence
 * or presence rule; no fee), one year of service (no residence or presence
 * rule; no fee), the general path (nothing depends on a marriage lasting to
 * the oath), the spouse path. Then a path that needs review. Otherwise the
 * path that allows filing soonest. A path not yet known leaves the choice
 * open unless another already allows filing.
 */
function choosePath(
  a: PathAssessment | undefined,
  b: PathAssessment | undefined,
  c: PathAssessment | undefined,
  d: PathAssessment | undefined,
): PathAssessment | typeof unknown {
  if (a?.status === true) return a;
  if (b?.status === true) return b;
  if (c?.status === true) return c;
  if (d?.status === true) return d;
  if (a === undefined || b === undefined || c === undefined || d === undefined) return unknown;
  if (a.status === null) return a;
  if (b.status === null) return b;
  if (c.status === null) return c;
  if (d.status === null) return d;
  return soonest(soonest(a, b), soonest(c, d)) ?? unknown;
}

/** The path that allows filing sooner; the first on a tie; undefined when neither ever does. */
function soonest(
  a: PathAssessment | undefined,
  b: PathAssessment | undefined,
): PathAssessment | undefined {
  if (a?.earliest == null) return b?.earliest == null ? undefined : b;
  if (b?.earliest == null) return a;
  return b.earliest < a.earliest ? b : a;
}

/** Children who would become citizens with the parent, and whether some cannot be told yet. */
function childrenDeriving(children: readonly Child[], filingDate: Day, underAge: number) {
  let count = 0;
  let undetermined = 0;
  for (const child of children) {
    const { birthDate, isLpr, livesWithApplicant } = child;
    if (
      isLpr === false ||
      livesWithApplicant === false ||
      (birthDate !== undefined &&
        (birthDate > filingDate || addYears(birthDate, underAge) <= filingDate))
    ) {
      continue;
    }
    if (birthDate === undefined || isLpr === undefined || livesWithApplicant === undefined) {
      undetermined++;
    } else {
      count++;
    }
  }
  return count > 0 ? count : undetermined > 0 ? -1 : 0;
}

const derivedFacts: Fact<F>[] = [
  {
    kind: 'derived',
    path: 'minimumAge',
    type: 'integer',
    description:
      'The age a person must have reached to file (18), except through service during hostilities.',
    citations: [citations.ina334, citations.pmGeneral, citations.pmMilitary329],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number(parameter('minimum-age'), filingDate),
  },
  {
    kind: 'derived',
    path: 'earlyFilingDays',
    type: 'integer',
    description:
      'How many days before completing the years as a permanent resident the 5-year and 3-year paths may file (90).',
    citations: [citations.ina334, citations.cfr334_2, citations.earlyFilingCalculator],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number(parameter('early-filing-days'), filingDate),
  },
  {
    kind: 'derived',
    path: 'stateResidenceMonths',
    type: 'integer',
    description: 'Months of residence in the state or USCIS district before filing (3).',
    citations: [citations.ina316, citations.cfr316_2, citations.pmStateResidence],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) =>
      parameters.number(parameter('state-residence-months'), filingDate),
  },
  {
    kind: 'derived',
    path: 'civicsTest',
    type: 'string',
    description:
      'The civics test version for an N-400 filed on the filing date: "2008" before October 20, 2025, "2025" from that date.',
    citations: [citations.civics2025, citations.civicsTestPage],
    needs: ['filingDate'],
    compute: ({ filingDate }, { parameters }) => {
      const version = parameters.get(parameter('civics-test'), filingDate);
      if (version !== '2008' && version !== '2025') {
        throw new TypeError(`civics-test has an unknown version ${String(version)}`);
      }
      return version;
    },
  },
  {
    kind: 'derived',
    path: 'adultDate',
    type: 'date',
    description:
      'The date the person reaches the minimum age (a 29 February birthday counts from 1 March in a common year).',
    citations: [citations.ina334, citations.pmGeneral],
    needs: ['birthDate', 'minimumAge'],
    compute: ({ birthDate, minimumAge }) => addYears(birthDate, minimumAge),
  },
  {
    kind: 'derived',
    path: 'age',
    type: 'integer',
    description: 'Age in whole years on the filing date.',
    citations: [citations.ina334, citations.cfr312_1],
    needs: ['birthDate', 'filingDate'],
    compute: ({ birthDate, filingDate }) => wholeYearsBetween(birthDate, filingDate),
  },
  {
    kind: 'derived',
    path: 'stateResidenceDate',
    type: 'date',
    description:
      'The first date the state residence requirement is met: 3 calendar months after moving to the state (no early filing).',
    citations: [citations.ina316, citations.cfr316_2, citations.pmStateResidence],
    needs: ['stateResidenceSince', 'stateResidenceMonths'],
    compute: ({ stateResidenceSince, stateResidenceMonths }) =>
      addMonths(stateResidenceSince, stateResidenceMonths),
  },
  {
    kind: 'derived',
    path: 'generalPath',
    type: 'object',
    description:
      'The general path (INA 316(a)) on the filing date: 5 years as a permanent resident (filing up to 90 days early), no trip breaking continuous residence in those 5 years (a trip of a year or more breaks it, and filing is possible again 4 years and 1 day after the return; a trip of more than 180 days needs review), at least 913 days present in the 5 years before filing, 3 months in the state, age 18 — and the first date all are met.',
    citations: [
      citations.ina316,
      citations.ina316b,
      citations.ina334,
      citations.cfr316_5,
      citations.cfr334_2,
      citations.pmContinuity,
      citations.pmPresence,
    ],
    needs: ['filingDate', 'adultDate', 'lprDate', 'stateResidenceDate', 'earlyFilingDays', 'trips'],
    compute: (values, { parameters }) =>
      assessResidencePath('5-year', 'general', values, null, parameters),
  },
  {
    kind: 'derived',
    path: 'spousePath',
    type: 'object',
    description:
      'The spouse path (INA 319(a)) on the filing date: married to and living with a U.S. citizen, the marriage and the spouse’s citizenship both at least 3 years old (no early filing for these), 3 years as a permanent resident (filing up to 90 days early), continuous residence (filing again 2 years and 1 day after a break), at least 548 days present in the 3 years before filing, 3 months in the state, age 18. Not available without a citizen spouse one lives with.',
    citations: [
      citations.ina319,
      citations.ina334,
      citations.cfr316_5,
      citations.cfr334_2,
      citations.pmSpouse,
    ],
    needs: ['spouse.isCitizen', 'filingDate'],
    optional: [
      'spouse.livingTogether',
      'spouse.citizenSince',
      'spouse.marriedSince',
      'adultDate',
      'lprDate',
      'stateResidenceDate',
      'earlyFilingDays',
      'trips',
    ],
    compute: (values, { parameters }) => {
      if (!values['spouse.isCitizen']) return noSpousePath;
      if (values['spouse.livingTogether'] === false) {
        return noSpousePath;
      }
      const citizenSince = values['spouse.citizenSince'];
      const marriedSince = values['spouse.marriedSince'];
      if (
        values['spouse.livingTogether'] === undefined ||
        citizenSince === undefined ||
        marriedSince === undefined ||
        values.adultDate === undefined ||
        values.lprDate === undefined ||
        values.stateResidenceDate === undefined ||
        values.earlyFilingDays === undefined ||
        values.trips === undefined
      ) {
        return unknown;
      }
      const years = byPath<number>(
        parameters,
        'residence-years',
        values.filingDate,
        'spouse_of_citizen',
      );
      const marriageDate = Math.max(addYears(citizenSince, years), addYears(marriedSince, years));
      return assessResidencePath(
        '3-year-spouse',
        'spouse_of_citizen',
        values,
        marriageDate,
        parameters,
      );
    },
  },
  {
    kind: 'derived',
    path: 'military328Path',
    type: 'object',
    description:
      'One year of honorable military service (INA 328): a permanent resident aged 18 who has served a year and files while serving or within 6 months of leaving needs no continuous residence, physical presence or state residence. Not available without honorable service, or once the 6 months have passed.',
    citations: [citations.ina328, citations.pmMilitary328],
    needs: ['military', 'filingDate'],
    optional: [
      'military.honorablyServed',
      'military.serviceStart',
      'military.serviceEnd',
      'lprDate',
      'adultDate',
    ],
    compute: (values, { parameters }) => {
      const { filingDate, lprDate, adultDate } = values;
      const honorable = values['military.honorablyServed'];
      if (!values.military || honorable === false) return no328Path;
      const serviceStart = values['military.serviceStart'];
      const serviceEnd = values['military.serviceEnd'];
      if (
        honorable === undefined ||
        serviceStart === undefined ||
        serviceEnd === undefined ||
        lprDate === undefined ||
        adultDate === undefined
      ) {
        return unknown;
      }
      const rule = parameters.get(
        parameter('military-peacetime-service'),
        filingDate,
      ) as unknown as PeacetimeService;
      const serviceDate = addYears(serviceStart, rule.minimum_years);
      const deadline =
        serviceEnd === null ? null : addMonths(serviceEnd, rule.filing_months_after_separation);
      if (
        (serviceEnd !== null && serviceEnd < serviceDate) ||
        (deadline !== null && filingDate > deadline)
      ) {
        return no328Path;
      }
      const earliest = Math.max(serviceDate, lprDate, adultDate);
      return militaryAssessment(
        'military-328',
        filingDate >= adultDate,
        filingDate >= lprDate,
        filingDate >= serviceDate,
        deadline !== null && earliest > deadline ? null : earliest,
        lprDate,
        serviceDate,
      );
    },
  },
  {
    kind: 'derived',
    path: 'military329Path',
    type: 'object',
    description:
      'Honorable military service of any length during a designated period of hostilities (INA 329; since September 11, 2001 under Executive Order 13269): any age, no years as a permanent resident, continuous residence, physical presence or state residence. Service during hostilities is the person’s answer, or else worked out from the service dates.',
    citations: [citations.ina329, citations.pmMilitary329],
    needs: ['military', 'filingDate'],
    optional: [
      'military.honorablyServed',
      'military.serviceStart',
      'military.serviceEnd',
      'military.duringHostilities',
    ],
    compute: (values, { parameters }) => {
      const { filingDate } = values;
      const honorable = values['military.honorablyServed'];
      const during = values['military.duringHostilities'];
      if (!values.military || honorable === false || during === false) {
        return no329Path;
      }
      const serviceStart = values['military.serviceStart'];
      const serviceEnd = values['military.serviceEnd'];
      if (honorable === undefined || serviceStart === undefined || serviceEnd === undefined) {
        return unknown;
      }
      const first = firstDayInHostilities(
        hostilityPeriods(parameters, filingDate),
        serviceStart,
        serviceEnd,
      );
      // The person's own answer stands for a period the list does not hold.
      const serviceDate = first ?? (during === true ? serviceStart : undefined);
      if (serviceDate === undefined) return no329Path;
      return militaryAssessment(
        'military-329',
        true,
        true,
        filingDate >= serviceDate,
        serviceDate,
        null,
        serviceDate,
      );
    },
  },
  {
    kind: 'derived',
    path: 'pathAssessment',
    type: 'object',
    description:
      'The path reported: the most favourable that allows filing on the filing date (service during hostilities, one year of service, the general path, the spouse path), else one that needs review, else the one that allows filing soonest.',
    citations: [citations.ina316, citations.ina319, citations.ina328, citations.ina329],
    needs: [],
    optional: ['military329Path', 'military328Path', 'generalPath', 'spousePath'],
    compute: ({ military329Path, military328Path, generalPath, spousePath }) =>
      choosePath(military329Path, military328Path, generalPath, spousePath),
  },
  {
    kind: 'derived',
    path: 'path',
    type: 'string',
    description:
      'The path reported: "5-year" (INA 316(a)), "3-year-spouse" (INA 319(a)), "military-328" or "military-329".',
    citations: [citations.ina316, citations.ina319, citations.ina328, citations.ina329],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.path,
  },
  {
    kind: 'derived',
    path: 'pathRule',
    type: 'string',
    description:
      'The reported path as a word messages can select on (general, spouse, military328, military329).',
    citations: [citations.ina316, citations.ina319, citations.ina328, citations.ina329],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathRules[pathAssessment.path],
  },
  {
    kind: 'derived',
    path: 'earliestFilingDate',
    type: 'date',
    description:
      'The first date the reported path allows filing: on or before the filing date when the person may file, after it when not (assuming no further trips).',
    citations: [citations.earlyFilingCalculator, citations.cfr334_2, citations.cfr316_5],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.earliest,
  },
  {
    kind: 'derived',
    path: 'physicalPresenceDays',
    type: 'integer',
    description:
      'Days present in the United States in the reported path’s window before the filing date (5 or 3 years; departure and return days count as present). The military paths have no window: the 5-year figure is given when known.',
    citations: [citations.ina316, citations.pmPresence],
    needs: ['pathAssessment'],
    optional: ['generalPath'],
    compute: ({ pathAssessment, generalPath }) =>
      pathAssessment.presenceDays ?? generalPath?.presenceDays ?? null,
  },
  {
    kind: 'derived',
    path: 'residenceYears',
    type: 'integer',
    description: 'Years of the reported path’s residence and presence window (5 or 3).',
    citations: [citations.ina316, citations.ina319],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.years,
  },
  {
    kind: 'derived',
    path: 'residenceDate',
    type: 'date',
    description:
      'The first date the years as a permanent resident allow filing on the reported path (early filing included); the permanent residence date on the one-year service path.',
    citations: [citations.ina334, citations.cfr334_2, citations.earlyFilingCalculator],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.residenceDate,
  },
  {
    kind: 'derived',
    path: 'continuityDate',
    type: 'date',
    description:
      'After a trip of a year or more, the first date filing is possible again: 4 years and 1 day (5-year path) or 2 years and 1 day (spouse path) after the return.',
    citations: [citations.cfr316_5, citations.pmContinuity],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.continuityDate,
  },
  {
    kind: 'derived',
    path: 'longestTripDays',
    type: 'integer',
    description:
      'The longest trip in the reported path’s window, in days (return minus departure).',
    citations: [citations.ina316b, citations.cfr316_5],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.longestTrip,
  },
  {
    kind: 'derived',
    path: 'presenceRequired',
    type: 'integer',
    description: 'Days of physical presence the reported path requires (913 or 548).',
    citations: [citations.ina316, citations.ina319, citations.pmPresence],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.presenceRequired,
  },
  {
    kind: 'derived',
    path: 'marriageDate',
    type: 'date',
    description:
      'On the spouse path, the first date the marriage and the spouse’s citizenship are both 3 years old.',
    citations: [citations.ina319, citations.pmSpouse],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.marriageDate,
  },
  {
    kind: 'derived',
    path: 'militaryServiceDate',
    type: 'date',
    description:
      'On a military path, the first date the service qualifies: a year after it began (INA 328), or its first day in a period of hostilities (INA 329).',
    citations: [citations.ina328, citations.ina329],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.serviceDate,
  },
  {
    kind: 'derived',
    path: 'meetsAge',
    type: 'tristate',
    description: 'Old enough on the filing date for the reported path (any age on INA 329).',
    citations: [citations.ina334, citations.pmGeneral, citations.pmMilitary329],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.age,
  },
  {
    kind: 'derived',
    path: 'meetsResidencePeriod',
    type: 'tristate',
    description:
      'A permanent resident long enough on the filing date: 5 or 3 years less the 90-day early filing; a permanent resident on the one-year service path; not needed on INA 329.',
    citations: [citations.ina316, citations.ina319, citations.ina334, citations.cfr334_2],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.residence,
  },
  {
    kind: 'derived',
    path: 'meetsContinuousResidence',
    type: 'tristate',
    description:
      'Continuous residence in the window: false while a trip of a year or more still breaks it, null (needs review) after a trip of more than 180 days and less than a year, true otherwise and on the military paths.',
    citations: [citations.ina316b, citations.cfr316_5, citations.pmContinuity, citations.n470],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.continuity,
  },
  {
    kind: 'derived',
    path: 'meetsPhysicalPresence',
    type: 'tristate',
    description:
      'Enough days present in the window before filing; not needed on the military paths.',
    citations: [citations.ina316, citations.ina319, citations.pmPresence],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.presence,
  },
  {
    kind: 'derived',
    path: 'meetsStateResidence',
    type: 'tristate',
    description: '3 months in the state before filing; not needed on the military paths.',
    citations: [citations.ina316, citations.cfr316_2, citations.pmStateResidence, citations.ina328],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.stateResidence,
  },
  {
    kind: 'derived',
    path: 'meetsMarriage',
    type: 'tristate',
    description:
      'On the spouse path, married to and living with a spouse who has been a citizen for 3 years; met on the other paths, which do not ask it.',
    citations: [citations.ina319, citations.pmSpouse],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.marriage,
  },
  {
    kind: 'derived',
    path: 'meetsMilitaryService',
    type: 'tristate',
    description:
      'On a military path, qualifying honorable service by the filing date; met on the other paths, which do not ask it.',
    citations: [citations.ina328, citations.ina329],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.service,
  },
  {
    kind: 'derived',
    path: 'mayFile',
    type: 'tristate',
    description:
      'May the person file Form N-400 on the filing date on the reported path (null when part of it needs review).',
    citations: [citations.ina334, citations.earlyFilingCalculator],
    needs: ['pathAssessment'],
    compute: ({ pathAssessment }) => pathAssessment.status,
  },
  {
    kind: 'derived',
    path: 'testExemption',
    type: 'string',
    description:
      'The most favourable exception to the English test on the filing date — "65/20" (65 or older and 20 years a permanent resident; also a shorter civics test), "55/15", "50/20" — or null.',
    citations: [citations.ina312, citations.cfr312_1, citations.cfr312_2, citations.pmEnglish],
    needs: ['age', 'lprDate', 'filingDate'],
    compute: ({ age, lprDate, filingDate }, { parameters }) => {
      const exemptions = parameters.get(
        parameter('english-exemptions'),
        filingDate,
      ) as unknown as readonly Exemption[];
      const lprYears = wholeYearsBetween(lprDate, filingDate);
      for (const exemption of exemptions) {
        if (age >= exemption.min_age && lprYears >= exemption.lpr_years) return exemption.name;
      }
      return null;
    },
  },
  {
    kind: 'derived',
    path: 'hasTestExemption',
    type: 'tristate',
    description: 'Whether an age-and-residence exception to the English test applies.',
    citations: [citations.cfr312_1, citations.pmEnglish],
    needs: ['testExemption'],
    compute: ({ testExemption }) => testExemption !== null,
  },
  {
    kind: 'derived',
    path: 'takesCivicsTest2025',
    type: 'tristate',
    description:
      'Whether the person takes the 2025 civics test (filed on or after October 20, 2025).',
    citations: [citations.civics2025, citations.civicsTestPage],
    needs: ['civicsTest'],
    compute: ({ civicsTest }) => civicsTest === '2025',
  },
  {
    kind: 'derived',
    path: 'childrenDeriving',
    type: 'integer',
    description:
      'How many of the children listed are under 18 on the filing date, permanent residents and living with the person: they become citizens automatically when the parent naturalizes (if still under 18 then). Null when no children are listed, −1 when some cannot be told yet.',
    citations: [citations.ina320, citations.pmChildren],
    needs: ['filingDate'],
    optional: ['children'],
    compute: ({ children, filingDate }, { parameters }) =>
      children === undefined
        ? null
        : childrenDeriving(
            children,
            filingDate,
            parameters.number(parameter('child-citizenship-age'), filingDate),
          ),
  },
  {
    kind: 'derived',
    path: 'childrenDeriveCitizenship',
    type: 'tristate',
    description:
      'Whether a child would become a citizen automatically with the parent (INA 320): null when no children are listed or it cannot be told yet.',
    citations: [citations.ina320, citations.pmChildren],
    needs: ['childrenDeriving'],
    compute: ({ childrenDeriving }) =>
      childrenDeriving === null || childrenDeriving < 0 ? null : childrenDeriving > 0,
  },
];

/**
 * `naturalization`: may this person file Form N-400 on the filing date? It
 * checks the general path (INA 316(a)), the path for spouses of U.S.
 * citizens (INA 319(a)) and the military paths (INA 328, 329) and reports
 * one, with the first date it allows filing. Good moral character,
 * attachment to the Constitution and the tests themselves cannot be worked
 * out from dates and are not asked.
 */
export const naturalization: Program<F> = {
  id: 'naturalization',
  kind: 'law',
  title: 'naturalization.title',
  citations: [citations.ina316, citations.ina319, citations.ina334, citations.pmGeneral],
  facts: [...writableFacts, ...derivedFacts],
  criteria: [
    {
      rule: 'age',
      fact: 'meetsAge',
      citations: [citations.ina334, citations.pmGeneral, citations.pmMilitary329],
      message: 'naturalization.meetsAge',
      messageValues: ['pathRule', 'age', 'minimumAge', 'adultDate'],
    },
    {
      rule: 'permanent-residence',
      fact: 'meetsResidencePeriod',
      citations: [citations.ina316, citations.ina319, citations.ina334, citations.cfr334_2],
      message: 'naturalization.meetsResidencePeriod',
      messageValues: ['pathRule', 'residenceYears', 'earlyFilingDays', 'residenceDate'],
    },
    {
      rule: 'continuous-residence',
      fact: 'meetsContinuousResidence',
      citations: [citations.ina316b, citations.cfr316_5, citations.pmContinuity],
      message: 'naturalization.meetsContinuousResidence',
      messageValues: ['pathRule', 'residenceYears', 'longestTripDays', 'continuityDate'],
    },
    {
      rule: 'physical-presence',
      fact: 'meetsPhysicalPresence',
      citations: [citations.ina316, citations.ina319, citations.pmPresence],
      message: 'naturalization.meetsPhysicalPresence',
      messageValues: ['pathRule', 'physicalPresenceDays', 'residenceYears', 'presenceRequired'],
    },
    {
      rule: 'state-residence',
      fact: 'meetsStateResidence',
      citations: [citations.ina316, citations.cfr316_2, citations.pmStateResidence],
      message: 'naturalization.meetsStateResidence',
      messageValues: ['pathRule', 'stateResidenceMonths', 'stateResidenceDate'],
    },
    {
      rule: 'marriage-to-citizen',
      fact: 'meetsMarriage',
      citations: [citations.ina319, citations.pmSpouse],
      message: 'naturalization.meetsMarriage',
      messageValues: ['pathRule', 'residenceYears', 'marriageDate'],
    },
    {
      rule: 'military-service',
      fact: 'meetsMilitaryService',
      citations: [citations.ina328, citations.ina329, citations.pmMilitary328],
      message: 'naturalization.meetsMilitaryService',
      messageValues: ['pathRule', 'militaryServiceDate'],
    },
    {
      rule: 'filing-date',
      fact: 'mayFile',
      citations: [citations.ina334, citations.earlyFilingCalculator],
      message: 'naturalization.mayFile',
      messageValues: ['earliestFilingDate'],
      informational: true,
    },
    {
      rule: 'english-test-exemption',
      fact: 'hasTestExemption',
      citations: [citations.ina312, citations.cfr312_1, citations.cfr312_2],
      message: 'naturalization.hasTestExemption',
      messageValues: ['testExemption'],
      informational: true,
    },
    {
      rule: 'civics-test',
      fact: 'takesCivicsTest2025',
      citations: [citations.civics2025, citations.civicsTestPage],
      message: 'naturalization.takesCivicsTest2025',
      informational: true,
    },
    {
      rule: 'children-derive-citizenship',
      fact: 'childrenDeriveCitizenship',
      citations: [citations.ina320, citations.pmChildren],
      message: 'naturalization.childrenDeriveCitizenship',
      messageValues: ['childrenDeriving'],
      informational: true,
    },
  ],
  outputs: ['path', 'earliestFilingDate', 'physicalPresenceDays', 'testExemption', 'civicsTest'],
  parseInput: parseNaturalizationInput,
};
