import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documents } from './documents.ts';
import { exampleAnswers } from './flow.ts';

const ids = (answers: Record<string, unknown>) => documents(answers).map((item) => item.id);

describe('tps documents', () => {
  it('asks a first registration for nationality, entry and continuous residence', () => {
    assert.deepEqual(ids(exampleAnswers), [
      'identity-nationality',
      'date-of-entry',
      'continuous-residence',
    ]);
  });

  it('asks a person re-registering for nothing', () => {
    assert.deepEqual(ids({ ...exampleAnswers, currentTpsHolder: true }), []);
  });

  it('asks nothing of a person from a country never designated', () => {
    assert.deepEqual(ids({ nationality: 'other' }), []);
  });

  it('never asks for a Social Security card, and cites 8 CFR 244.9 or the I-821 instructions', () => {
    for (const item of documents(exampleAnswers)) {
      assert.doesNotMatch(`${item.id} ${item.label}`, /social|ssn/i);
      assert.match(item.citation.title, /244\.9|I-821/);
    }
  });
});
