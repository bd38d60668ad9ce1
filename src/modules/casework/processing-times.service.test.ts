import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../test/support/engines.ts';
import {
  daysBefore,
  decidedRun as decidedRunAt,
  type FixtureCase,
  insertFixtureCases,
} from './processing-times.fixtures.ts';
import {
  minimumCellSize,
  type ProcessingTimesReport,
  ProcessingTimesService,
  washingtonDate,
} from './processing-times.service.ts';

/** Noon in Seattle on the day the report is made. */
const now = new Date('2026-11-25T20:00:00Z');
const daysAgo = (days: number) => daysBefore(now, days);
const decidedRun = (
  program: string,
  organisationId: string | null,
  count: number,
  first: number,
  decidedDaysAgo?: number,
) => decidedRunAt(now, program, organisationId, count, first, decidedDaysAgo);

const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-6,
    `${actual} ≠ ${expected}`,
  );

describeEachEngine('processing times', (database) => {
  let northId: string;
  let southId: string;
  let service: ProcessingTimesService;

  before(async () => {
    const { db } = database();
    const organisations = await db
      .insertInto('organisations')
      .values([
        { slug: 'north', name: 'North Clinic' },
        { slug: 'south', name: 'South Legal Aid' },
      ])
      .returning(['id', 'slug'])
      .execute();
    northId = organisations.find((o) => o.slug === 'north')?.id as string;
    southId = organisations.find((o) => o.slug === 'south')?.id as string;
    service = new ProcessingTimesService(db, { now: () => now });

    const yesterday = washingtonDate(daysAgo(1));
    const today = washingtonDate(now);
    await insertFixtureCases(db, [
      // Naturalization: 11 decided at North (1 to 11 days), 11 at South (21 to 31 days),
      // and two not yet with an organisation (100 and 101 days): too few to show alone.
      ...decidedRun('naturalization', northId, 11, 1),
      ...decidedRun('naturalization', southId, 11, 21),
      ...decidedRun('naturalization', null, 2, 100),
      // Decided 400 days ago: outside the default window of 365 days.
      ...decidedRun('naturalization', northId, 3, 1000, 400),
      // Relief: 12 decided at North (5 to 16 days) and one without an organisation (50 days).
      ...decidedRun('wa-relief', northId, 12, 5),
      ...decidedRun('wa-relief', null, 1, 50),
      // TPS at South: 10 decided cases, one short of the minimum.
      ...decidedRun('tps', southId, 10, 30, 3),
      // TPS backlog at South: 12 open, of every open status, the oldest 130 days.
      ...Array.from(
        { length: 12 },
        (_, i): FixtureCase => ({
          program: 'tps',
          organisationId: southId,
          status: (['submitted', 'screening', 'in_review', 'info_requested'] as const)[i % 4],
          submittedAt: daysAgo(20 + i * 10),
          // Five were due yesterday or earlier; one is due today, which is not late.
          decisionDueOn: i < 5 ? yesterday : i === 5 ? today : '2027-01-15',
        }),
      ),
      // One TPS case open at North for 300 days: older than any at South.
      { program: 'tps', organisationId: northId, submittedAt: daysAgo(300) },
      // Not waiting for a decision: an award waiting for payment, a paid one, a closed one.
      {
        program: 'tps',
        organisationId: southId,
        status: 'awarded',
        submittedAt: daysAgo(900),
        decidedAt: daysAgo(500),
        decisionDueOn: '2024-01-01',
      },
      { program: 'tps', organisationId: southId, status: 'paid', submittedAt: daysAgo(800) },
      { program: 'tps', organisationId: southId, status: 'closed', submittedAt: daysAgo(700) },
      // Naturalization backlog: two open at North, too few for the oldest age.
      { program: 'naturalization', organisationId: northId, submittedAt: daysAgo(50) },
      {
        program: 'naturalization',
        organisationId: northId,
        submittedAt: daysAgo(40),
        decisionDueOn: yesterday,
      },
    ]);
  });

  const program = (report: ProcessingTimesReport, id: string) =>
    report.programs.find((p) => p.program === id);
  const at = (report: ProcessingTimesReport, id: string, organisationId: string | null) =>
    report.organisations.find((o) => o.program === id && o.organisationId === organisationId);

  it('shows the median and 90th percentile of a program with enough decided cases', async () => {
    const report = await service.report();
    const naturalization = program(report, 'naturalization');
    // 1…11, 21…31, 100 and 101: 24 cases in the window (the three from 400 days ago are not).
    assert.equal(naturalization?.decided, 24);
    // percentile_cont interpolates: the median sits between the 12th and 13th (21 and 22) …
    close(naturalization?.medianDays, 21.5);
    // … and the 90th percentile at position 0.9 × 23 = 20.7, between 30 and 31.
    close(naturalization?.p90Days, 30.7);
  });

  it('gives each organisation its own figures, by name', async () => {
    const report = await service.report();
    const north = at(report, 'naturalization', northId);
    assert.equal(north?.organisationName, 'North Clinic');
    assert.equal(north?.decided, 11);
    close(north?.medianDays, 6);
    close(north?.p90Days, 10);
    const south = at(report, 'naturalization', southId);
    assert.equal(south?.organisationName, 'South Legal Aid');
    close(south?.medianDays, 26);
    close(south?.p90Days, 30);
  });

  it(`withholds every figure computed from fewer than ${minimumCellSize} cases, but not the counts`, async () => {
    const report = await service.report();
    const unassigned = at(report, 'naturalization', null);
    assert.deepEqual(unassigned && { ...unassigned }, {
      program: 'naturalization',
      organisationId: null,
      organisationName: null,
      decided: 2,
      medianDays: null,
      p90Days: null,
      open: 0,
      overdue: 0,
      oldestDays: null,
    });
    const tps = program(report, 'tps');
    assert.equal(tps?.decided, 10);
    assert.equal(tps?.medianDays, null);
    assert.equal(tps?.p90Days, null);
    // Naturalization has two open cases: counted, but the oldest age would describe one of them.
    const naturalization = program(report, 'naturalization');
    assert.equal(naturalization?.open, 2);
    assert.equal(naturalization?.oldestDays, null);
    for (const group of [...report.programs, ...report.organisations]) {
      if (group.decided < minimumCellSize) assert.equal(group.medianDays ?? group.p90Days, null);
      if (group.open < minimumCellSize) assert.equal(group.oldestDays, null);
    }
  });

  it('withholds a shown figure that, beside the others, would give a withheld one away', async () => {
    const report = await service.report();
    // Relief: North's 12 and one case without an organisation. The program's
    // median beside North's would pin that one case down, so North's is withheld.
    const relief = program(report, 'wa-relief');
    assert.equal(relief?.decided, 13);
    close(relief?.medianDays, 11);
    close(relief?.p90Days, 15.8);
    const north = at(report, 'wa-relief', northId);
    assert.equal(north?.decided, 12);
    assert.equal(north?.medianDays, null);
    assert.equal(north?.p90Days, null);
    // Naturalization has two organisations shown: both keep their figures (above).
    assert.notEqual(at(report, 'naturalization', northId)?.medianDays, null);
    // TPS: the oldest open case is North's only one; the program's oldest would be its age.
    const tps = program(report, 'tps');
    assert.equal(tps?.open, 13);
    assert.equal(tps?.oldestDays, null);
    close(at(report, 'tps', southId)?.oldestDays, 130);
    assert.equal(at(report, 'tps', northId)?.oldestDays, null);
  });

  it('counts the backlog: open cases, those past their due date, and the oldest age', async () => {
    const report = await service.report();
    const south = at(report, 'tps', southId);
    assert.equal(south?.open, 12);
    assert.equal(south?.overdue, 5);
    // The oldest of the twelve was submitted 20 + 11 × 10 days ago.
    close(south?.oldestDays, 130);
    assert.equal(program(report, 'tps')?.overdue, 5);
    assert.equal(program(report, 'naturalization')?.overdue, 1);
  });

  it('counts only decisions inside the window it is asked for', async () => {
    const report = await service.report({ windowDays: 5 });
    assert.deepEqual(
      report.programs.map((p) => [p.program, p.decided]),
      [
        // Naturalization's decisions were 10 days ago; its open cases still count.
        ['naturalization', 0],
        ['tps', 10],
      ],
    );
    assert.equal(report.to.getTime(), now.getTime());
    assert.equal(report.from.getTime(), daysAgo(5).getTime());
    await assert.rejects(service.report({ windowDays: 0 }), RangeError);
  });

  it('lists organisations by name, then cases without an organisation', async () => {
    const report = await service.report();
    assert.deepEqual(
      report.organisations.map((o) => [o.organisationName, o.program]),
      [
        ['North Clinic', 'naturalization'],
        ['North Clinic', 'tps'],
        ['North Clinic', 'wa-relief'],
        ['South Legal Aid', 'naturalization'],
        ['South Legal Aid', 'tps'],
        [null, 'naturalization'],
        [null, 'wa-relief'],
      ],
    );
    assert.equal(report.today, '2026-11-25');
  });
});
