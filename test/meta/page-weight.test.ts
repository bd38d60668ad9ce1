import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { supportedLocales } from '../../src/i18n/locales.ts';
import { testAppWithStores } from '../support/app-with-stores.ts';
import { publicPages } from '../support/public-pages.ts';

/** A public page and its stylesheet must arrive in 30 KB or less on a slow phone connection. */
const budgetBytes = 30 * 1024;

describe('page weight', () => {
  let web: Awaited<ReturnType<typeof testAppWithStores>>;
  before(async () => {
    web = await testAppWithStores();
  });
  after(() => web.dispose());
  const app = { request: (path: string, init?: RequestInit) => web.app.request(path, init) };
  for (const locale of supportedLocales) {
    for (const page of publicPages) {
      it(`${page.name} in ${locale} weighs at most 30 KB compressed, HTML and CSS`, async () => {
        const response = await app.request(`/${locale}${page.path}`);
        const html = await response.text();
        const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
          (m) => m[1] ?? '',
        );
        let total = gzipSync(html).length;
        for (const href of stylesheets)
          total += gzipSync(await (await app.request(href)).text()).length;
        assert.ok(total <= budgetBytes, `${total} bytes`);
        assert.equal(stylesheets.length, 1);
      });
    }
  }

  it('is sent compressed to browsers that accept it', async () => {
    const response = await app.request('/en/', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
  });
});
