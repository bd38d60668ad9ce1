import type { Context } from 'hono';
import { type CookieOptions, serialize } from 'hono/utils/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.ts';

/**
 * Response headers gathered as a plain object while a request passes the
 * middleware, and handed to the response in one piece.
 *
 * Hono's `c.header()` writes each header into a web `Headers` object, which
 * validates and sorts on every call, and @hono/node-server then copies it
 * back into a plain object for node:http. For a page served from memory
 * that bookkeeping cost more than the page. Pages built with {@link
 * respond} pass the plain object straight through; any other response
 * (Hono's `c.json`, `c.body`) gets the same headers added when the request
 * ends ({@link applyPendingHeaders}), so no header is ever lost.
 */
export type HeaderRecord = Record<string, string>;

/** Header names are lower case here, as node:http sends them. */
export function setResponseHeader(c: Context<AppEnv>, name: string, value: string): void {
  c.get('responseHeaders')[name] = value;
}

export function appendResponseHeader(c: Context<AppEnv>, name: string, value: string): void {
  const headers = c.get('responseHeaders');
  const current = headers[name];
  headers[name] = current === undefined ? value : `${current}, ${value}`;
}

/** Adds a Set-Cookie header; several cookies in one response each keep their own header. */
export function setResponseCookie(
  c: Context<AppEnv>,
  name: string,
  value: string,
  options: CookieOptions,
): void {
  c.get('responseCookies').push(serialize(name, value, options));
}

/** A response carrying the gathered headers, without passing through a `Headers` object. */
export function respond(
  c: Context<AppEnv>,
  body: string,
  status: ContentfulStatusCode,
  contentType: string,
): Response {
  const headers = c.get('responseHeaders');
  headers['content-type'] = contentType;
  c.set('responseHeadersApplied', true);
  const cookies = c.get('responseCookies');
  if (cookies.length === 0) return new Response(body, { status, headers });
  if (cookies.length === 1) {
    headers['set-cookie'] = cookies[0] as string;
    return new Response(body, { status, headers });
  }
  // Several Set-Cookie headers cannot share one key of a plain object.
  const pairs: [string, string][] = Object.entries(headers);
  for (const cookie of cookies) pairs.push(['set-cookie', cookie]);
  return new Response(body, { status, headers: pairs });
}

/** Adds the gathered headers to a response made some other way. Runs once, as the request ends. */
export function applyPendingHeaders(c: Context<AppEnv>): void {
  if (c.get('responseHeadersApplied')) return;
  const target = c.res.headers;
  for (const [name, value] of Object.entries(c.get('responseHeaders'))) {
    if (name === 'vary') target.append(name, value);
    else if (!target.has(name)) target.set(name, value);
  }
  for (const cookie of c.get('responseCookies')) target.append('set-cookie', cookie);
  c.set('responseHeadersApplied', true);
}
