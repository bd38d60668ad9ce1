import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp } from '../../test/support/app.ts';
import { maxBodyBytes } from './app.ts';
import { csrfToken } from './middleware/csrf.ts';
import { renderPage } from './render.ts';

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

function cookieFrom(response: Response, name: string): string | undefined {
  const header = response.headers.getSetCookie().find((value) => value.startsWith(`${name}=`));
  return header?.split(';')[0];
}

describe('web app', () => {
  it('serves the home page in the language of the URL prefix, and remembers it', async () => {
    const { app } = testApp();
    const response = await app.request('/es/');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<html lang="es" dir="ltr">/);
    assert.match(html, /Averigüe a qué tiene derecho/);
    assert.equal(response.headers.get('content-language'), 'es');
    const cookie = cookieFrom(response, 'belong_lang');
    assert.equal(cookie, 'belong_lang=es');

    const again = await app.request('/', { headers: { cookie: cookie ?? '' } });
    assert.match(await again.text(), /<html lang="es"/);
    assert.match(again.headers.get('vary') ?? '', /Cookie/);
  });

  it('sets right-to-left direction for Arabic', async () => {
    const { app } = testApp();
    const html = await (await app.request('/ar/')).text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
  });

  it("falls back to the browser's language, then English", async () => {
    const { app } = testApp();
    const spanish = await app.request('/', { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    assert.equal(spanish.headers.get('content-language'), 'es');
    const english = await app.request('/', { headers: { 'accept-language': 'fr-FR' } });
    assert.equal(english.headers.get('content-language'), 'en');
  });

  it('answers an unknown address with a translated 404 and its code', async () => {
    const { app } = testApp();
    const response = await app.request('/es/no-such-page');
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /No se encontró la página/);
    assert.match(html, /BLG_NOT_FOUND/);
  });

  it('answers JSON with a coded error under /api/', async () => {
    const { app } = testApp();
    const response = await app.request('/api/v1/nothing', { headers: { 'accept-language': 'es' } });
    assert.equal(response.status, 404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'BLG_NOT_FOUND');
    assert.match(body.error.message, /No pudimos encontrar/);
  });

  it('shows a 500 page with a correlation id and no stack trace, and logs the id', async () => {
    const { app, logs } = testApp({ config: { trustProxy: true } });
    app.get('/boom', () => {
      throw new Error('database exploded near Canary Street');
    });
    const response = await app.request('/boom', {
      headers: { 'x-request-id': 'support-ref-12345678' },
    });
    assert.equal(response.status, 500);
    const html = await response.text();
    assert.match(html, /support-ref-12345678/);
    assert.match(html, /BLG_INTERNAL/);
    assert.doesNotMatch(html, /Canary Street|at .*\.ts:\d+/);
    assert.match(logs.text, /support-ref-12345678/);
  });

  it('serves metrics only with the bearer token, labelled by route pattern', async () => {
    const token = 'a-metrics-token-of-at-least-32-chars!';
    const closed = testApp();
    assert.equal((await closed.app.request('/metrics')).status, 404);
    const { app } = testApp({ config: { metricsToken: token } });
    await app.request('/es/');
    await app.request('/no/such/page');
    assert.equal((await app.request('/metrics')).status, 404);
    const wrong = await app.request('/metrics', { headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 404);
    const scrape = await app.request('/metrics', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(scrape.status, 200);
    const text = await scrape.text();
    assert.match(text, /belong_http_requests_total\{route="\/",method="GET",status="2xx"\} 1/);
    assert.match(text, /status="4xx"/);
    assert.doesNotMatch(text, /no\/such\/page/);
  });

  it("neither logs nor echoes a client's own X-Request-Id without a trusted proxy", async () => {
    const { app, logs } = testApp();
    // A phone number fits a proxy's id pattern; from a client it is input.
    const response = await app.request('/', { headers: { 'x-request-id': '2065550147' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.doesNotMatch(logs.text, /2065550147/);
  });

  it('sends strict security headers, and HSTS only over TLS', async () => {
    const { app } = testApp();
    const plain = await app.request('/');
    const csp = plain.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(plain.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(plain.headers.get('x-frame-options'), 'DENY');
    assert.equal(plain.headers.get('strict-transport-security'), null);

    const secure = await app.request('https://belong.example/');
    assert.match(secure.headers.get('strict-transport-security') ?? '', /max-age=63072000/);

    const proxied = testApp({ config: { trustProxy: true } }).app;
    const viaProxy = await proxied.request('/', { headers: { 'x-forwarded-proto': 'https' } });
    assert.ok(viaProxy.headers.get('strict-transport-security'));
    const untrusted = await app.request('/', { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(untrusted.headers.get('strict-transport-security'), null);
  });

  it('sends every gathered header and cookie, on pages and on responses Hono builds', async () => {
    const { app } = testApp();
    app.get('/form-page', (c) => {
      csrfToken(c);
      return renderPage(c, { title: 'form', body: 'form' });
    });
    app.get('/api/plain', (c) => {
      csrfToken(c);
      return c.json({ ok: true });
    });
    for (const path of ['/es/form-page', '/es/api/plain']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.ok(cookieFrom(response, 'belong_lang'), `${path} sets the language cookie`);
      assert.ok(cookieFrom(response, 'belong_csrf'), `${path} sets the form token cookie`);
      assert.equal(response.headers.get('content-language'), 'es', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, path);
    }
  });

  describe('form posts', () => {
    function appWithForm() {
      const built = testApp();
      built.app.get('/form-token', (c) => c.text(csrfToken(c)));
      built.app.post('/form', async (c) => c.text(`saved ${(await c.req.parseBody()).answer}`));
      return built;
    }

    it('accepts a post with the token its page issued', async () => {
      const { app } = appWithForm();
      const page = await app.request('/form-token');
      const cookie = cookieFrom(page, 'belong_csrf') ?? '';
      const token = await page.text();
      const response = await app.request(
        '/form',
        form({ _csrf: token, answer: 'yes' }, { cookie }),
      );
      assert.equal(response.status, 200);
      assert.equal(await response.text(), 'saved yes');
    });

    it('refuses a post without a token, with a forged token, or from another site', async () => {
      const { app } = appWithForm();
      const page = await app.request('/form-token');
      const cookie = cookieFrom(page, 'belong_csrf') ?? '';
      const token = await page.text();
      const cases: [string, RequestInit][] = [
        ['no token', form({ answer: 'x' }, { cookie })],
        ['no cookie', form({ _csrf: token, answer: 'x' })],
        ['forged token', form({ _csrf: `${token.slice(0, -2)}AA`, answer: 'x' }, { cookie })],
        ['cross-site origin', form({ _csrf: token }, { cookie, origin: 'https://evil.example' })],
        ['cross-site fetch', form({ _csrf: token }, { cookie, 'sec-fetch-site': 'cross-site' })],
      ];
      for (const [label, init] of cases) {
        const response = await app.request('/es/form', init);
        assert.equal(response.status, 403, label);
        assert.match(await response.text(), /BLG_CSRF_FAILED/, label);
      }
    });

    it('refuses a body over the limit with 413 and a translated page', async () => {
      const { app } = appWithForm();
      const response = await app.request('/es/form', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(maxBodyBytes + 1),
        },
        body: 'a='.padEnd(maxBodyBytes + 1, 'x'),
      });
      assert.equal(response.status, 413);
      assert.match(await response.text(), /demasiado grande/);
    });

    it('refuses a post in a format forms do not use', async () => {
      const { app } = appWithForm();
      const response = await app.request('/form', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hello',
      });
      assert.equal(response.status, 415);
    });
  });

  it('logs one line a request with the route pattern, never the query string or the IP', async () => {
    const { app, logs } = testApp();
    await app.request('/es/?name=Canary', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    const line = logs.lines.find((entry) => entry.includes('"msg":"request"'));
    assert.ok(line);
    const parsed = JSON.parse(line) as Record<string, unknown>;
    assert.equal(parsed.route, '/');
    assert.equal(parsed.status, 200);
    assert.doesNotMatch(logs.text, /Canary|203\.0\.113\.9/);
  });

  it('serves the fingerprinted stylesheet with a long cache lifetime', async () => {
    const { app } = testApp();
    const html = await (await app.request('/')).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(href);
    const css = await app.request(href);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /immutable/);
  });
});
