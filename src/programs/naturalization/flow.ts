import { applicationPages } from '../../flow/applicant-pages.ts';
import type { FlowAnswers, FlowDefinition } from '../../flow/flow-definition.ts';
import { maxChildren } from './answers.ts';

/*
 * The naturalization preparation interview: what a clinic needs to review
 * an N-400 with the person, asked one thing per page. Every answer outside
 * `applicant.` is the program's JSON answers (./answers.ts), read by the
 * rules in ./rules.ts; nothing else is asked. `filingDate` is not asked:
 * the rules take the day of the check.
 */

const married = { path: 'spouse.isCitizen', equals: true } as const;
const served = { path: 'applicant.servedInMilitary', equals: true } as const;

export const flow: FlowDefinition = {
  id: 'naturalization',
  version: '1',
  pages: applicationPages('birthDate', [
    {
      key: 'permanent-resident-since',
      title: 'naturalization-flow.lprDateTitle',
      why: 'naturalization-flow.lprDateWhy',
      fields: [
        {
          path: 'lprDate',
          kind: 'date',
          label: 'naturalization-flow.lprDateTitle',
          hint: 'naturalization-flow.lprDateHint',
        },
      ],
    },
    {
      key: 'washington-since',
      title: 'naturalization-flow.stateSinceTitle',
      why: 'naturalization-flow.stateSinceWhy',
      fields: [
        {
          path: 'stateResidenceSince',
          kind: 'date',
          label: 'naturalization-flow.stateSinceTitle',
          hint: 'naturalization-flow.stateSinceHint',
        },
      ],
    },
    {
      key: 'trips',
      title: 'naturalization-flow.tripsTitle',
      why: 'naturalization-flow.tripsWhy',
      // The trips of the last five years fit many times over; the rules take up to 2000.
      repeat: {
        path: 'trips',
        max: 100,
        itemLabel: 'naturalization-flow.tripItem',
        addAnother: 'naturalization-flow.tripAdd',
        // The rules refuse trips that overlap (./facts.ts, checkTrips).
        noOverlap: { start: 'departed', end: 'returned' },
      },
      fields: [
        { path: 'departed', kind: 'date', label: 'naturalization-flow.tripDeparted' },
        {
          path: 'returned',
          kind: 'date',
          label: 'naturalization-flow.tripReturned',
          notBefore: 'departed',
        },
      ],
    },
    {
      key: 'married-to-citizen',
      title: 'naturalization-flow.spouseCitizenTitle',
      why: 'naturalization-flow.spouseWhy',
      fields: [
        {
          path: 'spouse.isCitizen',
          kind: 'yes-no',
          label: 'naturalization-flow.spouseCitizenTitle',
        },
      ],
    },
    {
      key: 'married-since',
      title: 'naturalization-flow.marriedSinceTitle',
      why: 'naturalization-flow.spouseWhy',
      when: married,
      fields: [
        {
          path: 'spouse.marriedSince',
          kind: 'date',
          label: 'naturalization-flow.marriedSinceTitle',
        },
      ],
    },
    {
      key: 'spouse-citizen-since',
      title: 'naturalization-flow.spouseCitizenSinceTitle',
      why: 'naturalization-flow.spouseWhy',
      when: married,
      fields: [
        {
          path: 'spouse.citizenSince',
          kind: 'date',
          label: 'naturalization-flow.spouseCitizenSinceTitle',
          hint: 'naturalization-flow.spouseCitizenSinceHint',
        },
      ],
    },
    {
      key: 'living-together',
      title: 'naturalization-flow.livingTogetherTitle',
      why: 'naturalization-flow.spouseWhy',
      when: married,
      fields: [
        {
          path: 'spouse.livingTogether',
          kind: 'yes-no',
          label: 'naturalization-flow.livingTogetherTitle',
        },
      ],
    },
    {
      key: 'military',
      title: 'naturalization-flow.militaryTitle',
      why: 'naturalization-flow.militaryWhy',
      fields: [
        {
          // Only steers the journey: no service means no `military` answer,
          // which the rules read as "did not serve".
          path: 'applicant.servedInMilitary',
          kind: 'yes-no',
          label: 'naturalization-flow.militaryTitle',
        },
      ],
    },
    {
      key: 'military-dates',
      title: 'naturalization-flow.serviceDatesTitle',
      when: served,
      fields: [
        { path: 'military.serviceStart', kind: 'date', label: 'naturalization-flow.serviceStart' },
        {
          path: 'military.serviceEnd',
          kind: 'date',
          label: 'naturalization-flow.serviceEnd',
          hint: 'naturalization-flow.serviceEndHint',
          optional: true,
          notBefore: 'military.serviceStart',
        },
      ],
    },
    {
      key: 'military-honorable',
      title: 'naturalization-flow.honorableTitle',
      when: served,
      fields: [
        {
          path: 'military.honorablyServed',
          kind: 'yes-no',
          label: 'naturalization-flow.honorableTitle',
          hint: 'naturalization-flow.honorableHint',
        },
      ],
    },
    {
      key: 'children',
      title: 'naturalization-flow.childrenTitle',
      why: 'naturalization-flow.childrenWhy',
      repeat: {
        path: 'children',
        max: maxChildren,
        itemLabel: 'naturalization-flow.childItem',
        addAnother: 'naturalization-flow.childAdd',
      },
      fields: [
        { path: 'birthDate', kind: 'date', label: 'naturalization-flow.childBirthDate' },
        { path: 'isLpr', kind: 'yes-no', label: 'naturalization-flow.childIsLpr' },
        {
          path: 'livesWithApplicant',
          kind: 'yes-no',
          label: 'naturalization-flow.childLivesWithYou',
        },
      ],
    },
  ]),
};

/** A complete, valid application (the OpenAPI example): a person married to a citizen, one trip, one child. */
export const exampleAnswers: FlowAnswers = {
  applicant: {
    givenName: 'Maria',
    familyName: 'Example',
    phone: '206 555 0100',
    language: 'es',
    servedInMilitary: false,
  },
  birthDate: '1985-04-12',
  lprDate: '2021-03-01',
  stateResidenceSince: '2021-03-01',
  trips: [{ departed: '2023-07-01', returned: '2023-07-21' }],
  spouse: {
    isCitizen: true,
    marriedSince: '2019-06-15',
    citizenSince: '2010-01-20',
    livingTogether: true,
  },
  children: [{ birthDate: '2015-09-03', isLpr: true, livesWithApplicant: true }],
};
