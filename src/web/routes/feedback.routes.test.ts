import assert from 'node:assert/strict';
import { it } from 'node:test';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { Visitor } from '../../../test/support/visitor.ts';

describeEachEngine('translation reports', (database) => {
  it('links every machine-drafted page to a report that keeps page, language and problem only', async () => {
    const { app } = testApp({ database: database() });
    const visitor = new Visitor(app);
    await visitor.get('/es/check');
    const link = /<a href="(\/es\/translation-report\?page=[^"]+)"/.exec(visitor.html)?.[1];
    assert.ok(link, 'the Spanish page links to a report');
    await visitor.get('/en/check');
    assert.doesNotMatch(visitor.html, /translation-report/, 'English is the source');

    await visitor.get(link.replaceAll('&amp;', '&'));
    assert.equal(visitor.status, 200);
    await visitor.post('/es/translation-report', {});
    assert.equal(visitor.status, 422, 'a problem must be chosen');
    await visitor.post('/es/translation-report', { problem: 'unclear' });
    assert.equal(visitor.status, 200);
    const rows = await database().db.selectFrom('translation_reports').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.locale, 'es');
    assert.equal(rows[0]?.page_path, '/check');
    assert.equal(rows[0]?.problem, 'unclear');

    // A page that is not one of our address shapes is not stored as given.
    await visitor.get('/es/translation-report?page=/people/Maria%20Lopez?dob=1990');
    await visitor.post('/es/translation-report', { problem: 'other' });
    const paths = (
      await database().db.selectFrom('translation_reports').select('page_path').execute()
    ).map((row) => row.page_path);
    assert.deepEqual(paths.sort(), ['/', '/check']);
  });
});
