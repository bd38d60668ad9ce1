import { addMonths, addYears, type Day, parseDay } from '../../src/engine/dates.ts';
import type { ParameterSet } from '../../src/engine/parameters.ts';
import {
  absentDays,
  hasPresumedBreak,
  residenceRestartDate,
  type Trip,
} from '../../src/programs/naturalization/trips.ts';
import type { NaturalizationAnswers } from './population.ts';

/**
 * The naturalization residence paths (INA 316(a) and 319(a)) reduced to the
 * arithmetic both benchmark peers share with Belong's program: the same
 * trip functions and the same parameters, so the benchmark compares the
 * engines around the arithmetic, not the arithmetic. Only what the
 * synthetic population exercises is here (no military service).
 */
export type Tri = boolean | null;

export interface Thresholds {
  minimumAge: number;
  earlyFilingDays: number;
  stateResidenceMonths: number;
  years: { general: number; spouse_of_citizen: number };
  presence: { general: number; spouse_of_citizen: number };
  absence: { presumption_over_days: number; break_from_days: number };
  restart: {
    general: { years: number; days: number };
    spouse_of_citizen: { years: number; days: number };
  };
}

const name = (parameter: string) => `uscis/naturalization/${parameter}`;

export function thresholdsOn(parameters: ParameterSet, day: Day): Thresholds {
  return {
    minimumAge: parameters.number(name('minimum-age'), day),
    earlyFilingDays: parameters.number(name('early-filing-days'), day),
    stateResidenceMonths: parameters.number(name('state-residence-months'), day),
    years: parameters.get(name('residence-years'), day) as unknown as Thresholds['years'],
    presence: parameters.get(
      name('physical-presence-days'),
      day,
    ) as unknown as Thresholds['presence'],
    absence: parameters.get(name('absence-thresholds'), day) as unknown as Thresholds['absence'],
    restart: parameters.get(
      name('new-residence-after-break'),
      day,
    ) as unknown as Thresholds['restart'],
  };
}

export interface Person {
  birth: Day;
  lpr: Day;
  state: Day;
  trips: Trip[];
  spouse: {
    isCitizen: boolean;
    citizenSince: Day;
    marriedSince: Day;
    livingTogether: boolean;
  } | null;
}

export function toPerson(answers: NaturalizationAnswers): Person {
  const day = (text: string) => parseDay(text) as Day;
  const trips: Trip[] = [];
  for (const trip of answers.trips)
    trips.push({ departed: day(trip.departed), returned: day(trip.returned) });
  const spouse = answers.spouse;
  return {
    birth: day(answers.birthDate),
    lpr: day(answers.lprDate),
    state: day(answers.stateResidenceSince),
    trips,
    spouse: spouse
      ? {
          isCitizen: spouse.isCitizen,
          citizenSince: day(spouse.citizenSince),
          marriedSince: day(spouse.marriedSince),
          livingTogether: spouse.livingTogether,
        }
      : null,
  };
}

export type PathKind = 'general' | 'spouse_of_citizen';

export interface PathFacts {
  adult: boolean;
  residence: boolean;
  continuity: 'kept' | 'presumed-broken' | 'broken';
  presenceDays: number;
  stateResidence: boolean;
  marriage: boolean;
}

export function pathFacts(person: Person, filing: Day, kind: PathKind, t: Thresholds): PathFacts {
  const years = t.years[kind];
  const windowStart = addYears(filing, -years);
  const restart = residenceRestartDate(
    person.trips,
    filing,
    t.absence.break_from_days,
    t.restart[kind].years,
    t.restart[kind].days,
  );
  const presumed = hasPresumedBreak(
    person.trips,
    windowStart,
    filing,
    t.absence.presumption_over_days,
    t.absence.break_from_days,
  );
  let marriage = true;
  if (kind === 'spouse_of_citizen') {
    const spouse = person.spouse;
    marriage =
      spouse !== null &&
      filing >= addYears(spouse.citizenSince, years) &&
      filing >= addYears(spouse.marriedSince, years);
  }
  return {
    adult: filing >= addYears(person.birth, t.minimumAge),
    residence: filing >= addYears(person.lpr, years) - t.earlyFilingDays,
    continuity:
      restart !== undefined && filing < restart ? 'broken' : presumed ? 'presumed-broken' : 'kept',
    presenceDays: filing - windowStart - absentDays(person.trips, windowStart, filing),
    stateResidence: filing >= addMonths(person.state, t.stateResidenceMonths),
    marriage,
  };
}

export function spousePathOpen(person: Person): boolean {
  return person.spouse?.isCitizen === true && person.spouse.livingTogether;
}
