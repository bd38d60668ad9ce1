import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, genesisHash, hashAuditEvent } from './audit-hash.ts';

const event = {
  id: '6f1c1d4e-9a52-4b8e-8f0a-2f3c9d1e7b10',
  organisationId: '0b6a3f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  sequence: 1,
  eventType: 'person.data_read',
  actor: 'system',
  subject: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  details: { purpose: 'eligibility', fields: ['given_name', 'birth_date'] },
  occurredAt: new Date('2026-11-25T13:01:00.123Z'),
  previousHash: genesisHash,
};

describe('audit hash', () => {
  it('encodes objects with sorted keys at every depth and no spacing', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 'é"' }, skipped: undefined }),
      '{"a":{"c":"é\\"","d":[true,null,"x"]},"b":1}',
    );
    assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
  });

  it('refuses values JSONB would not give back unchanged', () => {
    assert.throws(() => canonicalJson(1.5), /safe integers/);
    assert.throws(() => canonicalJson(2 ** 60), /safe integers/);
    assert.throws(() => canonicalJson(new Date()), /object/);
    assert.throws(() => canonicalJson(() => 1), /function/);
  });

  it('is a fixed function of every field: this vector must never change', () => {
    // Changing the encoding would break every chain already written; a new
    // encoding needs a new version prefix and a verifier that knows both. The
    // value was also computed outside JavaScript, from docs/audit-events.md alone:
    // Python's json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False).
    assert.equal(
      hashAuditEvent(event),
      hashAuditEvent({
        ...event,
        details: { fields: ['given_name', 'birth_date'], purpose: 'eligibility' },
      }),
    );
    assert.match(hashAuditEvent(event), /^[0-9a-f]{64}$/);
    assert.equal(
      hashAuditEvent(event),
      '2203372b296c9a20e461d42a3685bcbc27d45424d8eefd9680f725f69a8d6f86',
    );
  });

  it('changes when any field changes', () => {
    const base = hashAuditEvent(event);
    const variants = [
      { id: '6f1c1d4e-9a52-4b8e-8f0a-2f3c9d1e7b11' },
      { organisationId: null },
      { sequence: 2 },
      { eventType: 'person.data_written' },
      { actor: '6f1c1d4e-9a52-4b8e-8f0a-2f3c9d1e7b10' },
      { subject: null },
      { details: { purpose: 'eligibility', fields: ['birth_date', 'given_name'] } },
      { occurredAt: new Date('2026-11-25T13:01:00.124Z') },
      { previousHash: 'f'.repeat(64) },
    ];
    for (const change of variants) {
      assert.notEqual(hashAuditEvent({ ...event, ...change }), base, Object.keys(change)[0]);
    }
  });
});
