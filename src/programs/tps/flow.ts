import { applicationPages } from '../../flow/applicant-pages.ts';
import type {
  FieldOption,
  FlowAnswers,
  FlowCondition,
  FlowDefinition,
} from '../../flow/flow-definition.ts';

/*
 * Registering for Temporary Protected Status. The rules (./facts.ts) read
 * the country, whether the person holds TPS now, and since when they have
 * lived and been in the United States; nothing else is asked, and the
 * dates only when the rules need them. The date of filing is the day of
 * the check.
 */

/**
 * The countries with a TPS designation on record (rules/parameters/dhs/tps/
 * designations), by ISO 3166-1 code, and "another country": for a person
 * from a country never designated the answer names no country at all.
 */
const countries: readonly FieldOption[] = [
  { value: 'AF', label: 'tps-flow.countryAF' },
  { value: 'MM', label: 'tps-flow.countryMM' },
  { value: 'CM', label: 'tps-flow.countryCM' },
  { value: 'SV', label: 'tps-flow.countrySV' },
  { value: 'ET', label: 'tps-flow.countryET' },
  { value: 'HT', label: 'tps-flow.countryHT' },
  { value: 'HN', label: 'tps-flow.countryHN' },
  { value: 'LB', label: 'tps-flow.countryLB' },
  { value: 'NP', label: 'tps-flow.countryNP' },
  { value: 'NI', label: 'tps-flow.countryNI' },
  { value: 'SO', label: 'tps-flow.countrySO' },
  { value: 'SS', label: 'tps-flow.countrySS' },
  { value: 'SD', label: 'tps-flow.countrySD' },
  { value: 'SY', label: 'tps-flow.countrySY' },
  { value: 'UA', label: 'tps-flow.countryUA' },
  { value: 'VE', label: 'tps-flow.countryVE' },
  { value: 'YE', label: 'tps-flow.countryYE' },
  { value: 'other', label: 'tps-flow.countryOther' },
];

/** A designated country: for "another country" nothing more is needed. */
const designatedCountry: FlowCondition = { not: { path: 'nationality', equals: 'other' } };

/**
 * The dates are asked of a first application, and of anyone from Venezuela,
 * whose two designations (2021 and 2023) are told apart by the dates. A
 * person re-registering was checked against them when first registered.
 */
const datesNeeded: FlowCondition = {
  all: [
    designatedCountry,
    {
      any: [
        { path: 'currentTpsHolder', equals: false },
        { path: 'nationality', equals: 'VE' },
      ],
    },
  ],
};

export const flow: FlowDefinition = {
  id: 'tps',
  version: '1',
  pages: applicationPages('applicant.birthDate', [
    {
      key: 'country',
      title: 'tps-flow.countryTitle',
      why: 'tps-flow.countryWhy',
      fields: [
        {
          path: 'nationality',
          kind: 'choice',
          label: 'tps-flow.countryTitle',
          hint: 'tps-flow.countryHint',
          options: countries,
        },
      ],
    },
    {
      key: 'current-tps',
      when: designatedCountry,
      title: 'tps-flow.currentHolderTitle',
      why: 'tps-flow.currentHolderWhy',
      fields: [
        {
          path: 'currentTpsHolder',
          kind: 'yes-no',
          label: 'tps-flow.currentHolderTitle',
          hint: 'tps-flow.currentHolderHint',
        },
      ],
    },
    {
      key: 'living-in-us-since',
      when: datesNeeded,
      title: 'tps-flow.residenceTitle',
      why: 'tps-flow.datesWhy',
      fields: [
        {
          path: 'residenceSince',
          kind: 'date',
          label: 'tps-flow.residenceTitle',
          hint: 'tps-flow.residenceHint',
        },
      ],
    },
    {
      key: 'in-us-since',
      when: datesNeeded,
      title: 'tps-flow.presenceTitle',
      why: 'tps-flow.datesWhy',
      fields: [
        {
          path: 'presenceSince',
          kind: 'date',
          label: 'tps-flow.presenceTitle',
          hint: 'tps-flow.presenceHint',
        },
      ],
    },
  ]),
};

/** A complete, valid application (the OpenAPI example): a first registration. */
export const exampleAnswers: FlowAnswers = {
  applicant: {
    givenName: 'José',
    familyName: 'Example',
    birthDate: '1990-11-02',
    email: 'jose@example.org',
    language: 'es',
  },
  nationality: 'SV',
  currentTpsHolder: false,
  residenceSince: '2000-12-01',
  presenceSince: '2001-02-01',
};
