import assert from 'node:assert/strict';
import { getAnswer } from '../../src/flow/flow.ts';
import type { FlowAnswers, FlowField, FlowPage } from '../../src/flow/flow-definition.ts';

type App = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export function decodeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text of the page's first <h1>. */
export function heading(html: string): string {
  return decodeHtml(
    /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '',
  ).trim();
}

/**
 * A person with a browser without JavaScript: keeps cookies, follows
 * redirects, and posts forms with their hidden fields (the CSRF token).
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  html = '';
  status = 0;
  url = '';

  constructor(readonly app: App) {}

  private keep(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private async follow(response: Response): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops++) {
      const location = current.headers.get('location');
      assert.ok(location, 'a redirect names where to');
      current = await this.request(location, { method: 'GET' });
    }
    this.status = current.status;
    this.html = await current.text();
    return current;
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    this.url = path;
    const response = await this.app.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    this.keep(response);
    return response;
  }

  async get(path: string): Promise<Response> {
    return this.follow(await this.request(path, { method: 'GET' }));
  }

  /** The hidden fields of the form posting to `action` (or of the first form), in order. */
  hiddenPairs(action?: string): [string, string][] {
    const forms = [...this.html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = forms.find(
      (match) => action === undefined || decodeHtml(match[1] as string) === action,
    );
    return [
      ...(form?.[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g),
    ].map((match) => [match[1] as string, decodeHtml(match[2] as string)]);
  }

  /** The same, one value per name (the last). */
  hiddenFields(action?: string): Record<string, string> {
    return Object.fromEntries(this.hiddenPairs(action));
  }

  /** The action of the page's form whose submit button says nothing in particular: the first post form. */
  formAction(): string {
    const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/.exec(this.html)?.[1];
    assert.ok(action, `no form on "${heading(this.html)}" (${this.url})`);
    return decodeHtml(action);
  }

  /** Posts `fields` (and the form's hidden fields) to `action`, following the redirect. */
  async post(
    action: string,
    fields: Record<string, string> | [string, string][],
  ): Promise<Response> {
    const body = new URLSearchParams(this.hiddenPairs(action));
    for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) {
      body.append(name, value);
    }
    return this.follow(
      await this.request(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }),
    );
  }
}

function fieldEntries(field: FlowField, name: string, value: unknown): [string, string][] {
  if (value === undefined || value === null) return [];
  switch (field.kind) {
    case 'date': {
      const [year, month, day] = String(value).split('-');
      return [
        [`${name}.day`, String(Number(day))],
        [`${name}.month`, String(Number(month))],
        [`${name}.year`, year ?? ''],
      ];
    }
    case 'yes-no':
      return [[name, value === true ? 'yes' : 'no']];
    default:
      return [[name, String(value)]];
  }
}

/** The form a person fills in on `page` to give `answers`, as the browser posts it. */
export function formFor(page: FlowPage, answers: FlowAnswers): [string, string][] {
  if (page.repeat) {
    const items = getAnswer(answers, page.repeat.path);
    return (Array.isArray(items) ? items : []).flatMap((item, index) =>
      page.fields.flatMap((field) =>
        fieldEntries(
          field,
          `${page.repeat?.path}.${index}.${field.path}`,
          getAnswer(item, field.path),
        ),
      ),
    );
  }
  return page.fields.flatMap((field) =>
    fieldEntries(field, field.path, getAnswer(answers, field.path)),
  );
}
