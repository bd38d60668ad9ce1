import type common from '../../locales/en/common.json';
import type errors from '../../locales/en/errors.json';
import type home from '../../locales/en/home.json';
import type naturalization from '../../locales/en/naturalization.json';
import type naturalizationFee from '../../locales/en/naturalization-fee.json';
import type rules from '../../locales/en/rules.json';
import type tps from '../../locales/en/tps.json';
import type usCitizenshipAct2021 from '../../locales/en/us-citizenship-act-2021.json';
import type waRelief from '../../locales/en/wa-relief.json';
import type wageReplacement from '../../locales/en/wage-replacement.json';

/**
 * Every message file of the English source, by area. A key is
 * `<area>.<name>`; adding a file under `locales/en/` means adding it here
 * (a test compares this list with the folder).
 */
interface SourceCatalogue {
  common: typeof common;
  errors: typeof errors;
  home: typeof home;
  'naturalization-fee': typeof naturalizationFee;
  naturalization: typeof naturalization;
  tps: typeof tps;
  'us-citizenship-act-2021': typeof usCitizenshipAct2021;
  'wa-relief': typeof waRelief;
  'wage-replacement': typeof wageReplacement;
  rules: typeof rules;
}

export const messageAreas = [
  'common',
  'errors',
  'home',
  'naturalization-fee',
  'naturalization',
  'tps',
  'us-citizenship-act-2021',
  'wa-relief',
  'wage-replacement',
  'rules',
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
