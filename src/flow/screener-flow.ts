import type { MessageKey } from '../i18n/message-key.ts';
import type { FieldOption, FlowCondition, FlowDefinition } from './flow-definition.ts';

/**
 * Countries with a TPS designation on record (rules/parameters/dhs/tps/
 * designations/), by ISO 3166-1 code, as the TPS rules read `nationality`.
 * A test holds this list to the data: a new designation adds its country
 * here and its name in every language.
 */
export const tpsCountries: readonly { code: string; label: MessageKey }[] = [
  { code: 'AF', label: 'check.countryAF' },
  { code: 'MM', label: 'check.countryMM' },
  { code: 'CM', label: 'check.countryCM' },
  { code: 'SV', label: 'check.countrySV' },
  { code: 'ET', label: 'check.countryET' },
  { code: 'HT', label: 'check.countryHT' },
  { code: 'HN', label: 'check.countryHN' },
  { code: 'LB', label: 'check.countryLB' },
  { code: 'NP', label: 'check.countryNP' },
  { code: 'NI', label: 'check.countryNI' },
  { code: 'SO', label: 'check.countrySO' },
  { code: 'SS', label: 'check.countrySS' },
  { code: 'SD', label: 'check.countrySD' },
  { code: 'SY', label: 'check.countrySY' },
  { code: 'UA', label: 'check.countryUA' },
  { code: 'VE', label: 'check.countryVE' },
  { code: 'YE', label: 'check.countryYE' },
];

/** "My country is not on this list": a value the TPS rules read as a country never designated. */
export const otherCountry = 'other';

const countryOptions: readonly FieldOption[] = [
  ...tpsCountries.map((country) => ({ value: country.code, label: country.label })),
  { value: otherCountry, label: 'check.countryOther' },
];

const permanentResident: FlowCondition = { path: 'permanentResident', equals: true };
const notPermanentResident: FlowCondition = { path: 'permanentResident', equals: false };
const tpsCountry: FlowCondition = {
  all: [notPermanentResident, { path: 'nationality', in: tpsCountries.map((c) => c.code) }],
};
/**
 * A first TPS application checks the dates; so does Venezuela, whose two
 * designations are told apart by them.
 */
const tpsDates: FlowCondition = {
  all: [
    tpsCountry,
    {
      any: [
        { path: 'currentTpsHolder', equals: false },
        { path: 'nationality', equals: 'VE' },
      ],
    },
  ],
};

/**
 * The screener (`/check`): one question a page, only what the programs'
 * rules read and what moves most outcomes; nothing only an application
 * needs. Never asks an identity or document number, an A-number or a place
 * of birth; the country is asked only for TPS, with why. Paths are the
 * programs' own JSON answers, plus four yes/no questions of the screener's
 * own (`permanentResident`, `tripsAbroad`, `servedInMilitary`,
 * `hasChildren`; see src/modules/screening/screening-answers.ts).
 */
export const screenerFlow: FlowDefinition = {
  id: 'screener',
  version: '2026-11-25.1',
  pages: [
    {
      key: 'birth-date',
      title: 'check.birthDateTitle',
      why: 'check.birthDateWhy',
      fields: [{ path: 'birthDate', kind: 'date', label: 'check.birthDateTitle' }],
    },
    {
      key: 'lives-in-washington',
      title: 'check.livesInWashingtonTitle',
      fields: [
        { path: 'livesInWashington', kind: 'yes-no', label: 'check.livesInWashingtonTitle' },
      ],
    },
    {
      key: 'state-since',
      title: 'check.stateSinceTitle',
      why: 'check.stateSinceWhy',
      fields: [{ path: 'stateResidenceSince', kind: 'date', label: 'check.stateSinceTitle' }],
    },
    {
      key: 'permanent-resident',
      title: 'check.permanentResidentTitle',
      why: 'check.permanentResidentWhy',
      fields: [
        { path: 'permanentResident', kind: 'yes-no', label: 'check.permanentResidentTitle' },
      ],
    },
    {
      key: 'lpr-date',
      title: 'check.lprDateTitle',
      when: permanentResident,
      fields: [
        { path: 'lprDate', kind: 'date', label: 'check.lprDateTitle', hint: 'check.lprDateHint' },
      ],
    },
    {
      key: 'trips-abroad',
      title: 'check.tripsAbroadTitle',
      why: 'check.tripsAbroadWhy',
      when: permanentResident,
      fields: [
        {
          path: 'tripsAbroad',
          kind: 'yes-no',
          label: 'check.tripsAbroadTitle',
          hint: 'check.tripsAbroadHint',
        },
      ],
    },
    {
      key: 'trips',
      title: 'check.tripsTitle',
      when: { all: [permanentResident, { path: 'tripsAbroad', equals: true }] },
      repeat: {
        path: 'trips',
        max: 20,
        min: 1,
        itemLabel: 'check.tripItem',
        addAnother: 'check.tripAdd',
      },
      fields: [
        { path: 'departed', kind: 'date', label: 'check.tripDeparted' },
        { path: 'returned', kind: 'date', label: 'check.tripReturned' },
      ],
    },
    {
      key: 'married-to-citizen',
      title: 'check.marriedToCitizenTitle',
      when: permanentResident,
      fields: [{ path: 'spouse.isCitizen', kind: 'yes-no', label: 'check.marriedToCitizenTitle' }],
    },
    {
      key: 'spouse',
      title: 'check.spouseTitle',
      why: 'check.spouseWhy',
      when: { all: [permanentResident, { path: 'spouse.isCitizen', equals: true }] },
      fields: [
        { path: 'spouse.marriedSince', kind: 'date', label: 'check.spouseMarriedSince' },
        {
          path: 'spouse.citizenSince',
          kind: 'date',
          label: 'check.spouseCitizenSince',
          hint: 'check.spouseCitizenSinceHint',
        },
        { path: 'spouse.livingTogether', kind: 'yes-no', label: 'check.spouseLivingTogether' },
      ],
    },
    {
      key: 'military',
      title: 'check.militaryTitle',
      fields: [{ path: 'servedInMilitary', kind: 'yes-no', label: 'check.militaryTitle' }],
    },
    {
      key: 'military-service',
      title: 'check.militaryServiceTitle',
      why: 'check.militaryServiceWhy',
      when: { path: 'servedInMilitary', equals: true },
      fields: [
        { path: 'military.serviceStart', kind: 'date', label: 'check.militaryServiceStart' },
        {
          path: 'military.serviceEnd',
          kind: 'date',
          label: 'check.militaryServiceEnd',
          hint: 'check.militaryServiceEndHint',
          optional: true,
        },
        { path: 'military.honorablyServed', kind: 'yes-no', label: 'check.militaryHonorable' },
      ],
    },
    {
      key: 'children',
      title: 'check.childrenTitle',
      why: 'check.childrenWhy',
      when: permanentResident,
      fields: [{ path: 'hasChildren', kind: 'yes-no', label: 'check.childrenTitle' }],
    },
    {
      key: 'children-list',
      title: 'check.childrenListTitle',
      when: { all: [permanentResident, { path: 'hasChildren', equals: true }] },
      repeat: {
        path: 'children',
        max: 10,
        min: 1,
        itemLabel: 'check.childItem',
        addAnother: 'check.childAdd',
      },
      fields: [
        { path: 'birthDate', kind: 'date', label: 'check.childBirthDate' },
        { path: 'isLpr', kind: 'yes-no', label: 'check.childIsLpr' },
        { path: 'livesWithApplicant', kind: 'yes-no', label: 'check.childLivesWithYou' },
      ],
    },
    {
      key: 'household-size',
      title: 'check.householdSizeTitle',
      why: 'check.householdWhy',
      fields: [
        {
          path: 'householdSize',
          kind: 'integer',
          label: 'check.householdSizeTitle',
          hint: 'check.householdSizeHint',
          min: 1,
          max: 50,
        },
      ],
    },
    {
      key: 'household-income',
      title: 'check.householdIncomeTitle',
      why: 'check.householdWhy',
      fields: [
        {
          path: 'householdIncome',
          kind: 'money',
          label: 'check.householdIncomeTitle',
          hint: 'check.householdIncomeHint',
          max: 100_000_000,
        },
      ],
    },
    {
      key: 'benefits',
      title: 'check.benefitsTitle',
      fields: [
        {
          path: 'receivesMeansTestedBenefit',
          kind: 'yes-no',
          label: 'check.benefitsTitle',
          hint: 'check.benefitsHint',
        },
      ],
    },
    {
      key: 'federal-relief',
      title: 'check.federalReliefTitle',
      why: 'check.federalReliefWhy',
      when: { path: 'livesInWashington', equals: true },
      fields: [
        { path: 'excludedFromFederalRelief', kind: 'yes-no', label: 'check.federalReliefTitle' },
      ],
    },
    {
      key: 'hardship',
      title: 'check.hardshipTitle',
      when: { path: 'livesInWashington', equals: true },
      fields: [
        {
          path: 'experiencedHardship',
          kind: 'yes-no',
          label: 'check.hardshipTitle',
          hint: 'check.hardshipHint',
        },
      ],
    },
    {
      key: 'lost-job',
      title: 'check.lostJobTitle',
      fields: [{ path: 'separatedThroughNoFault', kind: 'yes-no', label: 'check.lostJobTitle' }],
    },
    {
      key: 'able-to-work',
      title: 'check.ableToWorkTitle',
      when: { path: 'separatedThroughNoFault', equals: true },
      fields: [{ path: 'ableAndAvailable', kind: 'yes-no', label: 'check.ableToWorkTitle' }],
    },
    {
      key: 'work-hours',
      title: 'check.workHoursTitle',
      when: { path: 'separatedThroughNoFault', equals: true },
      fields: [
        {
          path: 'baseYearHours',
          kind: 'integer',
          label: 'check.workHoursTitle',
          hint: 'check.workHoursHint',
          min: 0,
          max: 10_000,
        },
      ],
    },
    {
      key: 'tps-country',
      title: 'check.tpsCountryTitle',
      why: 'check.tpsCountryWhy',
      when: notPermanentResident,
      fields: [
        {
          path: 'nationality',
          kind: 'choice',
          label: 'check.tpsCountryTitle',
          hint: 'check.tpsCountryHint',
          options: countryOptions,
          optional: true,
        },
      ],
    },
    {
      key: 'tps-holder',
      title: 'check.tpsHolderTitle',
      when: tpsCountry,
      fields: [{ path: 'currentTpsHolder', kind: 'yes-no', label: 'check.tpsHolderTitle' }],
    },
    {
      key: 'us-residence',
      title: 'check.usResidenceTitle',
      why: 'check.usDatesWhy',
      when: tpsDates,
      fields: [{ path: 'residenceSince', kind: 'date', label: 'check.usResidenceTitle' }],
    },
    {
      key: 'us-presence',
      title: 'check.usPresenceTitle',
      why: 'check.usDatesWhy',
      when: { any: [notPermanentResident, tpsDates] },
      fields: [
        {
          path: 'presenceSince',
          kind: 'date',
          label: 'check.usPresenceTitle',
          hint: 'check.usPresenceHint',
        },
      ],
    },
  ],
};
