import { applicationPages } from '../../flow/applicant-pages.ts';
import type { FlowAnswers, FlowDefinition } from '../../flow/flow-definition.ts';

/*
 * A claim for wage replacement, the unemployment benefit proposed for
 * workers excluded from unemployment insurance (./facts.ts). The rules
 * read the wages of each calendar quarter, the hours worked in the base
 * year, and whether the person lost work through no fault of their own and
 * is able and available to work. Immigration status is never asked: the
 * bill forbids soliciting it (SB 5626, 2025-26). The employers are asked
 * (under `applicant.`, for the reviewer who checks the wages) but never
 * reach the rules. The claim date is the day of the check.
 */

export const flow: FlowDefinition = {
  id: 'wage-replacement',
  version: '1',
  pages: applicationPages('applicant.birthDate', [
    {
      key: 'lost-work',
      title: 'wage-replacement-flow.noFaultTitle',
      fields: [
        {
          path: 'separatedThroughNoFault',
          kind: 'yes-no',
          label: 'wage-replacement-flow.noFaultTitle',
          hint: 'wage-replacement-flow.noFaultHint',
        },
      ],
    },
    {
      key: 'able-to-work',
      title: 'wage-replacement-flow.ableTitle',
      fields: [
        {
          path: 'ableAndAvailable',
          kind: 'yes-no',
          label: 'wage-replacement-flow.ableTitle',
          hint: 'wage-replacement-flow.ableHint',
        },
      ],
    },
    {
      key: 'employers',
      title: 'wage-replacement-flow.employersTitle',
      why: 'wage-replacement-flow.employersWhy',
      repeat: {
        path: 'applicant.employers',
        min: 1,
        max: 10,
        itemLabel: 'wage-replacement-flow.employerItem',
        addAnother: 'wage-replacement-flow.employerAdd',
      },
      fields: [
        {
          path: 'name',
          kind: 'text',
          label: 'wage-replacement-flow.employerName',
          maxLength: 120,
        },
      ],
    },
    {
      key: 'wages',
      title: 'wage-replacement-flow.wagesTitle',
      why: 'wage-replacement-flow.wagesWhy',
      // The rules take up to 40 quarters; the base year needs the last six at most.
      repeat: {
        path: 'quarterlyWages',
        min: 1,
        max: 12,
        itemLabel: 'wage-replacement-flow.quarterItem',
        addAnother: 'wage-replacement-flow.quarterAdd',
        // The rules refuse a quarter listed twice (./facts.ts).
        unique: ['year', 'quarter'],
      },
      fields: [
        {
          path: 'year',
          kind: 'integer',
          label: 'wage-replacement-flow.quarterYear',
          min: 1990,
          max: 2100,
        },
        {
          path: 'quarter',
          kind: 'integer',
          label: 'wage-replacement-flow.quarterNumber',
          hint: 'wage-replacement-flow.quarterNumberHint',
          min: 1,
          max: 4,
        },
        {
          path: 'wages',
          kind: 'money',
          label: 'wage-replacement-flow.quarterWages',
          hint: 'wage-replacement-flow.quarterWagesHint',
          max: 10_000_000,
        },
      ],
    },
    {
      key: 'hours',
      title: 'wage-replacement-flow.hoursTitle',
      fields: [
        {
          path: 'baseYearHours',
          kind: 'integer',
          label: 'wage-replacement-flow.hoursTitle',
          hint: 'wage-replacement-flow.hoursHint',
          min: 0,
          max: 10_000,
        },
      ],
    },
  ]),
};

/** A complete, valid claim (the OpenAPI example): four quarters with one employer. */
export const exampleAnswers: FlowAnswers = {
  applicant: {
    givenName: 'Luis',
    familyName: 'Example',
    birthDate: '1988-01-30',
    phone: '+1 206 555 0199',
    language: 'es',
    employers: [{ name: 'Example Orchards LLC' }],
  },
  separatedThroughNoFault: true,
  ableAndAvailable: true,
  quarterlyWages: [
    { year: 2025, quarter: 1, wages: 9100 },
    { year: 2025, quarter: 2, wages: 11250.5 },
    { year: 2025, quarter: 3, wages: 12400 },
    { year: 2025, quarter: 4, wages: 8600 },
  ],
  baseYearHours: 1650,
};
