import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { jsx } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.ts';
import { BaseLayout } from './layouts/base-layout.tsx';
import { respond } from './response-headers.ts';

const htmlType = 'text/html; charset=UTF-8';

export interface PageOptions {
  title: string;
  body: Child;
  status?: ContentfulStatusCode;
  /**
   * The path the language links point to, without a language prefix; the
   * request's own path by default. Error pages link to the home page
   * instead: an unknown address may carry a name or a reference number,
   * and a page must never repeat it back.
   */
  linkPath?: string;
}

async function renderHtml(c: Context<AppEnv>, page: PageOptions): Promise<string> {
  const element = jsx(BaseLayout, {
    t: c.get('translator'),
    site: c.get('site'),
    path: page.linkPath ?? c.req.path,
    title: page.title,
    children: page.body,
  });
  return `<!doctype html>${await element.toString()}`;
}

/** Renders a page inside the base layout, in the request's language. */
export async function renderPage(c: Context<AppEnv>, page: PageOptions): Promise<Response> {
  return respond(c, await renderHtml(c, page), page.status ?? 200, htmlType);
}

/**
 * Renders a page whose HTML depends only on its language and path (no form,
 * no person's data), once per language, then serves it from memory. Busy
 * days bring many visitors to the same few pages on slow phones.
 */
export async function renderStaticPage(
  c: Context<AppEnv>,
  build: () => PageOptions,
): Promise<Response> {
  const key = `${c.get('translator').locale} ${c.req.path}`;
  let html = c.get('pageCache').get(key);
  const page = html === undefined ? build() : undefined;
  if (page) {
    html = await renderHtml(c, page);
    c.get('pageCache').set(key, html);
  }
  return respond(c, html as string, page?.status ?? 200, htmlType);
}
