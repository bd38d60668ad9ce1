import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documents } from './documents.ts';
import { exampleAnswers } from './flow.ts';

const ids = (answers: Record<string, unknown>) => documents(answers).map((item) => item.id);

const single = {
  applicant: { givenName: 'Ana', familyName: 'Example', servedInMilitary: false },
  birthDate: '1980-01-01',
  lprDate: '2018-01-01',
  trips: [],
  spouse: { isCitizen: false },
};

describe('naturalization documents', () => {
  it('asks everyone for the green card, and a single person for nothing more', () => {
    assert.deepEqual(ids(single), ['green-card']);
  });

  it('asks for the spouse’s citizenship and the marriage only through a citizen spouse', () => {
    const married = ids(exampleAnswers);
    for (const id of ['spouse-citizenship', 'marriage-certificate', 'prior-marriages']) {
      assert.ok(married.includes(id), id);
      assert.ok(!ids(single).includes(id), id);
    }
  });

  it('asks for Form N-426 of those who served, and discharge papers once they left', () => {
    const serving = {
      ...single,
      applicant: { ...single.applicant, servedInMilitary: true },
      military: { serviceStart: '2020-01-01', honorablyServed: true },
    };
    assert.deepEqual(ids(serving), ['green-card', 'n-426']);
    const left = { ...serving, military: { ...serving.military, serviceEnd: '2023-01-01' } };
    assert.deepEqual(ids(left), ['green-card', 'n-426', 'discharge']);
  });

  it('asks for ties to the United States only after a trip of more than six months', () => {
    // 180 days away (the departure and return days count as days here): not yet.
    const short = { ...single, trips: [{ departed: '2022-01-01', returned: '2022-07-01' }] };
    assert.ok(!ids(short).includes('long-trips'));
    const long = { ...single, trips: [{ departed: '2022-01-01', returned: '2022-07-02' }] };
    assert.ok(ids(long).includes('long-trips'));
  });

  it('never asks for a Social Security card, and cites a source for each item', () => {
    for (const item of documents(exampleAnswers)) {
      assert.doesNotMatch(`${item.id} ${item.label}`, /social|ssn/i);
      assert.match(item.citation.href, /^https:\/\//);
    }
  });

  it('reads malformed answers without throwing', () => {
    assert.deepEqual(ids({ spouse: 'yes', trips: 'many', applicant: null }), ['green-card']);
  });
});
