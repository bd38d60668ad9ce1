import type { Program } from '../engine/program.ts';
import { naturalization } from './naturalization/rules.ts';
import { naturalizationFee } from './naturalization-fee/rules.ts';
import { tps } from './tps/rules.ts';
import { usCitizenshipAct2021 } from './us-citizenship-act-2021/rules.ts';
import { waRelief } from './wa-relief/rules.ts';
import { wageReplacement } from './wage-replacement/rules.ts';

/**
 * Every program Belong decides, by id. Ids are part of the CLI and API
 * contract: never rename one.
 */
// biome-ignore lint/suspicious/noExplicitAny: each program has its own fact types; the registry holds them all.
export const programs: readonly Program<any>[] = [
  naturalization,
  naturalizationFee,
  tps,
  usCitizenshipAct2021,
  waRelief,
  wageReplacement,
];
