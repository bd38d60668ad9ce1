import type { FlowAnswers } from '../flow/flow-definition.ts';
import type { DocumentItem } from './document-item.ts';
import { documents as naturalization } from './naturalization/documents.ts';
import { documents as tps } from './tps/documents.ts';
import { documents as waRelief } from './wa-relief/documents.ts';
import { documents as wageReplacement } from './wage-replacement/documents.ts';

/** Each program that takes applications, with its document checklist (src/programs/<id>/documents.ts). */
const byProgram: ReadonlyMap<string, (answers: FlowAnswers) => DocumentItem[]> = new Map([
  ['naturalization', naturalization],
  ['tps', tps],
  ['wa-relief', waRelief],
  ['wage-replacement', wageReplacement],
]);

/** The documents `program` asks of a person with these answers; none for a program without a list. */
export function documentsFor(program: string, answers: FlowAnswers): DocumentItem[] {
  return byProgram.get(program)?.(answers) ?? [];
}

export const programsWithDocuments: readonly string[] = [...byProgram.keys()];
