import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { applicationFlows } from '../../flow/application-flows.ts';
import { Translations } from '../../i18n/translator.ts';
import { applicationSummary } from '../apply-summary.ts';
import { fontRuns, pdfCanShow, summaryPdf } from './summary-pdf.ts';

const translations = new Translations();

async function pdfIn(locale: 'en' | 'vi' | 'uk', program: string) {
  const t = translations.for(locale);
  const entry = applicationFlows.get(program);
  assert.ok(entry);
  const summary = applicationSummary(
    t,
    entry.flow,
    entry.exampleAnswers,
    'BLG-TEST-0001',
    new Date(),
  );
  return { summary, pdf: await summaryPdf(t, summary, { compress: false }) };
}

describe('summary PDF', () => {
  it('sets each character in the Noto Sans subset that holds it', () => {
    assert.deepEqual(
      fontRuns('Việt Nam').map((run) => run.subset),
      ['latin', 'vietnamese', 'latin'],
    );
    assert.deepEqual(
      fontRuns('Київ, 2025').map((run) => [run.subset, run.text]),
      [
        ['cyrillic', 'Київ'],
        ['latin', ', 2025'],
      ],
    );
    // Nothing here holds Chinese: shown as a replacement character, never dropped.
    assert.deepEqual(fontRuns('李'), [{ subset: 'latin', text: '\uFFFD' }]);
  });

  it('shows Latin, Vietnamese and Cyrillic, and not Chinese, Korean, Amharic or Arabic', () => {
    for (const locale of ['en', 'es', 'vi', 'ru', 'uk', 'so', 'tl'] as const) {
      assert.ok(pdfCanShow(locale), locale);
    }
    for (const locale of ['zh-Hans', 'zh-Hant', 'ko', 'am', 'ar'] as const) {
      assert.ok(!pdfCanShow(locale), locale);
    }
  });

  for (const [locale, program] of [
    ['en', 'naturalization'],
    ['vi', 'naturalization'],
    ['uk', 'wa-relief'],
  ] as const) {
    it(`${locale}: holds the summary's text, every character with a glyph`, async () => {
      const { summary, pdf } = await pdfIn(locale, program);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(pdf).replace(/\n/g, '');
      assert.ok(text.includes('BLG-TEST-0001'));
      assert.ok(!text.includes('\uFFFD'), 'no missing glyph');
      for (const item of summary.documents) {
        // Lines break at spaces: compare without them.
        assert.ok(text.replace(/ /g, '').includes(item.label.replace(/ /g, '')), item.label);
      }
      const first = summary.groups[0]?.rows[0];
      assert.ok(first && text.includes(first.answer), 'the first answer');
    });
  }
});
