import type apply from '../../locales/en/apply.json';
import type casework from '../../locales/en/casework.json';
import type check from '../../locales/en/check.json';
import type civics from '../../locales/en/civics.json';
import type common from '../../locales/en/common.json';
import type documents from '../../locales/en/documents.json';
import type errors from '../../locales/en/errors.json';
import type feedback from '../../locales/en/feedback.json';
import type flow from '../../locales/en/flow.json';
import type home from '../../locales/en/home.json';
import type impact from '../../locales/en/impact.json';
import type naturalization from '../../locales/en/naturalization.json';
import type naturalizationFee from '../../locales/en/naturalization-fee.json';
import type naturalizationFlow from '../../locales/en/naturalization-flow.json';
import type passkeys from '../../locales/en/passkeys.json';
import type rules from '../../locales/en/rules.json';
import type staff from '../../locales/en/staff.json';
import type tps from '../../locales/en/tps.json';
import type tpsFlow from '../../locales/en/tps-flow.json';
import type usCitizenshipAct2021 from '../../locales/en/us-citizenship-act-2021.json';
import type waRelief from '../../locales/en/wa-relief.json';
import type waReliefFlow from '../../locales/en/wa-relief-flow.json';
import type wageReplacement from '../../locales/en/wage-replacement.json';
import type wageReplacementFlow from '../../locales/en/wage-replacement-flow.json';

/**
 * Every message file of the English source, by area. A key is
 * `<area>.<name>`; adding a file under `locales/en/` means adding it here
 * (a test compares this list with the folder).
 */
interface SourceCatalogue {
  apply: typeof apply;
  casework: typeof casework;
  check: typeof check;
  civics: typeof civics;
  common: typeof common;
  documents: typeof documents;
  errors: typeof errors;
  feedback: typeof feedback;
  flow: typeof flow;
  home: typeof home;
  impact: typeof impact;
  'naturalization-fee': typeof naturalizationFee;
  naturalization: typeof naturalization;
  'naturalization-flow': typeof naturalizationFlow;
  passkeys: typeof passkeys;
  tps: typeof tps;
  'tps-flow': typeof tpsFlow;
  'us-citizenship-act-2021': typeof usCitizenshipAct2021;
  'wa-relief': typeof waRelief;
  'wa-relief-flow': typeof waReliefFlow;
  'wage-replacement': typeof wageReplacement;
  'wage-replacement-flow': typeof wageReplacementFlow;
  rules: typeof rules;
  staff: typeof staff;
}

export const messageAreas = [
  'apply',
  'casework',
  'check',
  'civics',
  'common',
  'documents',
  'errors',
  'feedback',
  'flow',
  'home',
  'impact',
  'naturalization-fee',
  'naturalization',
  'naturalization-flow',
  'passkeys',
  'tps',
  'tps-flow',
  'us-citizenship-act-2021',
  'wa-relief',
  'wa-relief-flow',
  'wage-replacement',
  'wage-replacement-flow',
  'rules',
  'staff',
] as const satisfies readonly (keyof SourceCatalogue)[];

// Fails to compile when an area of SourceCatalogue is missing from the list above.
const everyAreaListed: [Exclude<keyof SourceCatalogue, (typeof messageAreas)[number]>] extends [
  never,
]
  ? true
  : false = true;
void everyAreaListed;

export type MessageKey = {
  [Area in keyof SourceCatalogue]: `${Area}.${Extract<keyof SourceCatalogue[Area], string>}`;
}[keyof SourceCatalogue];
