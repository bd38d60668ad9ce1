import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Day, parseDay } from '../../engine/dates.ts';
import { LegalHelpFileError, loadLegalHelp, parseLegalHelp } from './legal-help.repository.ts';
import {
  type ProgramScreening,
  ScreeningInputError,
  ScreeningService,
} from './screening.service.ts';
import { classify } from './screening-answers.ts';

const asOf = parseDay('2026-11-25') as Day;
const service = new ScreeningService();

function result(answers: unknown, program: string): ProgramScreening {
  const found = service.screen(answers, asOf).results.find((entry) => entry.program === program);
  assert.ok(found, `no result for ${program}`);
  return found;
}

function errorsOf(answers: unknown) {
  try {
    service.screen(answers, asOf);
  } catch (error) {
    assert.ok(error instanceof ScreeningInputError);
    return error.errors.map(({ path, code }) => ({ path, code }));
  }
  assert.fail('expected the answers to be refused');
}

/** A permanent resident in Washington since 2015, green card in 2020, low income. */
const resident = {
  birthDate: '1980-01-01',
  livesInWashington: true,
  stateResidenceSince: '2015-01-01',
  permanentResident: true,
  lprDate: '2020-01-01',
  tripsAbroad: false,
  spouse: { isCitizen: false },
  servedInMilitary: false,
  hasChildren: true,
  children: [
    { birthDate: '2015-01-01', isLpr: true, livesWithApplicant: true },
    { birthDate: '2000-01-01', isLpr: true, livesWithApplicant: true },
  ],
  householdSize: 3,
  householdIncome: 30_000,
  receivesMeansTestedBenefit: false,
  excludedFromFederalRelief: false,
  experiencedHardship: true,
  separatedThroughNoFault: false,
};

describe('screening service', () => {
  it('screens every program at once, in the registry order', () => {
    const screening = service.screen(resident, asOf);
    assert.equal(screening.asOf, '2026-11-25');
    assert.deepEqual(
      screening.results.map((entry) => entry.program),
      service.programIds(),
    );
    assert.equal(screening.results.length, 6);
    for (const entry of screening.results) {
      assert.ok(['yes', 'no', 'maybe'].includes(entry.outcome));
      assert.ok(entry.reasons.length > 0);
      for (const reason of entry.reasons) assert.ok(reason.messageKey.includes('.'));
    }
  });

  it('gives a permanent resident of five years a yes, the earliest filing date and the children who derive', () => {
    const naturalization = result(resident, 'naturalization');
    assert.equal(naturalization.outcome, 'yes');
    // 5 years after 2020-01-01, less the 90 days of early filing (8 CFR 334.2(b)).
    assert.equal(naturalization.earliestFilingDate, '2024-10-03');
    // The child born in 2000 is an adult; the one born in 2015 derives (INA 320).
    assert.deepEqual(naturalization.derivedCitizenship, { count: 1, undetermined: false });
    assert.equal(naturalization.applyPath, '/apply/naturalization');
    assert.deepEqual(naturalization.changes, []);
    const age = naturalization.reasons.find((reason) => reason.rule === 'age');
    assert.equal(age?.met, true);
    assert.ok(age?.citations.some((citation) => citation.href.includes('1445')));
  });

  it('works out the fee and the waiver, with Washington as the state', () => {
    const fee = result({ ...resident, receivesMeansTestedBenefit: true }, 'naturalization-fee');
    assert.equal(fee.outcome, 'yes');
    assert.equal(fee.fee?.option, 'waiver');
    assert.equal(fee.fee?.amount, 0);
    assert.equal(fee.fee?.waiverEligible, true);
    assert.deepEqual(fee.fee?.fullFee, { paper: 760, online: 710 });

    const high = result({ ...resident, householdIncome: 500_000 }, 'naturalization-fee');
    assert.equal(high.outcome, 'no');
    assert.equal(high.fee?.option, 'full');
    assert.equal(high.fee?.amount, 710);
    assert.equal(high.fee?.filingMethod, 'online');
  });

  it('charges no fee when the naturalization path is military service, and leaves it open while that is unknown', () => {
    const veteran = {
      birthDate: '1990-01-01',
      servedInMilitary: true,
      military: { serviceStart: '2010-01-01', serviceEnd: '2014-01-01', honorablyServed: true },
    };
    const naturalization = result(veteran, 'naturalization');
    assert.equal(naturalization.values.path, 'military-329');
    assert.equal(result(veteran, 'naturalization-fee').fee?.option, 'exempt');

    const unknownService = result({ servedInMilitary: true }, 'naturalization-fee');
    assert.equal(unknownService.fee?.option, null);
    assert.equal(unknownService.outcome, 'maybe');
  });

  it('gives TPS status today for the country, and asks nothing of it from others', () => {
    const tps = result(
      { nationality: 'HT', currentTpsHolder: true, presenceSince: '2010-01-01' },
      'tps',
    );
    assert.equal(tps.tps?.designation, 'haiti');
    assert.ok(tps.tps?.status);
    assert.match(tps.tps?.dataReviewedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((tps.tps?.fees?.application ?? 0) > 0);
    assert.equal(result(resident, 'naturalization').tps, null);

    const other = result({ nationality: 'other' }, 'tps');
    assert.equal(other.outcome, 'no');
    assert.equal(other.tps?.status, 'not-designated');
  });

  it("gives each program only its own answers: another program's question never breaks it", () => {
    const screening = service.screen(
      {
        ...resident,
        nationality: 'SV',
        quarterlyWages: [{ year: 2025, quarter: 4, wages: 9000 }],
        farmWorkHours: 3000,
        militaryService: false,
      },
      asOf,
    );
    assert.equal(screening.results.length, 6);
  });

  it('names the screener question that would supply a missing answer', () => {
    const naturalization = result({}, 'naturalization');
    assert.equal(naturalization.outcome, 'maybe');
    assert.ok(naturalization.missing.includes('tripsAbroad'));
    assert.ok(naturalization.missing.includes('lprDate'));
    assert.ok(!naturalization.missing.includes('trips'));
    const residence = naturalization.changes.find((c) => c.rule === 'permanent-residence');
    assert.ok(residence?.missing.includes('lprDate'));
    assert.ok(result({}, 'naturalization-fee').missing.includes('livesInWashington'));
    assert.ok(result({}, 'us-citizenship-act-2021').missing.includes('presenceSince'));
    // Once the yes/no is answered "yes", the list itself is what is missing.
    assert.ok(result({ tripsAbroad: true }, 'naturalization').missing.includes('trips'));
  });

  it('explains a "no" by the rules not met', () => {
    const tps = result({ nationality: 'other' }, 'tps');
    const change = tps.changes.find((c) => c.rule === 'designation-status');
    assert.equal(change?.met, false);
    assert.deepEqual(change?.missing, []);
    assert.deepEqual(tps.nextSteps, ['check.nextTpsNo', 'check.nextLegalHelp']);
  });

  it('reports each malformed value once, with a stable code and its path', () => {
    // birthDate is read by three programs: one error, not three.
    assert.deepEqual(errorsOf({ birthDate: 'yesterday' }), [
      { path: 'birthDate', code: 'invalid-date' },
    ]);
    assert.deepEqual(errorsOf({ birthdate: '1980-01-01' }), [
      { path: 'birthdate', code: 'unknown-field' },
    ]);
    assert.deepEqual(errorsOf({ spouse: { isCitizen: true, name: 'x' } }), [
      { path: 'spouse.name', code: 'unknown-field' },
    ]);
    assert.deepEqual(errorsOf({ householdSize: 0 }), [
      { path: 'householdSize', code: 'too-small' },
    ]);
    assert.deepEqual(errorsOf({ householdSize: 'three' }), [
      { path: 'householdSize', code: 'invalid-type' },
    ]);
    assert.deepEqual(errorsOf({ tripsAbroad: 'no' }), [
      { path: 'tripsAbroad', code: 'invalid-type' },
    ]);
    assert.deepEqual(errorsOf({ trips: [{ departed: '2021-01-01' }] }), [
      { path: 'trips.0.returned', code: 'required' },
    ]);
    assert.deepEqual(errorsOf({ trips: [{ departed: '2021-01-05', returned: '2021-01-01' }] }), [
      { path: 'trips.0.returned', code: 'invalid-value' },
    ]);
    assert.deepEqual(errorsOf([]), [{ path: '', code: 'invalid-type' }]);
    assert.deepEqual(errorsOf(null), [{ path: '', code: 'invalid-type' }]);
    assert.deepEqual(service.check(resident, asOf), []);
  });

  it('classifies a parser message it does not know as invalid-value', () => {
    assert.equal(classify('x', 'something new').code, 'invalid-value');
    assert.equal(classify('', 'Unrecognized keys: "a", "b"').path, 'a');
  });
});

describe('legal help', () => {
  it('loads Washington providers with their sources', () => {
    const help = loadLegalHelp();
    assert.equal(help.reviewedOn, '2026-11-25');
    const waisn = help.providers.find((provider) => provider.id === 'waisn');
    assert.equal(waisn?.phone, '1-844-724-3737');
    assert.equal(waisn?.href, 'https://www.waisn.org/');
    assert.ok(help.providers.some((provider) => provider.href === 'https://www.nwirp.org/'));
    for (const provider of help.providers) assert.ok(provider.references.length > 0);
  });

  it('refuses a provider without sources, or one it has no messages for', () => {
    const base = 'description: Free help in Washington.\nreviewed_on: 2026-11-25\n';
    assert.throws(
      () =>
        parseLegalHelp(
          `${base}providers:\n  - id: waisn\n    href: https://www.waisn.org/\n    references: []\n`,
        ),
      LegalHelpFileError,
    );
    assert.throws(
      () =>
        parseLegalHelp(
          `${base}providers:\n  - id: someone\n    href: https://example.org/\n    references:\n      - title: A source\n        href: https://example.org/\n`,
        ),
      LegalHelpFileError,
    );
  });
});
