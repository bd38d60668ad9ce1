import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { type HeaderRecord, setResponseHeader } from '../response-headers.ts';

/**
 * Strict headers on every response (OWASP Secure Headers Project,
 * https://owasp.org/www-project-secure-headers/). The Content-Security-Policy
 * allows no inline script or style and no third-party origin at all: pages
 * work without JavaScript, and nothing a person does here is shown to
 * another site. `frame-ancestors 'none'` stops clickjacking.
 *
 * The headers never vary, so they are computed once; Hono's secureHeaders
 * middleware rebuilds them on every request, which cost a third of the
 * home page's throughput.
 */
export const securityHeaderValues: readonly (readonly [string, string])[] = [
  [
    'Content-Security-Policy',
    [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  ],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  // The old XSS auditor did more harm than good; "0" turns it off (OWASP).
  ['X-XSS-Protection', '0'],
];

/** Whether this request reached us over TLS, directly or through a trusted proxy. */
export function isSecureRequest(c: Context<AppEnv>): boolean {
  if (c.req.url.startsWith('https:')) return true;
  return c.get('config').trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

/** Gathered with the request's other headers (see response-headers.ts). */
const securityHeaderRecord: HeaderRecord = Object.fromEntries(
  securityHeaderValues.map(([name, value]) => [name.toLowerCase(), value]),
);

export const securityHeaders = createMiddleware<AppEnv>((c, next) => {
  Object.assign(c.get('responseHeaders'), securityHeaderRecord);
  // HSTS only over TLS: on plain HTTP browsers ignore it, and it would be
  // wrong for the embedded demo on localhost. Two years, as hstspreload.org asks.
  if (isSecureRequest(c))
    setResponseHeader(c, 'strict-transport-security', 'max-age=63072000; includeSubDomains');
  return next();
});
