import autocannon from 'autocannon';
import { startChildServer } from './support/child-server.ts';
import { format, machine, median, printTable } from './support/table.ts';

const connections = 50;
const measuredSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(url: string): Promise<Run> {
  const result = await autocannon({ url, connections, duration: measuredSeconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Belong's home page against a bare node:http "hello world" on the same
 * machine, in the same run: 50 connections, a 3-second warm-up, then
 * `rounds` measured runs of each, alternating, reported as medians.
 */
export async function homePageBenchmark(): Promise<string> {
  const bare = await startChildServer(new URL('./servers/bare-http.ts', import.meta.url).pathname);
  const belong = await startChildServer(new URL('./servers/belong.ts', import.meta.url).pathname);
  const targets = { bare: bare.url, belong: `${belong.url}/en/` };
  const runs: Record<keyof typeof targets, Run[]> = { bare: [], belong: [] };
  try {
    for (const url of Object.values(targets)) await autocannon({ url, connections, duration: 3 });
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
        runs[name].push(await measure(url));
      }
    }
  } finally {
    await Promise.all([bare.stop(), belong.stop()]);
  }
  const summary = (name: keyof typeof targets) => ({
    rps: median(runs[name].map((run) => run.requestsPerSecond)),
    p50: median(runs[name].map((run) => run.p50)),
    p99: median(runs[name].map((run) => run.p99)),
    errors: runs[name].reduce((sum, run) => sum + run.errors, 0),
  });
  const baseline = summary('bare');
  const page = summary('belong');
  console.log(
    `\nHome page, ${connections} connections, ${rounds} × ${measuredSeconds} s each, medians (${machine()})\n`,
  );
  const table = printTable(
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs bare'],
    [
      [
        'node:http hello world',
        format(baseline.rps),
        baseline.p50,
        baseline.p99,
        baseline.errors,
        '1.00',
      ],
      [
        'Belong GET /en/',
        format(page.rps),
        page.p50,
        page.p99,
        page.errors,
        (page.rps / baseline.rps).toFixed(2),
      ],
    ],
  );
  const ratioMet = page.rps / baseline.rps >= 0.5;
  const latencyMet = page.p99 < 10;
  console.log(
    `\nGoals: ≥ 50% of bare req/s — ${ratioMet ? 'met' : 'not met'}; p99 < 10 ms — ${latencyMet ? 'met' : 'not met'}.`,
  );
  return table;
}
