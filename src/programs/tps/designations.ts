import { z } from 'zod';
import { formatCitation } from '../../engine/citation.ts';
import { type Day, formatDay, parseDay } from '../../engine/dates.ts';
import { type Parameter, type ParameterSet, RulesNotCovered } from '../../engine/parameters.ts';

/**
 * TPS designations as dated events, decoded from ordinary parameter files.
 *
 * Each designation is one parameter under `dhs/tps/designations/<id>`: its
 * values are keyed by the date an event takes effect, and each value is an
 * event (or a list of events on the same day) with its own citation. The
 * generic loader checks that every value is dated and the file cited; this
 * module checks the events' shape and folds them, once per parameter set,
 * into a timeline of states, so that deciding a case is a short backwards
 * scan over integers.
 */

export const designationsPrefix = 'dhs/tps/designations/';
export const dataReviewParameter = 'dhs/tps/data-review';

/** The status of a designation on a date, as the program reports it. */
export type DesignationStatus =
  | 'active'
  | 'terminated'
  | 'stayed'
  | 'no-decision'
  | 'not-designated';

/**
 * What holds from `from` until the next state. `active` becomes
 * `no-decision` on the days after `designatedThrough` (see {@link statusOn}).
 */
export interface DesignationState {
  readonly from: Day;
  readonly kind: 'active' | 'terminated' | 'stayed' | 'not-designated';
  /** The last day of TPS under the decisions in force (a pending termination's effective date included). */
  readonly designatedThrough: Day | null;
  /** Continuous-residence date set by the most recent designation or redesignation. */
  readonly residenceSince: Day | null;
  /** Continuous-physical-presence date set by the most recent designation or redesignation. */
  readonly presenceSince: Day | null;
  /** The effective date of a termination announced or in force: TPS ends at the end of that day. */
  readonly terminationDate: Day | null;
  /** The notice or order this state rests on, as `title <href>`. */
  readonly decision: string | null;
}

export interface Designation {
  readonly id: string;
  /** The id as an ICU select key, which cannot hold a hyphen: `el-salvador` → `elSalvador`. */
  readonly messageKey: string;
  /** ISO 3166-1 alpha-2 code of the designated country. */
  readonly country: string;
  readonly states: readonly DesignationState[];
}

export interface TpsData {
  readonly designations: ReadonlyMap<string, Designation>;
  /** Designations by ISO code, by id, and by id without a trailing year (`venezuela`), oldest first. */
  readonly byNationality: ReadonlyMap<string, readonly Designation[]>;
}

export class TpsDataError extends Error {
  override name = 'TpsDataError';
}

/** Before a designation's first event, and for a country never designated. */
export const notDesignated: DesignationState = Object.freeze({
  from: Number.NEGATIVE_INFINITY,
  kind: 'not-designated',
  designatedThrough: null,
  residenceSince: null,
  presenceSince: null,
  terminationDate: null,
  decision: null,
});

const isoDay = z.string().transform((value, context) => {
  const day = parseDay(value);
  if (day === undefined) {
    context.addIssue({ code: 'custom', message: 'not a YYYY-MM-DD date' });
    return z.NEVER;
  }
  return day;
});

const citation = z.strictObject({
  title: z.string().min(3),
  href: z.url(),
  quote: z.string().optional(),
});

/** Shared by every event: the source, and a note for what could not be verified. */
const sourced = { citation, note: z.string().optional() };

const eventSchema = z.discriminatedUnion('event', [
  z.strictObject({
    event: z.literal('designation'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    continuous_residence_since: isoDay.nullable(),
    continuous_presence_since: isoDay.nullable(),
    designated_through: isoDay,
    ...sourced,
  }),
  z.strictObject({
    event: z.literal('redesignation'),
    continuous_residence_since: isoDay,
    continuous_presence_since: isoDay,
    designated_through: isoDay,
    ...sourced,
  }),
  z.strictObject({ event: z.literal('extension'), designated_through: isoDay, ...sourced }),
  z.strictObject({
    event: z.literal('automatic-extension'),
    designated_through: isoDay,
    ...sourced,
  }),
  z.strictObject({ event: z.literal('vacatur'), designated_through: isoDay, ...sourced }),
  z.strictObject({
    event: z.literal('vacatur-set-aside'),
    designated_through: isoDay,
    ...sourced,
  }),
  z.strictObject({ event: z.literal('termination-announced'), effective: isoDay, ...sourced }),
  z.strictObject({ event: z.literal('termination'), ...sourced }),
  z.strictObject({ event: z.literal('court-stay'), ...sourced }),
  z.strictObject({ event: z.literal('stay-lifted'), ...sourced }),
]);

export type TpsEvent = z.infer<typeof eventSchema>;

const entrySchema = z.union([eventSchema, z.array(eventSchema).min(1)]);

interface Timed {
  /** The date the file keys the event by. */
  key: Day;
  /** The first day the event changes the state: a termination ends TPS at the end of its day. */
  day: Day;
  order: number;
  event: TpsEvent;
}

/**
 * Folds one designation's events into states. Event effects:
 * - `designation` starts (or restarts) the designation with its own dates;
 * - `redesignation` sets new residence and presence dates and an end date;
 * - `extension`, `automatic-extension` (INA 244(b)(3)(C)), `vacatur` (DHS
 *   withdraws an earlier decision) and `vacatur-set-aside` (a court undoes
 *   that) set the date the designation runs through;
 * - `termination-announced` sets the termination's effective date, through
 *   which TPS continues;
 * - `termination` ends TPS at the end of its day (notices say "effective at
 *   11:59 p.m., local time");
 * - `court-stay` (a stay, postponement or vacatur of a termination by a
 *   court) and `stay-lifted` (a higher court lets the termination proceed)
 *   make a pending or effective termination `stayed` or not.
 */
export function buildDesignation(id: string, parameter: Parameter): Designation {
  const where = (day: Day) => `${parameter.name} ${formatDay(day)}`;
  const timed: Timed[] = [];
  for (const { from, value } of parameter.values) {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TpsDataError(`${where(from)}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    for (const event of events) {
      timed.push({
        key: from,
        day: event.event === 'termination' ? from + 1 : from,
        order: timed.length,
        event,
      });
    }
  }
  const first = timed[0];
  if (first?.event.event !== 'designation' || first.event.country === undefined) {
    throw new TpsDataError(
      `${parameter.name}: the first event must be a designation with a country`,
    );
  }
  const country = first.event.country;
  const terminations = new Set(
    timed.filter((t) => t.event.event === 'termination').map((t) => t.key),
  );
  for (const t of timed) {
    if (t !== first && t.event.event === 'designation' && t.event.country !== undefined) {
      throw new TpsDataError(`${where(t.key)}: only the first designation names the country`);
    }
    if (t.event.event === 'termination-announced' && !terminations.has(t.event.effective)) {
      throw new TpsDataError(
        `${where(t.key)}: no termination event on its effective date ${formatDay(t.event.effective)}`,
      );
    }
  }
  timed.sort((a, b) => a.day - b.day || a.order - b.order);

  const states: DesignationState[] = [];
  let residenceSince: Day | null = null;
  let presenceSince: Day | null = null;
  let through: Day | null = null;
  let pending: Day | null = null;
  let terminationDate: Day | null = null;
  let terminated = false;
  let stayed = false;
  let terminationSource: string | null = null;
  let staySource: string | null = null;
  let liftSource: string | null = null;
  for (const { day, event } of timed) {
    const source = formatCitation(event.citation);
    switch (event.event) {
      case 'designation':
      case 'redesignation':
        if (event.event === 'designation') {
          pending = null;
          terminationDate = null;
          terminated = false;
          stayed = false;
          terminationSource = null;
          staySource = null;
          liftSource = null;
        }
        residenceSince = event.continuous_residence_since;
        presenceSince = event.continuous_presence_since;
        through = event.designated_through;
        break;
      case 'extension':
      case 'automatic-extension':
      case 'vacatur':
      case 'vacatur-set-aside':
        through = event.designated_through;
        break;
      case 'termination-announced':
        pending = event.effective;
        terminationDate = event.effective;
        terminationSource = source;
        break;
      case 'termination':
        terminated = true;
        pending = null;
        terminationDate = day - 1;
        terminationSource ??= source;
        break;
      case 'court-stay':
        stayed = true;
        staySource = source;
        liftSource = null;
        break;
      case 'stay-lifted':
        stayed = false;
        liftSource = source;
        break;
    }
    const kind: DesignationState['kind'] = terminated
      ? stayed
        ? 'stayed'
        : 'terminated'
      : pending !== null && stayed
        ? 'stayed'
        : 'active';
    const designatedThrough = terminated
      ? terminationDate
      : pending !== null && (through === null || pending > through)
        ? pending
        : through;
    const decision =
      kind === 'stayed'
        ? staySource
        : kind === 'terminated'
          ? liftSource === null
            ? terminationSource
            : `${terminationSource}; ${liftSource}`
          : source;
    const state: DesignationState = Object.freeze({
      from: day,
      kind,
      designatedThrough,
      residenceSince,
      presenceSince,
      terminationDate,
      decision,
    });
    // Several events on one day leave one state: the last.
    if (states.length > 0 && states[states.length - 1]?.from === day) states.pop();
    states.push(state);
  }
  return { id, messageKey: messageKey(id), country, states };
}

/** `el-salvador` → `elSalvador`, `no-decision` → `noDecision`: ICU select keys cannot hold a hyphen. */
export function messageKey(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}

/** The state in force on `day`. */
export function stateOn(designation: Designation, day: Day): DesignationState {
  const { states } = designation;
  // A designation holds a handful of states: a backwards scan beats a search.
  for (let i = states.length - 1; i >= 0; i--) {
    const state = states[i] as DesignationState;
    if (state.from <= day) return state;
  }
  return notDesignated;
}

/** The status on `day`: an active designation past its end date with no later event is `no-decision`. */
export function statusOn(state: DesignationState, day: Day): DesignationStatus {
  if (
    state.kind === 'active' &&
    state.designatedThrough !== null &&
    day > state.designatedThrough
  ) {
    return 'no-decision';
  }
  return state.kind;
}

const loaded = new WeakMap<ParameterSet, TpsData>();

/** Every designation in a parameter set, decoded once per set. */
export function tpsData(parameters: ParameterSet): TpsData {
  let data = loaded.get(parameters);
  if (!data) {
    data = decode(parameters);
    loaded.set(parameters, data);
  }
  return data;
}

function decode(parameters: ParameterSet): TpsData {
  const designations = new Map<string, Designation>();
  for (const name of parameters.names()) {
    if (!name.startsWith(designationsPrefix)) continue;
    const id = name.slice(designationsPrefix.length);
    designations.set(id, buildDesignation(id, parameters.definition(name) as Parameter));
  }
  const byNationality = new Map<string, Designation[]>();
  const add = (key: string, designation: Designation) => {
    const list = byNationality.get(key) ?? [];
    if (!list.includes(designation)) list.push(designation);
    byNationality.set(key, list);
  };
  const oldestFirst = [...designations.values()].sort(
    (a, b) => (a.states[0]?.from ?? 0) - (b.states[0]?.from ?? 0),
  );
  for (const designation of oldestFirst) {
    add(designation.country, designation);
    add(designation.id, designation);
    add(designation.id.replace(/-\d{4}$/, ''), designation);
  }
  return { designations, byNationality };
}

/** The designations a nationality answer (an ISO code, an id or a country slug) points to. */
export function designationsFor(data: TpsData, nationality: string): readonly Designation[] {
  return data.byNationality.get(nationality) ?? [];
}

const reviewSchema = z.strictObject({
  reviewed_on: isoDay,
  sources_through: isoDay,
  scope: z.string().min(10),
});

const reviews = new WeakMap<ParameterSet, Day>();

/**
 * The date the designation data was last checked against its sources: the
 * latest entry of `dhs/tps/data-review`, whatever the date asked about (a
 * later review vouches for earlier dates too).
 */
export function dataReviewedOn(parameters: ParameterSet, asOf: Day): Day {
  const cached = reviews.get(parameters);
  if (cached !== undefined) return cached;
  const parameter = parameters.definition(dataReviewParameter);
  const latest = parameter?.values[parameter.values.length - 1];
  if (!latest) throw new RulesNotCovered(dataReviewParameter, asOf, 'unknown-parameter');
  const parsed = reviewSchema.safeParse(latest.value);
  if (!parsed.success || parsed.data.reviewed_on !== latest.from) {
    throw new TpsDataError(
      `${dataReviewParameter} ${formatDay(latest.from)}: needs reviewed_on (equal to its date), sources_through and scope`,
    );
  }
  reviews.set(parameters, latest.from);
  return latest.from;
}
