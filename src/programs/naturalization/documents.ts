import type { Citation } from '../../engine/citation.ts';
import { parseDay } from '../../engine/dates.ts';
import type { FlowAnswers } from '../../flow/flow-definition.ts';
import { type DocumentItem, field } from '../document-item.ts';

/*
 * What a clinic asks a person to bring to review Form N-400 with them,
 * decided from the preparation interview's answers. The list follows the
 * N-400 instructions' evidence section and USCIS's own checklist (Form
 * M-477, "A Guide to Naturalization", Document Checklist); items that the
 * interview cannot tell apply (a name change, arrests) are left to the
 * navigator, and nothing the law does not ask for is listed.
 */

const n400: Citation = {
  title: 'USCIS, Form N-400, Application for Naturalization, and its instructions',
  href: 'https://www.uscis.gov/n-400',
};

export const citations = {
  greenCard: {
    ...n400,
    title: `${n400.title}: evidence for all applicants`,
    quote: 'a photocopy of both sides of your Permanent Resident Card',
  },
  spouse: {
    title:
      'USCIS, Form M-477, Document Checklist: applicants married to a U.S. citizen and applying under INA § 319(a)',
    href: 'https://www.uscis.gov/sites/default/files/document/guides/M-477.pdf',
    quote:
      'Evidence that your spouse has been a U.S. citizen for the last 3 years … Your current marriage certificate … Proof of termination of all prior marriages of your spouse',
  },
  military: {
    title:
      'USCIS, Form N-426, Request for Certification of Military or Naval Service (INA §§ 328, 329; 8 CFR 328.4, 329.4)',
    href: 'https://www.uscis.gov/n-426',
  },
  discharge: {
    title: 'USCIS, Form M-477, Document Checklist: applicants who have served in the U.S. military',
    href: 'https://www.uscis.gov/sites/default/files/document/guides/M-477.pdf',
    quote: 'If you are no longer in the military, a copy of your Form DD-214',
  },
  longTrip: {
    title:
      'USCIS, Form M-477, Document Checklist: absences of more than 6 months (8 CFR 316.5(c)(1)(i))',
    href: 'https://www.uscis.gov/sites/default/files/document/guides/M-477.pdf',
    quote:
      'If you have taken any trip outside the United States that lasted more than 6 months since becoming a lawful permanent resident, send evidence that you (and your family) continued to live, work, and/or keep ties to the United States',
  },
} satisfies Record<string, Citation>;

/** More than six months: 8 CFR 316.5(c)(1)(i) presumes a break from 181 days away. */
const longTripDays = 180;

function hasLongTrip(answers: FlowAnswers): boolean {
  const trips = field(answers, 'trips');
  if (!Array.isArray(trips)) return false;
  return trips.some((trip) => {
    const departed = field(trip, 'departed');
    const returned = field(trip, 'returned');
    if (typeof departed !== 'string' || typeof returned !== 'string') return false;
    const from = parseDay(departed);
    const to = parseDay(returned);
    // The day of departure and the day of return count as days in the United States.
    return from !== undefined && to !== undefined && to - from - 1 > longTripDays;
  });
}

export function documents(answers: FlowAnswers): DocumentItem[] {
  const items: DocumentItem[] = [
    {
      id: 'green-card',
      label: 'documents.naturalizationGreenCard',
      hint: 'documents.naturalizationGreenCardHint',
      citation: citations.greenCard,
    },
  ];
  if (field(field(answers, 'spouse'), 'isCitizen') === true) {
    items.push(
      {
        id: 'spouse-citizenship',
        label: 'documents.naturalizationSpouseCitizenship',
        hint: 'documents.naturalizationSpouseCitizenshipHint',
        citation: citations.spouse,
      },
      {
        id: 'marriage-certificate',
        label: 'documents.naturalizationMarriageCertificate',
        citation: citations.spouse,
      },
      {
        id: 'prior-marriages',
        label: 'documents.naturalizationPriorMarriages',
        hint: 'documents.naturalizationPriorMarriagesHint',
        citation: citations.spouse,
      },
    );
  }
  if (field(field(answers, 'applicant'), 'servedInMilitary') === true) {
    items.push({
      id: 'n-426',
      label: 'documents.naturalizationN426',
      hint: 'documents.naturalizationN426Hint',
      citation: citations.military,
    });
    const serviceEnd = field(field(answers, 'military'), 'serviceEnd');
    if (typeof serviceEnd === 'string' && serviceEnd !== '') {
      items.push({
        id: 'discharge',
        label: 'documents.naturalizationDischarge',
        citation: citations.discharge,
      });
    }
  }
  if (hasLongTrip(answers)) {
    items.push({
      id: 'long-trips',
      label: 'documents.naturalizationLongTrips',
      hint: 'documents.naturalizationLongTripsHint',
      citation: citations.longTrip,
    });
  }
  return items;
}
