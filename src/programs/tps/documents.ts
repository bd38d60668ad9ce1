import type { Citation } from '../../engine/citation.ts';
import type { FlowAnswers } from '../../flow/flow-definition.ts';
import { type DocumentItem, field } from '../document-item.ts';

/*
 * What goes with Form I-821, decided from the answers. A first
 * registration proves identity and nationality, the date of entry, and
 * continuous residence and presence since the dates set for the country
 * (8 CFR 244.9(a)). A person re-registering sends none of it unless USCIS
 * asks (I-821 instructions, "Evidence for re-registration"), and a person
 * from a country never designated has nothing to file.
 */

const cfr2449 =
  'https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-244/section-244.9';

export const citations = {
  identity: {
    title:
      '8 CFR 244.9(a)(1), evidence of identity and nationality; USCIS, Instructions for Form I-821',
    href: cfr2449,
    quote:
      'Passport; Birth certificate accompanied by photo identification; or Any national identity document from your country of origin bearing your photo and/or fingerprint.',
  },
  entry: {
    title: '8 CFR 244.9(a)(2); USCIS, Instructions for Form I-821, proof of date of entry',
    href: 'https://www.uscis.gov/i-821',
    quote: 'Passport; Form I-94, Arrival-Departure Record; or Documents specified in Item Number 4',
  },
  residence: {
    title:
      '8 CFR 244.9(a)(2), proof of continuous residence and continuous physical presence; USCIS, Instructions for Form I-821',
    href: cfr2449,
    quote:
      'Employment records (for example, pay stubs; Form W-2 …); rent receipts, utility bills …; school records; hospital or medical records',
  },
} satisfies Record<string, Citation>;

export function documents(answers: FlowAnswers): DocumentItem[] {
  const nationality = field(answers, 'nationality');
  // Nothing to file for a country never designated; re-registration sends no evidence.
  if (nationality === 'other' || field(answers, 'currentTpsHolder') === true) return [];
  return [
    {
      id: 'identity-nationality',
      label: 'documents.tpsIdentity',
      hint: 'documents.tpsIdentityHint',
      citation: citations.identity,
    },
    {
      id: 'date-of-entry',
      label: 'documents.tpsEntry',
      hint: 'documents.tpsEntryHint',
      citation: citations.entry,
    },
    {
      id: 'continuous-residence',
      label: 'documents.tpsResidence',
      hint: 'documents.tpsResidenceHint',
      citation: citations.residence,
    },
  ];
}
