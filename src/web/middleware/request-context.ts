import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../../config.ts';
import type { Translations } from '../../i18n/translator.ts';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../app-env.ts';
import type { Metrics } from '../metrics.ts';
import { applyPendingHeaders } from '../response-headers.ts';

// A proxy's request id is kept only if it cannot smuggle anything into a log.
const trustedRequestId = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The X-Request-Id to keep, if any: only behind a trusted proxy (which sets
 * its own), and only in the proxy's shape. From anyone else it is client
 * input that would be written to every log line of the request and echoed
 * back, and a phone number or a name fits the pattern.
 */
export function incomingRequestId(header: string | undefined, trustProxy: boolean): string | null {
  return trustProxy && header !== undefined && trustedRequestId.test(header) ? header : null;
}

/**
 * Gives each request an id and a child logger, and writes one access-log
 * line when it ends. The line names the route pattern, never the concrete
 * path or query string (which may carry a reference number or an answer),
 * and never the client's IP address: for the people Belong serves an IP
 * address can be identifying, and nothing here needs it.
 */
export function requestContext(
  config: Config,
  logger: Logger,
  translations: Translations,
  metrics: Metrics,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requestId =
      incomingRequestId(c.req.header('x-request-id'), config.trustProxy) ?? randomUUID();
    c.set('requestId', requestId);
    // One logger for all requests, each line naming its request: a child
    // logger per request cost more than the line it wrote.
    c.set('logger', logger);
    c.set('config', config);
    c.set('translator', translations.for('en'));
    c.set('responseHeaders', { 'x-request-id': requestId });
    c.set('responseCookies', []);
    c.set('responseHeadersApplied', false);
    const started = performance.now();
    await next();
    applyPendingHeaders(c);
    const ms = performance.now() - started;
    const route = c.req.routePath;
    logger.info(
      {
        reqId: requestId,
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round(ms * 10) / 10,
      },
      'request',
    );
    metrics.observeRequest(c.req.method, route, c.res.status, ms / 1000);
  });
}
