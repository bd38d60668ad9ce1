import { checkAnswerRows, pageByKey } from '../flow/flow.ts';
import type { FlowAnswers, FlowDefinition } from '../flow/flow-definition.ts';
import type { Translator } from '../i18n/translator.ts';
import { documentsFor } from '../programs/program-documents.ts';
import { formatAnswer } from './components/flow-page.tsx';
import { programTitle } from './pages/program-title.ts';

/**
 * The printable summary of one application (issue 5, item 6) as text in
 * the person's language: the answers grouped by the page that asked them,
 * and the documents to bring. The summary page and its PDF both render
 * this, so the two never say different things.
 */
export interface ApplicationSummary {
  program: string;
  /** Once sent; never the claim code, which proves ownership and is shown once. */
  reference: string | null;
  madeOn: string;
  groups: { title: string; rows: { question: string; answer: string }[] }[];
  documents: { id: string; label: string; hint?: string; source: string; href: string }[];
}

export function applicationSummary(
  t: Translator,
  flow: FlowDefinition,
  answers: FlowAnswers,
  reference: string | null,
  today: Date,
): ApplicationSummary {
  const groups: ApplicationSummary['groups'] = [];
  let current: { key: string; group: ApplicationSummary['groups'][number] } | undefined;
  for (const row of checkAnswerRows(flow, answers)) {
    if (current?.key !== row.pageKey) {
      const page = pageByKey(flow, row.pageKey);
      current = { key: row.pageKey, group: { title: page ? t.t(page.title) : '', rows: [] } };
      groups.push(current.group);
    }
    const question =
      row.item !== undefined && row.itemLabel
        ? t.t('flow.itemQuestion', {
            item: t.t(row.itemLabel, { number: row.item }),
            question: t.t(row.label),
          })
        : t.t(row.label);
    current.group.rows.push({ question, answer: formatAnswer(t, row) });
  }
  return {
    program: t.t(programTitle(flow.id)),
    reference,
    madeOn: t.formatDate(today, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      // The day in Washington, where the clinics are.
      timeZone: 'America/Los_Angeles',
    }),
    groups,
    documents: documentsFor(flow.id, answers).map((item) => ({
      id: item.id,
      label: t.t(item.label, item.values),
      ...(item.hint ? { hint: t.t(item.hint, item.values) } : {}),
      source: item.citation.title,
      href: item.citation.href,
    })),
  };
}
