import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { DecisionOutcome } from '../../modules/casework/case-state-machine.ts';
import { programTitle } from '../pages/program-title.ts';
import { createPdfWriter } from './summary-pdf.ts';

export interface DecisionLetter {
  reference: string;
  program: string;
  outcome: DecisionOutcome;
  name: string;
  reasons: readonly { message: string; citation: string }[];
  text: string | null;
  decidedAt: Date;
  organisation: string;
}

/**
 * The decision letter as PDF (issue 6, item 5), with the same words as the
 * HTML letter (src/web/pages/casework-letter.page.tsx), in `t`'s language.
 */
export function letterPdf(
  t: Translator,
  letter: DecisionLetter,
  options: { note?: string; compress?: boolean } = {},
): Promise<Buffer> {
  const { write, end } = createPdfWriter(
    t,
    t.t('casework.letterTitle'),
    options.compress === undefined ? {} : { compress: options.compress },
  );
  if (options.note) write(options.note, { size: 10, weight: '700', color: '#8b0a03', gap: 0.8 });
  write(letter.organisation, { size: 11, weight: '700', gap: 0.8 });
  write(t.t('casework.letterTitle'), { size: 18, weight: '700', gap: 0.4 });
  write(t.t('casework.letterReference', { reference: letter.reference }), { size: 11 });
  write(
    t.t('casework.letterDate', {
      date: t.formatDate(letter.decidedAt, { year: 'numeric', month: 'long', day: 'numeric' }),
    }),
    { size: 11, gap: 0.8 },
  );
  write(t.t('casework.letterGreeting', { name: letter.name }), { size: 11, gap: 0.5 });
  write(
    t.t(`casework.letter_${letter.outcome}` as MessageKey, {
      program: t.t(programTitle(letter.program)),
    }),
    { size: 11, gap: 0.6 },
  );
  if (letter.reasons.length > 0 || letter.text) {
    write(t.t('casework.letterReasonsTitle'), { size: 13, weight: '700', gap: 0.3 });
    for (const reason of letter.reasons) {
      write(`• ${reason.message}`, { size: 11, indent: 8, gap: 0.1 });
      write(reason.citation, { size: 8, color: '#565c65', indent: 16, gap: 0.4 });
    }
    if (letter.text) write(letter.text, { size: 11, gap: 0.6 });
  }
  write(t.t('casework.letterHelp'), { size: 11, gap: 0.8 });
  write(t.t('casework.letterSignature', { organisation: letter.organisation }), { size: 11 });
  return end();
}
