import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BlindIndexer, blindIndexBits } from './blind-index.ts';

describe('blind index', () => {
  const indexer = new BlindIndexer(randomBytes(32));

  it('is a truncated HMAC in hex, the same for equivalent spellings', () => {
    const index = indexer.index('person.family_name', 'name', 'García-López');
    assert.match(index ?? '', /^[0-9a-f]{4}$/);
    assert.equal(indexer.index('person.family_name', 'name', ' GARCIA lopez'), index);
    assert.equal(
      indexer.index('person.phone', 'phone', '(206) 555-0123'),
      indexer.index('person.phone', 'phone', '+1 206 555 0123'),
    );
    assert.equal(
      indexer.index('person.birth_date', 'date', new Date(Date.UTC(1987, 2, 4))),
      indexer.index('person.birth_date', 'date', '1987-3-4'),
    );
    assert.equal(
      indexer.index('person.email', 'email', 'Ana@Example.org'),
      indexer.index('person.email', 'email', 'ana@example.org '),
    );
  });

  it('keeps the bits chosen for each kind', () => {
    assert.equal(indexer.index('d', 'date', '1987-03-04')?.length, blindIndexBits.date / 4);
    assert.equal(indexer.index('n', 'name', 'Ana')?.length, blindIndexBits.name / 4);
    assert.equal(indexer.index('p', 'phone', '2065550123')?.length, blindIndexBits.phone / 4);
    assert.equal(indexer.index('e', 'email', 'a@b.org')?.length, blindIndexBits.email / 4);
  });

  it('spreads values evenly over its range, so collisions are as rare as the length says', () => {
    const seen = new Set<string>();
    const start = Date.UTC(1900, 0, 1);
    // 4096 distinct dates into 12 bits: a uniform function fills about 63% of 4096 slots.
    for (let day = 0; day < 4096; day++) {
      seen.add(indexer.index('d', 'date', new Date(start + day * 86_400_000)) ?? '');
    }
    assert.ok(seen.size > 2400 && seen.size < 2800, `${seen.size} distinct`);
  });

  it('never contains the value, and differs between values', () => {
    const index = indexer.index('person.email', 'email', 'ana@example.org');
    assert.notEqual(index, indexer.index('person.email', 'email', 'ana@example.com'));
    assert.equal(index?.includes('ana'), false);
  });

  it('separates domains and kinds, so lists do not link unless they share a domain', () => {
    // 16-bit indexes collide by chance 1 in 65536; ten names make a false pass impossible in practice.
    const names = Array.from({ length: 10 }, (_, i) => `Zyxwvutsrq ${String.fromCharCode(97 + i)}`);
    const applicants = names.map((name) => indexer.index('applicant.family_name', 'name', name));
    const supporters = names.map((name) => indexer.index('supporter.family_name', 'name', name));
    assert.notDeepEqual(supporters, applicants);
    assert.deepEqual(
      names.map((name) => indexer.index('applicant.family_name', 'name', name)),
      applicants,
    );
  });

  it('depends on the index key', () => {
    const other = new BlindIndexer(randomBytes(32));
    assert.notEqual(
      other.index('person.email', 'email', 'ana@example.org'),
      indexer.index('person.email', 'email', 'ana@example.org'),
    );
  });

  it('indexes nothing that normalises to nothing', () => {
    assert.equal(indexer.index('person.family_name', 'name', ' - '), null);
    assert.equal(indexer.index('person.phone', 'phone', '555-0123'), null);
    assert.equal(indexer.index('person.birth_date', 'date', '1987-02-30'), null);
    assert.equal(indexer.index('person.family_name', 'name', new Date()), null);
  });

  it('is stable across case and spacing for any name (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,3}$/), (name) => {
        const respelt = `  ${name.toUpperCase().split(' ').join(' -  ')} `;
        assert.equal(
          indexer.index('person.family_name', 'name', respelt),
          indexer.index('person.family_name', 'name', name.toLowerCase()),
        );
      }),
    );
  });

  it('refuses a key that is not 32 bytes', () => {
    assert.throws(() => new BlindIndexer(randomBytes(31)), RangeError);
  });
});
