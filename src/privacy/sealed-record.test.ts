import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../errors.ts';
import { sealedRecord } from './sealed-record.ts';

interface PersonFields {
  family_name: string;
  birth_date: Date;
  household: { size: number; children: number };
}

const people = sealedRecord<PersonFields>('people', {
  family_name: {},
  birth_date: {
    encode: (date) => date.toISOString().slice(0, 10),
    decode: (text) => new Date(`${text}T00:00:00Z`),
  },
  household: {},
});

const recordId = '00000000-0000-4000-8000-000000000001';

describe('sealed record', () => {
  it('seals every personal field of a row and opens them back', () => {
    const key = randomBytes(32);
    const fields: PersonFields = {
      family_name: 'Zyxwvutsrq',
      birth_date: new Date('1987-03-14T00:00:00Z'),
      household: { size: 4, children: 2 },
    };
    const sealed = people.seal(fields, key, recordId);
    assert.deepEqual(Object.keys(sealed).sort(), ['birth_date', 'family_name', 'household']);
    assert.equal(JSON.stringify(sealed).includes('Zyxwvutsrq'), false);
    const row = { id: recordId, created_at: new Date(), ...sealed };
    assert.deepEqual(people.open(row, key, recordId), fields);
  });

  it('leaves out fields not given, and keeps nulls as nulls', () => {
    const key = randomBytes(32);
    const sealed = people.seal({ family_name: 'Ana' }, key, recordId);
    assert.deepEqual(Object.keys(sealed), ['family_name']);
    assert.deepEqual(people.open({ ...sealed, household: null }, key, recordId), {
      family_name: 'Ana',
      household: null,
    });
  });

  it('binds each field to its column and row', () => {
    const key = randomBytes(32);
    const sealed = people.seal({ family_name: 'Ana' }, key, recordId);
    const swapped = { household: sealed.family_name };
    assert.throws(
      () => people.open(swapped, key, recordId),
      (error: unknown) => isAppError(error) && error.code === 'BLG_SEALED_VALUE_INVALID',
    );
    assert.throws(
      () => people.open(sealed, key, '00000000-0000-4000-8000-000000000002'),
      (error: unknown) => isAppError(error) && error.code === 'BLG_SEALED_VALUE_INVALID',
    );
  });

  it('round-trips any household (property)', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(
        fc.record({ size: fc.nat(), children: fc.nat() }),
        fc.string({ unit: 'grapheme', minLength: 1 }),
        (household, familyName) => {
          const sealed = people.seal({ household, family_name: familyName }, key, recordId);
          // fast-check may build a null-prototype object; JSON gives back a plain one.
          assert.deepEqual(people.open(sealed, key, recordId), {
            household: { ...household },
            family_name: familyName,
          });
        },
      ),
    );
  });

  it('refuses a field the table does not seal', () => {
    const loose = people as unknown as { seal(fields: object, key: Buffer, id: string): unknown };
    assert.throws(() => loose.seal({ ssn: 'x' }, randomBytes(32), recordId), TypeError);
  });
});
