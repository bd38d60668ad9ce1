import { sql } from 'kysely';
import { testApp } from '../test/support/app.ts';
import { openTestDatabase, openTestKeyStore, testEngines } from '../test/support/engines.ts';
import { testServices } from '../test/support/services.ts';
import { signedInStaff, testOrganisation } from '../test/support/staff.ts';
import { machine, printTable } from './support/table.ts';

const openCases = Number(process.env.BENCH_QUEUE_CASES ?? 100_000);
const samples = Number(process.env.BENCH_QUEUE_SAMPLES ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * The queue page (GET /staff/queue) of an organisation with 100,000 open
 * cases, as a signed-in caseworker gets it through the whole app (session,
 * second factor, row-level security scope, render), against a bare
 * `SELECT 1` through the same database handle as the baseline.
 */
export async function queueBenchmark(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const engine of testEngines()) {
    const database = await openTestDatabase(engine);
    const keyStore = await openTestKeyStore(engine);
    try {
      const { services, rules } = testServices(database, keyStore);
      const organisationId = await testOrganisation(database.db, ['tps']);
      // Cases are inserted in bulk by SQL: their answers do not matter here.
      await sql`INSERT INTO cases (id, reference, claim_hash, person_id, organisation_id, program,
          rules_version, flow_version, idempotency_key, language, channel, decision_due_on, submitted_at)
        SELECT gen_random_uuid(), 'BLG-' || lpad(i::text, 9, '0'), 'x', gen_random_uuid(),
          ${organisationId}, 'tps', 'v', '1', 'bench:' || i, 'en', 'api',
          DATE '2026-12-01' + (i % 90), now() - make_interval(days => i % 60)
        FROM generate_series(1, ${openCases}) AS i`.execute(database.db);
      await sql`ANALYZE cases`.execute(database.db);
      const { cookie } = await signedInStaff(database.db, services, {
        organisationId,
        role: 'caseworker',
      });
      const { app } = testApp({ database, services, rules });
      const page = () =>
        app.request(`/en/staff/queue?organisation=${organisationId}`, { headers: { cookie } });
      const baseline = () => sql`SELECT 1`.execute(database.db);
      for (let i = 0; i < 20; i++) await (await page()).text();
      const time = async (work: () => Promise<unknown>) => {
        const durations: number[] = [];
        for (let i = 0; i < samples; i++) {
          const started = performance.now();
          await work();
          durations.push(performance.now() - started);
        }
        return durations.sort((a, b) => a - b);
      };
      const bare = await time(baseline);
      const rendered = await time(async () => {
        const response = await page();
        if (response.status !== 200) throw new Error(`queue page answered ${response.status}`);
        await response.text();
      });
      rows.push([
        `${engine}: SELECT 1 (baseline)`,
        percentile(bare, 50).toFixed(2),
        percentile(bare, 99).toFixed(2),
        '1.0',
      ]);
      rows.push([
        `${engine}: queue page, ${openCases.toLocaleString('en-US')} open cases`,
        percentile(rendered, 50).toFixed(2),
        percentile(rendered, 99).toFixed(2),
        (percentile(rendered, 50) / Math.max(percentile(bare, 50), 0.001)).toFixed(0),
      ]);
    } finally {
      await keyStore.dispose();
      await database.dispose();
    }
  }
  console.log(`\nQueue page, ${samples} requests each, one at a time (${machine()})\n`);
  const table = printTable(['what', 'p50 ms', 'p99 ms', 'p50 vs baseline'], rows);
  console.log('\nGoal: queue page p99 < 50 ms with 100,000 open cases.');
  return table;
}
