import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { Translations } from '../../i18n/translator.ts';
import {
  daysBefore,
  decidedRun,
  insertFixtureCases,
} from '../../modules/casework/processing-times.fixtures.ts';
import { wrapLabel } from '../pages/impact-processing-times.page.tsx';

const english = new Translations().for('en');
const naturalizationTitle = english.t('naturalization.title');
const tpsTitle = english.t('tps.title');
const reliefTitle = english.t('wa-relief.title');

/** The text of a table's body rows, cell by cell, tags stripped. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '').replace(/<[^>]+>/g, '').trim(),
    ),
  );
}

describe('processing times page without a database', () => {
  it('answers with its empty state, cacheable by anyone', async () => {
    const { app } = testApp();
    const response = await app.request('/en/impact/processing-times');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    const html = await response.text();
    assert.match(html, /<h1>How long cases take<\/h1>/);
    assert.match(html, /There are no figures yet/);
    assert.doesNotMatch(html, /<svg class="belong-chart"|<table/);
  });
});

describeEachEngine('processing times page', (database) => {
  it('draws the chart and the table from the cases, aggregates only', async () => {
    const { db } = database();
    const now = new Date();
    const [north] = await db
      .insertInto('organisations')
      .values({ slug: 'north', name: 'North Clinic' })
      .returning('id')
      .execute();
    const northId = north?.id as string;
    await insertFixtureCases(db, [
      // Naturalization at North: 11 decided, 1 to 11 days: median 6, 90th percentile 10.
      ...decidedRun(now, 'naturalization', northId, 11, 1),
      // TPS: 3 decided, too few to show; 2 open, one overdue.
      ...decidedRun(now, 'tps', null, 3, 40),
      { program: 'tps', submittedAt: daysBefore(now, 90), decisionDueOn: '2020-01-01' },
      { program: 'tps', submittedAt: daysBefore(now, 5) },
      // Relief: 12 at North and one elsewhere; North's figures would give that one away.
      ...decidedRun(now, 'wa-relief', northId, 12, 5),
      ...decidedRun(now, 'wa-relief', null, 1, 50),
    ]);
    const { app } = testApp({ database: database() });
    const response = await app.request('/en/impact/processing-times');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    const html = await response.text();

    // The table is the accessible source of the numbers.
    assert.deepEqual(tableRows(html, 'by-program'), [
      [naturalizationTitle, '11', '6', '10', '0', '0', 'None'],
      [tpsTitle, '3', 'Too few to show', 'Too few to show', '2', '1', 'Too few to show'],
      [reliefTitle, '13', '11', '16', '0', '0', 'None'],
    ]);
    assert.deepEqual(tableRows(html, 'by-organisation'), [
      ['North Clinic', naturalizationTitle, '11', '6', '10', '0', '0', 'None'],
      ['North Clinic', reliefTitle, '12', 'Not shown', 'Not shown', '0', '0', 'None'],
      [
        'Not yet with an organisation',
        tpsTitle,
        '3',
        'Too few to show',
        'Too few to show',
        '2',
        '1',
        'Too few to show',
      ],
      [
        'Not yet with an organisation',
        reliefTitle,
        '1',
        'Too few to show',
        'Too few to show',
        '0',
        '0',
        'None',
      ],
    ]);
    assert.match(html, /<caption id="by-program-caption">Processing times by program<\/caption>/);

    // The chart: an image with a name and a description, bars for the programs with enough cases.
    const svg = /<svg class="belong-chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-labelledby="chart-title chart-desc"/);
    assert.match(
      svg,
      /<title id="chart-title">Days from application to decision, by program<\/title>/,
    );
    assert.match(svg, /<desc id="chart-desc">[^<]+<\/desc>/);
    assert.equal(
      [...svg.matchAll(/<rect class="belong-bar-median"/g)].length,
      3,
      'legend + two programs',
    );
    assert.equal(
      [...svg.matchAll(/<rect class="belong-bar-p90"/g)].length,
      3,
      'legend + two programs',
    );
    assert.match(svg, />Too few to show</);
    assert.doesNotMatch(html, /<script/);

    // The date range of the decisions counted, and what the numbers mean.
    assert.match(html, /Decisions made from [^<]+ to [^<]+\./);
    assert.match(html, /fewer than 11 cases/);
    assert.match(html, /“Not shown” marks a number/);

    // Nothing that names a case or a person reaches the page.
    const references = await db.selectFrom('cases').select(['reference', 'person_id']).execute();
    for (const row of references) {
      assert.ok(!html.includes(row.reference) && !html.includes(row.person_id));
    }
  });

  it('reuses one report for a minute instead of asking the database on every visit', async () => {
    const { db } = database();
    const { app } = testApp({ database: database() });
    const before = tableRows(
      await (await app.request('/en/impact/processing-times')).text(),
      'by-program',
    );
    await insertFixtureCases(db, [{ program: 'tps', submittedAt: new Date() }]);
    const after = tableRows(
      await (await app.request('/es/impact/processing-times')).text(),
      'by-program',
    );
    assert.deepEqual(
      after.map((row) => row[4]),
      before.map((row) => row[4]),
      'the count waiting is the one from the first visit',
    );
    // A new app (a restart, or the minute past) sees the new case.
    const { app: fresh } = testApp({ database: database() });
    const later = tableRows(
      await (await fresh.request('/en/impact/processing-times')).text(),
      'by-program',
    );
    assert.equal(later.find((row) => row[0] === tpsTitle)?.[4], '3');
  });

  it('shows only translated text in the chart and the tables', async () => {
    const { app } = testApp({ database: database() });
    const html = await (await app.request('/en-XA/impact/processing-times')).text();
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    assert.match(main, /<svg class="belong-chart"/);
    // Every letter of a pseudo-localised message is accented; organisation
    // names are data, and month names come from Intl, formatting in English.
    const months = Array.from({ length: 12 }, (_, month) =>
      new Date(Date.UTC(2026, month, 15)).toLocaleString('en', { month: 'long' }),
    );
    const words = (
      main
        .replace(/<[^>]+>/g, ' ')
        .replaceAll('North Clinic', ' ')
        .match(/\b[A-Za-z]{2,}\b/g) ?? []
    ).filter((word) => !months.includes(word));
    assert.deepEqual(words, []);
  });

  it('draws bars from the right in a right-to-left language', async () => {
    const { app } = testApp({ database: database() });
    const html = await (await app.request('/ar/impact/processing-times')).text();
    assert.match(html, /<svg class="belong-chart"[^>]*direction="rtl"/);
    // The legend's first swatch sits at the right edge of the 400-unit drawing.
    assert.match(html, /<rect class="belong-bar-median" x="386" y="4"/);
  });
});

describe('chart labels', () => {
  it('wrap at spaces, and by character in scripts without spaces', () => {
    assert.deepEqual(wrapLabel('Temporary Protected Status (TPS)'), [
      'Temporary Protected Status (TPS)',
    ]);
    const long = wrapLabel(
      'Wage replacement for workers left out of unemployment insurance (proposed)',
    );
    assert.ok(long.length === 2 && long.every((line) => line.length <= 50), long.join('|'));
    const chinese = wrapLabel(
      '从申请到决定的天数从申请到决定的天数从申请到决定的天数从申请到决定的天数',
    );
    assert.ok(chinese.length >= 2 && chinese.every((line) => line.length <= 25), chinese.join('|'));
  });
});
