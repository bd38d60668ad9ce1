import { z } from 'zod';
import { type Day, parseDay } from '../../engine/dates.ts';
import { dayInput } from '../../engine/input.ts';

/**
 * The JSON answers `naturalization` takes (the CLI and API contract). The
 * zod schema is the definition: it decides what is malformed and says why.
 */
const tripInput = z.strictObject({
  departed: dayInput,
  returned: dayInput,
  n470Approved: z.boolean().optional(),
});

const spouseInput = z.strictObject({
  isCitizen: z.boolean().optional(),
  citizenSince: dayInput.nullable().optional(),
  marriedSince: dayInput.optional(),
  livingTogether: z.boolean().optional(),
});

const serviceInput = z.strictObject({
  honorablyServed: z.boolean().optional(),
  serviceStart: dayInput.optional(),
  serviceEnd: dayInput.nullable().optional(),
  duringHostilities: z.boolean().optional(),
});

const childInput = z.strictObject({
  birthDate: dayInput.optional(),
  isLpr: z.boolean().optional(),
  livesWithApplicant: z.boolean().optional(),
});

export const maxTrips = 2000;
export const maxChildren = 50;

export const answersSchema = z.strictObject({
  filingDate: dayInput.optional(),
  birthDate: dayInput.optional(),
  lprDate: dayInput.optional(),
  stateResidenceSince: dayInput.optional(),
  trips: z.array(tripInput).max(maxTrips).optional(),
  spouse: spouseInput.nullable().optional(),
  military: z.union([z.boolean(), serviceInput]).nullable().optional(),
  children: z.array(childInput).max(maxChildren).optional(),
});

export type Answers = z.infer<typeof answersSchema>;
type TripAnswer = NonNullable<Answers['trips']>[number];
type SpouseAnswer = NonNullable<Answers['spouse']>;
type ServiceAnswer = Exclude<NonNullable<Answers['military']>, boolean>;
type ChildAnswer = NonNullable<Answers['children']>[number];

/*
 * A hand-written reader for well-formed answers, several times faster than
 * the schema: a population simulation parses millions of people. It accepts
 * only what the schema accepts and gives the same result (a property test
 * holds it to that); anything else it leaves to the schema, which also
 * explains what is wrong.
 */

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A well-formed date as a day number, or -Infinity for anything else. */
function date(value: unknown): Day {
  return typeof value === 'string'
    ? (parseDay(value) ?? Number.NEGATIVE_INFINITY)
    : Number.NEGATIVE_INFINITY;
}

const refused = Symbol('refused');
type Read<T> = T | typeof refused;

function optionalDate(value: unknown): Read<Day | undefined> {
  if (value === undefined) return undefined;
  const day = date(value);
  return day === Number.NEGATIVE_INFINITY ? refused : day;
}

function optionalBoolean(value: unknown): Read<boolean | undefined> {
  return value === undefined || typeof value === 'boolean' ? value : refused;
}

function readTrip(value: unknown): Read<TripAnswer> {
  if (!isPlain(value)) return refused;
  let departed: Day = Number.NEGATIVE_INFINITY;
  let returned: Day = Number.NEGATIVE_INFINITY;
  let n470Approved: boolean | undefined;
  for (const key in value) {
    const field = value[key];
    if (key === 'departed') departed = date(field);
    else if (key === 'returned') returned = date(field);
    else if (key === 'n470Approved') {
      const flag = optionalBoolean(field);
      if (flag === refused) return refused;
      n470Approved = flag;
    } else return refused;
  }
  if (departed === Number.NEGATIVE_INFINITY || returned === Number.NEGATIVE_INFINITY)
    return refused;
  return n470Approved === undefined ? { departed, returned } : { departed, returned, n470Approved };
}

function readSpouse(value: Plain): Read<SpouseAnswer> {
  const spouse: SpouseAnswer = {};
  for (const key in value) {
    const field = value[key];
    if (field === undefined) {
      if (
        key !== 'isCitizen' &&
        key !== 'citizenSince' &&
        key !== 'marriedSince' &&
        key !== 'livingTogether'
      ) {
        return refused;
      }
      continue;
    }
    if (key === 'isCitizen' || key === 'livingTogether') {
      if (typeof field !== 'boolean') return refused;
      spouse[key] = field;
    } else if (key === 'citizenSince' && field === null) {
      spouse.citizenSince = null;
    } else if (key === 'citizenSince' || key === 'marriedSince') {
      const day = date(field);
      if (day === Number.NEGATIVE_INFINITY) return refused;
      spouse[key] = day;
    } else return refused;
  }
  return spouse;
}

function readService(value: Plain): Read<ServiceAnswer> {
  const service: ServiceAnswer = {};
  for (const key in value) {
    const field = value[key];
    if (field === undefined) {
      if (
        key !== 'honorablyServed' &&
        key !== 'serviceStart' &&
        key !== 'serviceEnd' &&
        key !== 'duringHostilities'
      ) {
        return refused;
      }
      continue;
    }
    if (key === 'honorablyServed' || key === 'duringHostilities') {
      if (typeof field !== 'boolean') return refused;
      service[key] = field;
    } else if (key === 'serviceEnd' && field === null) {
      service.serviceEnd = null;
    } else if (key === 'serviceStart' || key === 'serviceEnd') {
      const day = date(field);
      if (day === Number.NEGATIVE_INFINITY) return refused;
      service[key] = day;
    } else return refused;
  }
  return service;
}

function readChild(value: unknown): Read<ChildAnswer> {
  if (!isPlain(value)) return refused;
  const child: ChildAnswer = {};
  for (const key in value) {
    const field = value[key];
    if (key === 'birthDate') {
      const day = optionalDate(field);
      if (day === refused) return refused;
      if (day !== undefined) child.birthDate = day;
    } else if (key === 'isLpr' || key === 'livesWithApplicant') {
      const flag = optionalBoolean(field);
      if (flag === refused) return refused;
      if (flag !== undefined) child[key] = flag;
    } else return refused;
  }
  return child;
}

function readList<T>(
  value: unknown,
  max: number,
  readItem: (item: unknown) => Read<T>,
): Read<T[] | undefined> {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > max) return refused;
  const list: T[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const item = readItem(value[i]);
    if (item === refused) return refused;
    list[i] = item;
  }
  return list;
}

/** Well-formed answers read without the schema; undefined when the schema must decide. */
export function readAnswers(raw: unknown): Answers | undefined {
  if (!isPlain(raw)) return undefined;
  const answers: Answers = {};
  for (const key in raw) {
    const value = raw[key];
    switch (key) {
      case 'filingDate':
      case 'birthDate':
      case 'lprDate':
      case 'stateResidenceSince': {
        const day = optionalDate(value);
        if (day === refused) return undefined;
        if (day !== undefined) answers[key] = day;
        break;
      }
      case 'trips': {
        const trips = readList(value, maxTrips, readTrip);
        if (trips === refused) return undefined;
        if (trips !== undefined) answers.trips = trips;
        break;
      }
      case 'children': {
        const children = readList(value, maxChildren, readChild);
        if (children === refused) return undefined;
        if (children !== undefined) answers.children = children;
        break;
      }
      case 'spouse': {
        if (value === undefined) break;
        if (value === null) {
          answers.spouse = null;
          break;
        }
        if (!isPlain(value)) return undefined;
        const spouse = readSpouse(value);
        if (spouse === refused) return undefined;
        answers.spouse = spouse;
        break;
      }
      case 'military': {
        if (value === undefined) break;
        if (value === null || typeof value === 'boolean') {
          answers.military = value;
          break;
        }
        if (!isPlain(value)) return undefined;
        const service = readService(value);
        if (service === refused) return undefined;
        answers.military = service;
        break;
      }
      default:
        return undefined;
    }
  }
  return answers;
}
