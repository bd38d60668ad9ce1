import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { Translations } from '../../i18n/translator.ts';
import { letterPdf } from './letter-pdf.ts';

describe('decision letter as PDF', () => {
  it('writes the letter in the applicant’s language, with the decision’s own words', async () => {
    const t = new Translations().for('es');
    const pdf = await letterPdf(
      t,
      {
        reference: 'BLG-7K3M-Q9XD',
        program: 'tps',
        outcome: 'approved',
        name: 'José Núñez',
        reasons: [{ message: 'Vive en Washington.', citation: 'INA 244' }],
        text: 'Su solicitud está completa.',
        decidedAt: new Date('2026-11-20T18:00:00Z'),
        organisation: 'Eastside Legal Clinic',
      },
      { compress: false },
    );
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'BLG-7K3M-Q9XD',
      'José Núñez',
      'Su solicitud está completa.',
      'Vive en Washington.',
      'Eastside Legal Clinic',
      t.t('casework.letterTitle'),
    ]) {
      assert.ok(text.includes(expected), `the PDF says ${expected}`);
    }
  });
});
