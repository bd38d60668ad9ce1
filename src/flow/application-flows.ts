import {
  flow as naturalization,
  exampleAnswers as naturalizationExample,
} from '../programs/naturalization/flow.ts';
import { flow as tps, exampleAnswers as tpsExample } from '../programs/tps/flow.ts';
import { flow as waRelief, exampleAnswers as waReliefExample } from '../programs/wa-relief/flow.ts';
import {
  flow as wageReplacement,
  exampleAnswers as wageReplacementExample,
} from '../programs/wage-replacement/flow.ts';
import type { FlowAnswers, FlowDefinition } from './flow-definition.ts';

/**
 * The programs a person can apply for, each with its flow (declared in
 * src/programs/<id>/flow.ts) and a complete example of its answers (the
 * OpenAPI document's example request). Ids are the programs' own.
 */
export const applicationFlows: ReadonlyMap<
  string,
  { flow: FlowDefinition; exampleAnswers: FlowAnswers }
> = new Map([
  [naturalization.id, { flow: naturalization, exampleAnswers: naturalizationExample }],
  [tps.id, { flow: tps, exampleAnswers: tpsExample }],
  [waRelief.id, { flow: waRelief, exampleAnswers: waReliefExample }],
  [wageReplacement.id, { flow: wageReplacement, exampleAnswers: wageReplacementExample }],
]);

/** The flow of the program `id`, or undefined when it takes no applications. */
export function applicationFlow(id: string): FlowDefinition | undefined {
  return applicationFlows.get(id)?.flow;
}
