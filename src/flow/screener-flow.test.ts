import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Day } from '../engine/dates.ts';
import { parseDay } from '../engine/dates.ts';
import { ScreeningService } from '../modules/screening/screening.service.ts';
import { acceptedKeys, screenerOnlyKeys } from '../modules/screening/screening-answers.ts';
import { tpsData } from '../programs/tps/designations.ts';
import { firstIncompletePageKey, validateAnswers, visiblePages } from './flow.ts';
import { otherCountry, screenerFlow, tpsCountries } from './screener-flow.ts';

const service = new ScreeningService();
const asOf = parseDay('2026-11-25') as Day;

function fieldPaths(): string[] {
  return screenerFlow.pages.flatMap((page) =>
    page.repeat ? [page.repeat.path] : page.fields.map((field) => field.path),
  );
}

describe('screener flow', () => {
  it('offers every country with a TPS designation on record, and only those', () => {
    const designated = new Set(
      [...tpsData(service.rules.parameters).designations.values()].map((d) => d.country),
    );
    assert.deepEqual(new Set(tpsCountries.map((country) => country.code)), designated);
  });

  it('asks only what a program reads, or a yes/no of its own that leads to it', () => {
    const read = new Set(screenerOnlyKeys);
    for (const id of service.programIds()) {
      for (const key of acceptedKeys(service.rules.program(id).program as never)) read.add(key);
    }
    for (const path of fieldPaths()) {
      assert.ok(read.has(path.split('.')[0] as string), `${path} is read by no program`);
    }
  });

  it('never asks for an identity or document number, an A-number or a place of birth', () => {
    const forbidden =
      /ssn|itin|social|alien|anumber|a-number|passport|document|birthplace|placeofbirth|countryofbirth|uscis/i;
    for (const page of screenerFlow.pages) {
      assert.ok(!forbidden.test(page.key), page.key);
      for (const field of page.fields) assert.ok(!forbidden.test(field.path), field.path);
    }
  });

  it('asks the country only of people without a green card, with why', () => {
    const page = screenerFlow.pages.find((candidate) => candidate.key === 'tps-country');
    assert.ok(page?.why);
    assert.ok(page.fields[0]?.optional, 'the country can be skipped');
    const keys = (answers: Record<string, unknown>) =>
      visiblePages(screenerFlow, answers).map((visible) => visible.key);
    assert.ok(!keys({ permanentResident: true }).includes('tps-country'));
    assert.ok(keys({ permanentResident: false }).includes('tps-country'));
    assert.ok(
      !keys({ permanentResident: false, nationality: otherCountry }).includes('tps-holder'),
    );
    assert.ok(keys({ permanentResident: false, nationality: 'SV' }).includes('tps-holder'));
  });

  it('accepts a complete journey as answers every program can screen', () => {
    const answers = {
      birthDate: '1985-03-04',
      livesInWashington: true,
      stateResidenceSince: '2016-01-01',
      permanentResident: false,
      servedInMilitary: true,
      military: { serviceStart: '2018-01-01', honorablyServed: true },
      householdSize: 2,
      householdIncome: 25_000,
      receivesMeansTestedBenefit: false,
      excludedFromFederalRelief: true,
      experiencedHardship: true,
      separatedThroughNoFault: true,
      ableAndAvailable: true,
      baseYearHours: 900,
      nationality: 'VE',
      currentTpsHolder: true,
      residenceSince: '2019-01-01',
      presenceSince: '2019-01-01',
    };
    const checked = validateAnswers(screenerFlow, answers);
    assert.deepEqual(checked.errors, []);
    assert.equal(firstIncompletePageKey(screenerFlow, checked.answers), null);
    assert.deepEqual(service.check(checked.answers, asOf), []);
    const results = service.screen(checked.answers, asOf).results;
    assert.equal(
      results.find((result) => result.program === 'tps')?.tps?.designation !== null,
      true,
    );
  });

  it('keeps page keys stable and unique, and never "results"', () => {
    const keys = screenerFlow.pages.map((page) => page.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(!keys.includes('results'));
    for (const key of keys) assert.match(key, /^[a-z]+(-[a-z]+)*$/);
  });
});
