import { Hono } from 'hono';
import type { DatabaseHandle } from '../../db/database.ts';
import {
  type ProcessingTimesReport,
  ProcessingTimesService,
} from '../../modules/casework/processing-times.service.ts';
import type { AppEnv } from '../app-env.ts';
import { ProcessingTimesPage } from '../pages/impact-processing-times.page.tsx';
import { renderPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

export interface ImpactRoutesOptions {
  /** How long one report is reused before the database is asked again; 60 s by default. */
  reportTtlMs?: number;
  /** The clock (tests fix it). */
  now?: () => Date;
}

/**
 * The public impact pages (issue 6, item 7): `/impact/processing-times`
 * shows how long cases take and how many wait, aggregates only, no sign-in.
 * The page holds no personal data, so browsers and shared caches may keep
 * it for five minutes; the process also reuses one report for a minute,
 * so a busy day costs the database two aggregate queries a minute, not two
 * a visit. Without a database the page renders its empty state.
 */
export function impactRoutes(database?: DatabaseHandle, options: ImpactRoutesOptions = {}) {
  const ttl = options.reportTtlMs ?? 60_000;
  const clock = options.now ?? (() => new Date());
  const service = database ? new ProcessingTimesService(database.db, { now: clock }) : undefined;
  let cached: { at: number; report: Promise<ProcessingTimesReport> } | undefined;

  const currentReport = (): Promise<ProcessingTimesReport> | undefined => {
    if (!service) return undefined;
    const at = clock().getTime();
    if (!cached || at - cached.at >= ttl) {
      const report = service.report();
      cached = { at, report };
      // A failed query is not kept: the next visit asks again.
      report.catch(() => {
        if (cached?.report === report) cached = undefined;
      });
    }
    return cached.report;
  };

  return new Hono<AppEnv>().get('/impact/processing-times', async (c) => {
    const t = c.get('translator');
    const report = await currentReport();
    setResponseHeader(c, 'cache-control', 'public, max-age=300');
    return renderPage(c, {
      title: t.t('impact.title'),
      body: <ProcessingTimesPage t={t} {...(report ? { report } : {})} />,
    });
  });
}
