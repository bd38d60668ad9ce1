import type { Citation } from '../../engine/citation.ts';
import type { FlowAnswers } from '../../flow/flow-definition.ts';
import { type DocumentItem, field } from '../document-item.ts';
import { citations as factCitations } from './facts.ts';

/*
 * A worker excluded from unemployment insurance has no wage records at the
 * Employment Security Department for the reviewer to read, so the wages
 * and hours of the base year (RCW 50.04.020, 50.04.030) are shown with the
 * worker's own papers: for each employer listed, pay stubs, a W-2 or 1099,
 * or a signed letter from the employer. Immigration status, and any
 * document that would show it, is never asked (SB 5626 forbids soliciting it).
 */

export const citations = {
  wages: {
    ...factCitations.baseYear,
    title: `${factCitations.sb5626.title}; ${factCitations.baseYear.title}; ${factCitations.benefitYear.title}`,
  },
} satisfies Record<string, Citation>;

/** Longest employer name shown in a label; the flow accepts 120 characters. */
const maxNameLength = 120;

export function documents(answers: FlowAnswers): DocumentItem[] {
  const employers = field(field(answers, 'applicant'), 'employers');
  const names = (Array.isArray(employers) ? employers : [])
    .map((employer) => field(employer, 'name'))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => name.trim().slice(0, maxNameLength));
  if (names.length === 0) {
    return [
      {
        id: 'wages',
        label: 'documents.wagesAnyEmployer',
        hint: 'documents.wagesHint',
        citation: citations.wages,
      },
    ];
  }
  return names.map((name, index) => ({
    id: `employer-${index + 1}`,
    label: 'documents.wagesEmployer',
    hint: 'documents.wagesHint',
    values: { employer: name },
    citation: citations.wages,
  }));
}
