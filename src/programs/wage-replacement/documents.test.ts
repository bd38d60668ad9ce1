import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documents } from './documents.ts';
import { exampleAnswers } from './flow.ts';

describe('wage-replacement documents', () => {
  it('asks for proof of wages from each employer listed, by name', () => {
    const answers = {
      ...exampleAnswers,
      applicant: { employers: [{ name: 'Example Orchards LLC' }, { name: '  Packing Co ' }] },
    };
    const items = documents(answers);
    assert.deepEqual(
      items.map((item) => [item.id, item.values?.employer]),
      [
        ['employer-1', 'Example Orchards LLC'],
        ['employer-2', 'Packing Co'],
      ],
    );
    assert.equal(documents(exampleAnswers).length, 1);
  });

  it('asks for wages from each employer when none is named yet', () => {
    assert.deepEqual(
      documents({ applicant: { employers: [{ name: ' ' }] } }).map((item) => item.id),
      ['wages'],
    );
  });

  it('never asks for a Social Security card or anything that shows status', () => {
    for (const item of documents(exampleAnswers)) {
      assert.doesNotMatch(`${item.id} ${item.label}`, /social|ssn|status/i);
      assert.match(item.citation.title, /5626/);
    }
  });
});
