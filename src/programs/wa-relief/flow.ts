import { applicationPages } from '../../flow/applicant-pages.ts';
import type { FlowAnswers, FlowDefinition } from '../../flow/flow-definition.ts';

/*
 * An application to Washington's immigrant relief fund. The rules
 * (./facts.ts) read the birth date, residence in Washington, exclusion from
 * federal relief, hardship, and the household's size, adults and income;
 * nothing else is asked. Immigration status itself is never asked: only
 * whether federal relief was refused because of it. The household is
 * asked as numbers, the only thing the fund's rules read about it.
 */

export const flow: FlowDefinition = {
  id: 'wa-relief',
  version: '1',
  pages: applicationPages('birthDate', [
    {
      key: 'lives-in-washington',
      title: 'wa-relief-flow.livesInWashingtonTitle',
      fields: [
        {
          path: 'livesInWashington',
          kind: 'yes-no',
          label: 'wa-relief-flow.livesInWashingtonTitle',
        },
      ],
    },
    {
      key: 'federal-relief',
      title: 'wa-relief-flow.federalReliefTitle',
      why: 'wa-relief-flow.federalReliefWhy',
      fields: [
        {
          path: 'excludedFromFederalRelief',
          kind: 'yes-no',
          label: 'wa-relief-flow.federalReliefTitle',
          hint: 'wa-relief-flow.federalReliefHint',
        },
      ],
    },
    {
      key: 'hardship',
      title: 'wa-relief-flow.hardshipTitle',
      fields: [
        {
          path: 'experiencedHardship',
          kind: 'yes-no',
          label: 'wa-relief-flow.hardshipTitle',
          hint: 'wa-relief-flow.hardshipHint',
        },
      ],
    },
    {
      key: 'household',
      title: 'wa-relief-flow.householdTitle',
      why: 'wa-relief-flow.householdWhy',
      fields: [
        {
          path: 'householdSize',
          kind: 'integer',
          label: 'wa-relief-flow.householdSize',
          hint: 'wa-relief-flow.householdSizeHint',
          min: 1,
          max: 50,
        },
        {
          path: 'householdAdults',
          kind: 'integer',
          label: 'wa-relief-flow.householdAdults',
          hint: 'wa-relief-flow.householdAdultsHint',
          min: 1,
          max: 50,
          atMost: 'householdSize',
        },
      ],
    },
    {
      key: 'household-income',
      title: 'wa-relief-flow.incomeTitle',
      why: 'wa-relief-flow.householdWhy',
      fields: [
        {
          path: 'householdIncome',
          kind: 'money',
          label: 'wa-relief-flow.incomeTitle',
          hint: 'wa-relief-flow.incomeHint',
          max: 100_000_000,
        },
      ],
    },
  ]),
};

/** A complete, valid application (the OpenAPI example). */
export const exampleAnswers: FlowAnswers = {
  applicant: {
    givenName: 'Ana',
    familyName: 'Example',
    phone: '(509) 555-0123',
    language: 'es',
  },
  birthDate: '1979-08-23',
  livesInWashington: true,
  excludedFromFederalRelief: true,
  experiencedHardship: true,
  householdSize: 4,
  householdAdults: 2,
  householdIncome: 31500,
};
