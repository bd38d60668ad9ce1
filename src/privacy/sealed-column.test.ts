import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../errors.ts';
import { type Sealed, sealedColumn } from './sealed-column.ts';

const recordId = '00000000-0000-4000-8000-000000000001';

describe('sealed column', () => {
  it('round-trips any JSON value', () => {
    const column = sealedColumn<unknown>({ table: 'people', column: 'answers' });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const key = randomBytes(32);
        const sealed = column.seal(value, key, recordId);
        // JSON itself turns -0 into 0; the column promises JSON semantics.
        assert.deepEqual(column.open(sealed, key, recordId), JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('binds the table and column it was made for', () => {
    const key = randomBytes(32);
    const familyName = sealedColumn<string>({ table: 'people', column: 'family_name' });
    const givenName = sealedColumn<string>({ table: 'people', column: 'given_name' });
    const sealed = familyName.seal('Zyxwvutsrq', key, recordId);
    assert.equal(familyName.open(sealed, key, recordId), 'Zyxwvutsrq');
    assert.throws(
      () => givenName.open(sealed, key, recordId),
      (error: unknown) => isAppError(error) && error.code === 'BLG_SEALED_VALUE_INVALID',
    );
  });

  it('uses a custom encoding and a validating decoder', () => {
    const birthDate = sealedColumn<Date>({
      table: 'people',
      column: 'birth_date',
      encode: (date) => date.toISOString().slice(0, 10),
      decode: (text) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new TypeError('not a date');
        return new Date(`${text}T00:00:00Z`);
      },
    });
    const key = randomBytes(32);
    const sealed: Sealed<Date> = birthDate.seal(new Date('1987-03-14T00:00:00Z'), key, recordId);
    assert.deepEqual(birthDate.open(sealed, key, recordId), new Date('1987-03-14T00:00:00Z'));
    const wrongShape = sealedColumn<unknown>({ table: 'people', column: 'birth_date' });
    assert.throws(
      () => birthDate.open(wrongShape.seal({ not: 'a date' }, key, recordId), key, recordId),
      TypeError,
    );
  });
});
