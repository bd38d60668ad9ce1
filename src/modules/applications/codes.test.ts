import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  codeHash,
  newClaimCode,
  newReference,
  newResumeCode,
  normaliseCode,
  normaliseReference,
} from './codes.ts';

describe('person-held codes', () => {
  it('writes codes in Crockford base32 groups of four', () => {
    assert.match(newReference(), /^BLG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.match(newClaimCode(), /^([0-9A-HJKMNP-TV-Z]{4}-){2}[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.notEqual(newResumeCode(), newResumeCode());
  });

  it('reads back what a person types: any case, spacing, dashes, and look-alike letters', () => {
    assert.equal(normaliseCode('ab1c de0f gh2j', 3), 'AB1C-DE0F-GH2J');
    assert.equal(normaliseCode('ABiC-DEoF-GHlJ', 3), 'AB1C-DE0F-GH2J'.replace('2', '1'));
    assert.equal(normaliseReference(' blg 7k3m q9xd '), 'BLG-7K3M-Q9XD');
    assert.equal(normaliseReference('7K3M-Q9XD'), 'BLG-7K3M-Q9XD');
    assert.equal(normaliseCode('too short', 3), null);
    assert.equal(normaliseCode('UUUU-UUUU-UUUU', 3), null, 'U is not in the alphabet');
  });

  it('round-trips every code it makes, and hashes distinct codes apart', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const code = newClaimCode();
        assert.equal(normaliseCode(code.toLowerCase().replaceAll('-', ' '), 3), code);
        const reference = newReference();
        assert.equal(normaliseReference(reference.toLowerCase()), reference);
      }),
      { numRuns: 200 },
    );
    assert.notEqual(codeHash('AAAA-AAAA-AAAA'), codeHash('AAAA-AAAA-AAAB'));
    assert.match(codeHash('x'), /^[0-9a-f]{64}$/);
  });
});
