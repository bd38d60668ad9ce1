import assert from 'node:assert/strict';
import type { Evaluation } from '../../src/engine/evaluate.ts';

/** A summary evaluation must decide exactly as the full one: outcome, reasons met, missing answers. */
export function assertSameDecision(summary: Evaluation, full: Evaluation, label: string): void {
  assert.equal(summary.outcome, full.outcome, label);
  assert.deepEqual(summary.missing, full.missing, label);
  assert.deepEqual(
    summary.reasons.map((reason) => [reason.rule, reason.met]),
    full.reasons.map((reason) => [reason.rule, reason.met]),
    label,
  );
}
