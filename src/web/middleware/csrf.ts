import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../app-env.ts';
import { setResponseCookie } from '../response-headers.ts';
import { isSecureRequest } from './security-headers.ts';

export const csrfFieldName = '_csrf';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookieName(c: Context<AppEnv>): string {
  // The __Host- prefix (secure, host-only, path /) stops a sibling subdomain
  // from planting its own token cookie; browsers accept it only over TLS.
  return isSecureRequest(c) ? '__Host-belong_csrf' : 'belong_csrf';
}

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`csrf:${value}`).digest('base64url');
}

/**
 * The token for this browser's forms (OWASP CSRF Prevention Cheat Sheet,
 * "signed double-submit cookie"). The cookie holds a random value; each form
 * carries its HMAC under the server's secret. Call it from a page that
 * renders a form, and put the result in a hidden `_csrf` field.
 */
export function csrfToken(c: Context<AppEnv>): string {
  const name = cookieName(c);
  let value = getCookie(c, name);
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
    value = randomBytes(32).toString('base64url');
    setResponseCookie(c, name, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isSecureRequest(c),
    });
  }
  return sign(c.get('config').secret, value);
}

/**
 * Rejects a state-changing request that did not come from one of our own
 * pages: first by where the browser says it came from (Origin and
 * Sec-Fetch-Site), then by the token. The JSON API under /api/ takes no
 * cookies, so it cannot be forged this way and is not checked here.
 */
export const csrfProtection = createMiddleware<AppEnv>((c, next) => {
  if (!unsafeMethods.has(c.req.method) || c.req.path.startsWith('/api/')) return next();
  return checkFormPost(c, next);
});

async function checkFormPost(c: Context<AppEnv>, next: Next): Promise<void> {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('BLG_CSRF_FAILED');
  const origin = c.req.header('origin');
  // Under our own `Referrer-Policy: no-referrer` a browser posts a form with
  // `Origin: null` (Fetch, "serializing a request origin"), so "null" says
  // nothing about where the form came from: a cross-site post is still
  // refused by Sec-Fetch-Site above and by the token below.
  if (origin && origin !== 'null' && origin !== expectedOrigin(c)) {
    throw new AppError('BLG_CSRF_FAILED');
  }

  const cookie = getCookie(c, cookieName(c));
  const contentType = c.req.header('content-type') ?? '';
  if (
    !contentType.startsWith('application/x-www-form-urlencoded') &&
    !contentType.startsWith('multipart/form-data')
  ) {
    throw new AppError('BLG_UNSUPPORTED_MEDIA_TYPE');
  }
  let submitted: unknown;
  try {
    submitted = (await c.req.parseBody())[csrfFieldName];
  } catch (error) {
    throw new AppError('BLG_BAD_REQUEST', { cause: error });
  }
  if (
    !cookie ||
    typeof submitted !== 'string' ||
    !tokensMatch(sign(c.get('config').secret, cookie), submitted)
  ) {
    throw new AppError('BLG_CSRF_FAILED');
  }
  await next();
}

function expectedOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const host = c.req.header('host') ?? url.host;
  return `${isSecureRequest(c) ? 'https' : url.protocol.slice(0, -1)}://${host}`;
}

function tokensMatch(expected: string, submitted: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
