import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../app-env.ts';
import type { Metrics } from '../metrics.ts';
import { respond } from '../response-headers.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` for the operator's Prometheus, behind a bearer token
 * (BELONG_METRICS_TOKEN). Without a token configured, or with a wrong one,
 * it answers as if it did not exist: request counts per route say how busy
 * a relief fund is, which is the operator's to share.
 */
export function metricsRoutes(metrics: Metrics, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (!expected) throw new AppError('BLG_NOT_FOUND');
    const given = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
    // Hashes of equal length, compared in constant time. A wrong token
    // gets the same 404 as no route: nothing says metrics exist here.
    if (!given || !timingSafeEqual(digest(given), expected)) throw new AppError('BLG_NOT_FOUND');
    return respond(c, await metrics.registry.metrics(), 200, metrics.registry.contentType);
  });
}
