import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/database.ts';
import { JobsRepository } from '../modules/jobs/jobs.repository.ts';

/**
 * Operational metrics in the Prometheus text format, for the operator's
 * monitoring. Labels are closed sets chosen here — a route pattern, a
 * method, a status class, a job status — never a path, a query, an id or
 * anything a person typed, so no metric can carry personal data (the
 * canary test scrapes them).
 */
export interface Metrics {
  readonly registry: Registry;
  /** Counts one finished request. `route` is the matched pattern, never the path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function createMetrics(database: DatabaseHandle | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'belong_' });
  const requests = new Counter({
    name: 'belong_http_requests_total',
    help: 'HTTP requests finished, by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'belong_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  if (database) {
    const jobs = new JobsRepository(database.db);
    new Gauge({
      name: 'belong_jobs',
      help: 'Jobs in the jobs table, by status.',
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        const counts = await jobs.countByStatus();
        for (const status of ['queued', 'running', 'done', 'failed']) {
          this.set({ status }, counts[status] ?? 0);
        }
      },
    });
  }
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      // A route pattern comes from the app's own table ('*' when nothing
      // matched); a method outside the known set is folded so a client
      // cannot mint label values.
      const label = knownMethods.has(method) ? method : 'OTHER';
      requests.inc({ route, method: label, status: `${Math.floor(status / 100)}xx` });
      duration.observe({ route }, seconds);
    },
  };
}
