import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { SessionStage, StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import type { AppEnv } from '../app-env.ts';
import { setResponseCookie, setResponseHeader } from '../response-headers.ts';
import { isSecureRequest } from './security-headers.ts';

/**
 * The staff session cookie: a random 256-bit secret, HttpOnly, SameSite
 * Strict, Secure over TLS, with the __Host- prefix there (OWASP ASVS 4.0.3
 * §3.4.1–3.4.4): host-only and path /, so no sibling subdomain can plant
 * one. No Max-Age: it ends with the browser, and the server ends it sooner
 * (src/modules/accounts/staff-auth-policy.ts).
 */
export function staffCookieName(c: Context<AppEnv>): string {
  return isSecureRequest(c) ? '__Host-belong_staff' : 'belong_staff';
}

export function readStaffToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, staffCookieName(c));
}

export function setStaffCookie(c: Context<AppEnv>, token: string): void {
  setResponseCookie(c, staffCookieName(c), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c),
  });
}

export function clearStaffCookie(c: Context<AppEnv>): void {
  setResponseCookie(c, staffCookieName(c), '', {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c),
    maxAge: 0,
  });
}

/** Where a session that is not yet signed in goes next. */
export const stagePaths: Record<SessionStage, string> = {
  complete: '/staff',
  'second-factor': '/staff/second-factor',
  'enrol-password': '/staff/enrol',
  'enrol-totp': '/staff/enrol',
};

/**
 * Lets a request through only with a live session that has proven both
 * factors: it loads the session (ending it after 30 minutes idle or 12
 * hours in all), and puts `{ staffId, memberships }` on the context as
 * `staff`. A page asked for without one is sent to sign in (or to the step
 * the session is at); anything else, and the JSON API, gets
 * BLG_STAFF_SIGN_IN_REQUIRED. Staff pages are never cached.
 */
export function requireStaff(auth: StaffAuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    setResponseHeader(c, 'cache-control', 'no-store');
    const state = await auth.session(readStaffToken(c));
    if (state?.stage !== 'complete') {
      const isPage =
        (c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.path.startsWith('/api/');
      if (!isPage) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
      if (!state) clearStaffCookie(c);
      const target = state ? stagePaths[state.stage] : '/staff/sign-in';
      return c.redirect(localePath(c.get('translator').locale, target), 303);
    }
    c.set('staff', await auth.identity(state.staffId));
    return next();
  });
}

/** A session secret as the staff API carries it: `Authorization: Bearer <token>`. */
export function bearerToken(c: Context<AppEnv>): string | undefined {
  return /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header('authorization') ?? '')?.[1];
}

/**
 * requireStaff for the JSON API: the same server-side session, 30 minutes
 * idle and 12 hours in all, named by a bearer token instead of a cookie.
 * No cookie means no cross-site request can ride on it, so the API needs
 * no form token. Anything short of a signed-in session is
 * BLG_STAFF_SIGN_IN_REQUIRED with `WWW-Authenticate: Bearer` (RFC 6750 §3).
 */
export function requireStaffToken(auth: StaffAuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    setResponseHeader(c, 'cache-control', 'no-store');
    const state = await auth.session(bearerToken(c));
    if (state?.stage !== 'complete') {
      setResponseHeader(c, 'www-authenticate', 'Bearer realm="belong-staff"');
      throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    }
    c.set('staff', await auth.identity(state.staffId));
    return next();
  });
}
