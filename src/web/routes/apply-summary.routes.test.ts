import assert from 'node:assert/strict';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { testServices } from '../../../test/support/services.ts';
import { decodeHtml, formFor, heading, Visitor } from '../../../test/support/visitor.ts';
import { applicationFlows } from '../../flow/application-flows.ts';
import { pageByKey } from '../../flow/flow.ts';

/** Walks a program's pages from the start to check your answers, with the flow's example. */
async function applyWith(visitor: Visitor, program: string, locale = 'en') {
  const entry = applicationFlows.get(program);
  assert.ok(entry);
  const base = `/${locale}/apply/${program}`;
  await visitor.get(base);
  await visitor.post(`${base}/start`, {});
  for (let step = 0; step < 60 && !visitor.url.endsWith('/check-answers'); step++) {
    assert.equal(visitor.status, 200, `${visitor.url}: ${heading(visitor.html)}`);
    const key = visitor.url.split('?')[0]?.split('/').at(-1) ?? '';
    const page = pageByKey(entry.flow, key);
    assert.ok(page, `a page of the flow: ${visitor.url}`);
    await visitor.post(visitor.formAction(), formFor(page, entry.exampleAnswers));
  }
  assert.match(visitor.url, /\/check-answers$/);
  return base;
}

/** The browser's cookies, as a request header. */
function cookieHeader(visitor: Visitor): string {
  return [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

async function pdfOf(visitor: Visitor, path: string) {
  const response = await visitor.app.request(path, { headers: { cookie: cookieHeader(visitor) } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A page and its stylesheet in 30 KB or less, compressed (issue 5). */
async function assertPageWeight(visitor: Visitor): Promise<void> {
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(visitor.html)?.[1];
  assert.ok(href);
  const css = gzipSync(await (await visitor.app.request(href)).text()).length;
  const total = gzipSync(visitor.html).length + css;
  assert.ok(total <= 30 * 1024, `${visitor.url} weighs ${total} bytes`);
}

describeEachEngine(
  'the application summary and its PDF',
  (database, _engine, keyStore) => {
    const app = () => {
      const { services, rules } = testServices(database(), keyStore());
      return testApp({ database: database(), services, rules }).app;
    };

    it('shows only to the browser holding the draft', async () => {
      const visitor = new Visitor(app());
      for (const path of ['/en/apply/tps/summary', '/en/apply/tps/summary.pdf']) {
        const response = await visitor.get(path);
        assert.equal(response.status, 404, path);
        assert.match(visitor.html, /BLG_DRAFT_NOT_FOUND/, path);
      }
      await visitor.get('/en/apply/no-such-program/summary');
      assert.equal(visitor.status, 404);
    });

    it('naturalization: the answers by page, the documents, then the reference once sent', async () => {
      const visitor = new Visitor(app());
      const base = await applyWith(visitor, 'naturalization');
      assert.ok(visitor.html.includes(`href="${base}/summary"`), 'check your answers links to it');

      const response = await visitor.get(`${base}/summary`);
      assert.equal(visitor.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const html = decodeHtml(visitor.html);
      assert.match(html, /Summary of your application/);
      assert.match(html, /Not sent yet/);
      // The answers, grouped under the page that asked them, with no Change link.
      assert.match(html, /<h3>What is your name\?<\/h3>/);
      assert.match(html, /Maria/);
      assert.doesNotMatch(html, /\?change=1/);
      // The example applies through a citizen spouse: the marriage certificate, and the green card.
      assert.match(html, /Your marriage certificate/);
      assert.match(html, /Permanent Resident Card/);
      assert.doesNotMatch(html, /Form N-426/);
      assert.ok(html.includes(`href="${base}/summary.pdf"`));
      await assertPageWeight(visitor);

      await visitor.get(`${base}/check-answers`);
      await visitor.post(`${base}/check-answers`, { declaration: 'yes' });
      assert.match(visitor.url, /\/confirmation$/);
      assert.ok(visitor.html.includes(`href="${base}/summary"`), 'the confirmation links to it');
      const codes = [...visitor.html.matchAll(/belong-code"[^>]*>([^<]+)</g)].map((m) => m[1]);
      const reference = codes.find((code) => code?.startsWith('BLG-'));
      const claimCode = codes.find((code) => code !== reference);
      assert.ok(reference && claimCode);

      await visitor.get(`${base}/summary`);
      assert.equal(visitor.status, 200);
      assert.ok(visitor.html.includes(reference), 'the reference once sent');
      assert.ok(!visitor.html.includes(claimCode), 'never the claim code');
      assert.doesNotMatch(visitor.html, /Not sent yet/);
      await assertPageWeight(visitor);

      const { response: pdf, bytes } = await pdfOf(visitor, `${base}/summary.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(pdf.headers.get('cache-control'), 'no-store');
      assert.match(pdf.headers.get('content-disposition') ?? '', /attachment/);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(bytes);
      assert.ok(text.includes(reference), 'the reference in the PDF');
      assert.ok(!text.includes(claimCode), 'never the claim code in the PDF');
      assert.match(text, /Maria/);
      assert.match(text, /Your marriage certificate/);
    });

    it('wage-replacement: a PDF in Russian names each employer, in Cyrillic', async () => {
      const visitor = new Visitor(app());
      const base = await applyWith(visitor, 'wage-replacement', 'ru');
      const { response, bytes } = await pdfOf(visitor, `${base}/summary.pdf`);
      assert.equal(response.status, 200);
      // Each font run ends its own text object: join them back into lines.
      const text = pdfText(bytes).replace(/\n/g, '');
      assert.match(text, /Сводка вашего заявления/);
      assert.match(text, /Example Orchards LLC/);
      assert.doesNotMatch(text, /\uFFFD/, 'every character has a glyph');
    });

    it('tps in Korean: the PDF is in English, says why, and points to the page to print', async () => {
      const visitor = new Visitor(app());
      const base = await applyWith(visitor, 'tps', 'ko');
      const { response, bytes } = await pdfOf(visitor, `${base}/summary.pdf`);
      assert.equal(response.status, 200);
      const text = pdfText(bytes).replace(/\n/g, ' ');
      assert.match(text, /cannot show Korean writing/);
      assert.match(text, /\/ko\/apply\/tps\/summary/);
      assert.match(text, /Proof of your identity and nationality/);
      await visitor.get(`${base}/summary`);
      assert.equal(visitor.status, 200);
      assert.match(decodeHtml(visitor.html), /신원 및 국적 증명/);
    });
  },
  { keyStore: true },
);
