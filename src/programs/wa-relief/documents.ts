import type { Citation } from '../../engine/citation.ts';
import type { FlowAnswers } from '../../flow/flow-definition.ts';
import type { DocumentItem } from '../document-item.ts';
import { citations as factCitations } from './facts.ts';

/*
 * The fund asked each adult for proof of who they are and that they live
 * in Washington, and nothing else: no Social Security number, no proof of
 * status, income or hardship (those were declared). Either one List A
 * document, or one List B document together with one from List C.
 */

export const citations = {
  documents: {
    ...factCitations.faq,
    title: `${factCitations.faq.title}: documents (List A, or List B and List C)`,
    quote: 'one document from List A, or one document from List B and one document from List C',
  },
} satisfies Record<string, Citation>;

/**
 * The same list whatever the answers: each adult applies on their own, with
 * their own documents, and the household's size and income were declared,
 * never proved. The answers are taken so every program is called alike.
 */
export function documents(_answers: FlowAnswers): DocumentItem[] {
  return [
    {
      id: 'list-a',
      label: 'documents.waReliefListA',
      hint: 'documents.waReliefListAHint',
      citation: citations.documents,
    },
    {
      id: 'list-b-and-c',
      label: 'documents.waReliefListBC',
      hint: 'documents.waReliefListBCHint',
      citation: citations.documents,
    },
  ];
}
