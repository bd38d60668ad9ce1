import { formatCitation } from '../../engine/citation.ts';
import { formatDay } from '../../engine/dates.ts';
import type { Evaluation, Outcome } from '../../engine/evaluate.ts';
import type { Tristate } from '../../engine/program.ts';
import type { Translator } from '../../i18n/translator.ts';

/** The JSON contract of `belong rules eval` and the screening API. */
export interface EvaluationJson {
  program: string;
  asOf: string;
  rulesVersion: string;
  outcome: Outcome;
  values: Record<string, unknown>;
  reasons: { rule: string; met: Tristate; citation: string; message: string }[];
  missing: string[];
}

export function evaluationToJson(evaluation: Evaluation, translator: Translator): EvaluationJson {
  return {
    program: evaluation.program,
    asOf: formatDay(evaluation.asOf),
    rulesVersion: evaluation.rulesVersion,
    outcome: evaluation.outcome,
    values: evaluation.values,
    reasons: evaluation.reasons.map((reason) => ({
      rule: reason.rule,
      met: reason.met,
      citation: reason.citations.map(formatCitation).join('; '),
      message: translator.t(reason.messageKey, reason.messageValues),
    })),
    missing: evaluation.missing,
  };
}
