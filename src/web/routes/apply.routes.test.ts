import assert from 'node:assert/strict';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { decodeHtml, formFor, heading, Visitor } from '../../../test/support/visitor.ts';
import { applicationFlows } from '../../flow/application-flows.ts';
import { pageByKey } from '../../flow/flow.ts';
import { reservedPageKeys } from './apply.routes.tsx';

/** A page and its stylesheet must arrive in 30 KB or less, compressed (issue 5). */
const budgetBytes = 30 * 1024;
const stylesheetBytes = new Map<string, number>();

async function assertPageWeight(visitor: Visitor): Promise<void> {
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(visitor.html)?.[1];
  assert.ok(href, `a stylesheet on ${visitor.url}`);
  let css = stylesheetBytes.get(href);
  if (css === undefined) {
    css = gzipSync(await (await visitor.app.request(href)).text()).length;
    stylesheetBytes.set(href, css);
  }
  const total = gzipSync(visitor.html).length + css;
  assert.ok(total <= budgetBytes, `${visitor.url} weighs ${total} bytes`);
}

/** Walks a program's pages from the start, answering each with the flow's example. */
async function applyWith(visitor: Visitor, program: string, locale = 'en') {
  const entry = applicationFlows.get(program);
  assert.ok(entry);
  const base = `/${locale}/apply/${program}`;
  await visitor.get(base);
  assert.equal(visitor.status, 200);
  await visitor.post(`${base}/start`, {});
  for (let step = 0; step < 60 && !visitor.url.endsWith('/check-answers'); step++) {
    assert.equal(visitor.status, 200, `${visitor.url}: ${heading(visitor.html)}`);
    await assertPageWeight(visitor);
    const key = visitor.url.split('?')[0]?.split('/').at(-1) ?? '';
    const page = pageByKey(entry.flow, key);
    assert.ok(page, `a page of the flow: ${visitor.url}`);
    await visitor.post(visitor.formAction(), formFor(page, entry.exampleAnswers));
  }
  assert.match(visitor.url, /\/check-answers$/);
  await assertPageWeight(visitor);
  return base;
}

function codes(html: string): { reference: string; claimCode: string } {
  const found = [...html.matchAll(/belong-code"[^>]*>([^<]+)</g)].map((m) =>
    decodeHtml(m[1] as string),
  );
  const reference = found.find((code) => code.startsWith('BLG-'));
  const claimCode = found.find((code) => /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code));
  assert.ok(
    reference && claimCode,
    `the confirmation shows both codes: ${html.slice(html.indexOf('<main'), html.indexOf('<main') + 600)}`,
  );
  return { reference, claimCode };
}

describeEachEngine(
  'apply and status, without JavaScript',
  (database, _engine, keyStore) => {
    const app = () => {
      const { services, rules } = testServices(database(), keyStore());
      return testApp({ database: database(), services, rules }).app;
    };

    it('names no page of a flow like a route of its own', () => {
      for (const [program, { flow }] of applicationFlows) {
        for (const page of flow.pages) {
          assert.ok(
            !(reservedPageKeys as readonly string[]).includes(page.key),
            `${program}/${page.key}`,
          );
        }
      }
    });

    for (const program of applicationFlows.keys()) {
      it(`${program}: from the start page to the confirmation and the status page`, async () => {
        const web = app();
        const visitor = new Visitor(web);
        const base = await applyWith(visitor, program);
        // Sending without the declaration is refused, and loses nothing.
        await visitor.post(`${base}/check-answers`, {});
        assert.equal(visitor.status, 422);
        // The form as the browser holds it, to press "send" again later.
        const sent = { ...visitor.hiddenFields(`${base}/check-answers`), declaration: 'yes' };
        await visitor.post(`${base}/check-answers`, { declaration: 'yes' });
        assert.equal(visitor.status, 200);
        assert.match(visitor.url, /\/confirmation$/);
        const { reference, claimCode } = codes(visitor.html);
        await assertPageWeight(visitor);

        // A reload, a double submit, the back button: the same case, never a second.
        await visitor.get(`${base}/confirmation`);
        assert.equal(codes(visitor.html).reference, reference);
        await visitor.post(`${base}/check-answers`, sent);
        assert.equal(codes(visitor.html).reference, reference);
        const firstPage = applicationFlows.get(program)?.flow.pages[0]?.key;
        await visitor.get(`${base}/${firstPage}`);
        assert.match(visitor.url, /\/confirmation$/);
        const cases = await database()
          .db.selectFrom('cases')
          .select('reference')
          .where('program', '=', program)
          .execute();
        assert.equal(cases.filter((row) => row.reference === reference).length, 1);

        const status = new Visitor(web);
        await status.get('/en/status');
        await status.post('/en/status', { reference: reference.toLowerCase(), claimCode });
        assert.equal(status.status, 200);
        assert.match(status.html, /Received: waiting for review/);
        await status.get('/en/status');
        await status.post('/en/status', { reference, claimCode: '0000-0000-0000' });
        assert.equal(status.status, 404);
      });
    }

    it('saves at every page: a new browser resumes with the code and birth date', async () => {
      const web = app();
      const visitor = new Visitor(web);
      const base = '/es/apply/tps';
      await visitor.get(base);
      await visitor.post(`${base}/start`, {});
      const entry = applicationFlows.get('tps');
      assert.ok(entry);
      // Two pages answered, then the connection is lost.
      for (let i = 0; i < 2; i++) {
        const page = pageByKey(entry.flow, visitor.url.split('/').at(-1) ?? '');
        assert.ok(page);
        await visitor.post(visitor.formAction(), formFor(page, entry.exampleAnswers));
      }
      const reached = visitor.url;
      await visitor.get(`${base}/saved`);
      const resumeCode = /belong-code"[^>]*>([0-9A-Z-]{14})</.exec(visitor.html)?.[1];
      assert.ok(resumeCode);

      const other = new Visitor(web);
      await other.get(`${base}/resume`);
      await other.post(`${base}/resume`, {
        code: resumeCode,
        'birthDate.day': '3',
        'birthDate.month': '11',
        'birthDate.year': '1990',
      });
      assert.equal(other.status, 422, 'a wrong birth date does not open it');
      await other.post(`${base}/resume`, {
        code: resumeCode.toLowerCase(),
        'birthDate.day': '2',
        'birthDate.month': '11',
        'birthDate.year': '1990',
      });
      assert.equal(other.status, 200);
      assert.equal(other.url, reached, 'back where they stopped');
      // The first browser's hold is gone: the draft moved with its code.
      await visitor.get(`${base}/continue`);
      assert.equal(visitor.status, 404);
    });

    it('refuses a page the answers do not reach, and malformed input with a translated 422', async () => {
      const web = app();
      const visitor = new Visitor(web);
      const entry = applicationFlows.get('naturalization');
      assert.ok(entry);
      await visitor.get('/en/apply/naturalization');
      await visitor.post('/en/apply/naturalization/start', {});
      const first = visitor.url;
      const last = entry.flow.pages.at(-1)?.key;
      await visitor.get(`/en/apply/naturalization/${last}`);
      assert.equal(visitor.url, first, 'sent back to the first page to answer');
      const dated = entry.flow.pages.find((page) =>
        page.fields.some((field) => field.kind === 'date'),
      );
      assert.ok(dated);
      await visitor.get(`/en/apply/naturalization/check-answers`);
      await new Visitor(web).get('/en/apply/naturalization/check-answers').then((response) => {
        assert.equal(response.status, 404);
      });
      await visitor.get('/en/apply/no-such-program');
      assert.equal(visitor.status, 404);
    });
  },
  { keyStore: true },
);
