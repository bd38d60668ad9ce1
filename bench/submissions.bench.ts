import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { exampleAnswers } from '../src/programs/tps/flow.ts';
import { type ChildServer, startChildServer } from './support/child-server.ts';
import { format, machine, printTable } from './support/table.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `postgres://…/postgres` → `postgres://…/<name>`. */
function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

/** pgbench inserting one row per transaction: the floor any durable write is measured against. */
function pgbenchSingleRowInsert(url: string): number {
  const folder = mkdtempSync(path.join(tmpdir(), 'belong-pgbench-'));
  try {
    const script = path.join(folder, 'insert.sql');
    writeFileSync(script, '\\set v random(1, 1000000)\nINSERT INTO bench_rows (v) VALUES (:v);\n');
    execFileSync('psql', [url, '-qc', 'CREATE TABLE bench_rows (id bigserial PRIMARY KEY, v int)']);
    const output = execFileSync(
      'pgbench',
      ['-n', '-c', String(connections), '-j', '2', '-T', String(seconds), '-f', script, url],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+)/.exec(output)?.[1];
    if (!tps) throw new Error(`pgbench said: ${output}`);
    return Number(tps);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** POSTs one new TPS application per request, each with its own Idempotency-Key. */
async function submit(server: ChildServer, options: { rate?: number }): Promise<Run> {
  const body = JSON.stringify({ program: 'tps', answers: exampleAnswers });
  const result = await autocannon({
    url: server.url,
    connections: options.rate ? 50 : connections,
    duration: seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/api/v1/applications',
        headers: { 'content-type': 'application/json' },
        body,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
        }),
      },
    ],
  });
  return {
    rps: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Durable submissions per second through the JSON API (each one: a data
 * key in the key store, the sealed case, its blind indexes — two commits),
 * on PGlite and on PostgreSQL, next to this machine's pgbench single-row
 * insert rate, and the latency at a steady 1,000 submissions a second.
 */
export async function submissionsBenchmark(): Promise<string> {
  const pgbenchUrl = await freshDatabase('belong_bench_pgbench');
  const pgbench = pgbenchSingleRowInsert(pgbenchUrl);
  const env = {
    ...process.env,
    BENCH_MAIN_URL: await freshDatabase('belong_bench_main'),
    BENCH_KEYS_URL: await freshDatabase('belong_bench_keys'),
    BENCH_LOG_LEVEL: 'warn',
  };
  const rows: (string | number)[][] = [
    ['pgbench, one-row INSERT per transaction', format(pgbench), '–', '–', 0, '1.00'],
  ];
  const goals: string[] = [];
  for (const [name, script] of [
    ['Belong on PGlite', './servers/belong.ts'],
    ['Belong on PostgreSQL', './servers/belong-postgres.ts'],
  ] as const) {
    const server = await startChildServer(new URL(script, import.meta.url).pathname, {
      ...env,
      BENCH_LOG_LEVEL: 'warn',
    });
    try {
      await submit(server, {}); // warm-up: compiled rules, pools, caches
      const most = await submit(server, {});
      const steady = await submit(server, { rate: 1000 });
      rows.push([
        `${name}, as fast as it goes`,
        format(most.rps),
        most.p50,
        most.p99,
        most.errors,
        (most.rps / pgbench).toFixed(2),
      ]);
      rows.push([
        `${name}, offered 1,000/s`,
        format(steady.rps),
        steady.p50,
        steady.p99,
        steady.errors,
        (steady.rps / pgbench).toFixed(2),
      ]);
      if (name === 'Belong on PGlite') {
        goals.push(`PGlite ≥ 500/s: ${most.rps >= 500 ? 'met' : 'NOT met'} (${format(most.rps)})`);
      } else {
        goals.push(
          `PostgreSQL ≥ 40% of pgbench: ${most.rps / pgbench >= 0.4 ? 'met' : 'NOT met'} (${(most.rps / pgbench).toFixed(2)})`,
        );
      }
      goals.push(
        `${name} p99 < 50 ms at 1,000/s: ${steady.p99 < 50 ? 'met' : 'NOT met'} (${steady.p99} ms)`,
      );
    } finally {
      await server.stop();
    }
  }
  await Promise.all(
    ['belong_bench_pgbench', 'belong_bench_main', 'belong_bench_keys'].map((name) =>
      admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    ),
  );
  console.log(
    `\nDurable submissions through POST /api/v1/applications, ${connections} connections, ${seconds} s runs (${machine()})\n`,
  );
  const table = printTable(
    ['what', 'per second', 'p50 ms', 'p99 ms', 'errors', 'vs pgbench'],
    rows,
  );
  console.log(`\n${goals.join('\n')}`);
  return table;
}
