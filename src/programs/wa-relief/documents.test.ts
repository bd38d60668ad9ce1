import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documents } from './documents.ts';
import { exampleAnswers } from './flow.ts';

describe('wa-relief documents', () => {
  it('asks for one List A document, or one from List B with one from List C', () => {
    assert.deepEqual(
      documents(exampleAnswers).map((item) => item.id),
      ['list-a', 'list-b-and-c'],
    );
  });

  it('asks for no proof of income or household: the fund had them declared', () => {
    const larger = { ...exampleAnswers, householdSize: 9, householdAdults: 5, householdIncome: 0 };
    assert.deepEqual(documents(larger), documents(exampleAnswers));
    assert.deepEqual(documents({}), documents(exampleAnswers));
  });

  it('never asks for a Social Security card, and cites the fund’s own FAQ', () => {
    for (const item of documents(exampleAnswers)) {
      assert.doesNotMatch(`${item.id} ${item.label}`, /social|ssn/i);
      assert.equal(item.citation.href, 'https://www.immigrantreliefwa.org/faq');
    }
  });
});
