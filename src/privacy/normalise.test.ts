import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normaliseDate, normaliseEmail, normaliseName, normalisePhone } from './normalise.ts';

// Letters people write in several ways: with and without accents, in both
// cases, precomposed or not; Arabic with and without harakat.
const nameLetters = [...'abcdefghijklmnopqrstuvwxyzéèñüçøßłåæ', ...'احمدعليسنبت'];
const nameWord = fc
  .array(fc.constantFrom(...nameLetters), { minLength: 1, maxLength: 10 })
  .map((letters) => letters.join(''));
const separator = fc.constantFrom(' ', '  ', '-', ' - ', '\u00a0', '\t', '.', ', ', '_');

function respell(word: string, pattern: readonly boolean[]): string {
  return [...word]
    .map((letter, i) => (pattern[i % pattern.length] ? letter.toUpperCase() : letter))
    .join('');
}

describe('name normalisation', () => {
  it('folds case, accents, spacing and punctuation', () => {
    const same = [
      'José García-López',
      'JOSE  GARCIA LOPEZ',
      ' jose garcía–lópez ',
      'Jose\u0301 Garci\u0301a Lo\u0301pez',
    ];
    for (const spelling of same)
      assert.equal(normaliseName(spelling), 'jose garcia lopez', spelling);
    assert.equal(normaliseName("O'Brien"), normaliseName('OBRIEN'));
    assert.equal(normaliseName('Straße'), normaliseName('STRASSE'));
    assert.equal(normaliseName('Søren Łukasz'), 'soren lukasz');
    assert.equal(normaliseName('مُحَمَّد'), normaliseName('محمد'));
    assert.equal(normaliseName('أحمد'), normaliseName('احمد'));
    assert.equal(normaliseName('  -- '), null);
    assert.notEqual(normaliseName('Ana Maria'), normaliseName('Ana Mario'));
  });

  it('gives equivalent spellings the same value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(nameWord, { minLength: 1, maxLength: 4 }),
        fc.array(separator, { minLength: 4, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('NFC', 'NFD', 'NFKC', 'NFKD'),
        (words, separators, casing, form) => {
          const plain = words.join(' ');
          const respelt = words
            .map(
              (word, i) =>
                `${i > 0 ? separators[i % separators.length] : ''}${respell(word, casing)}`,
            )
            .join('');
          assert.equal(normaliseName(` ${respelt.normalize(form)} `), normaliseName(plain));
        },
      ),
    );
  });

  it('is idempotent on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normaliseName(text);
        if (once !== null) assert.equal(normaliseName(once), once);
      }),
    );
  });
});

describe('date normalisation', () => {
  it('writes real dates as YYYY-MM-DD and refuses others', () => {
    assert.equal(normaliseDate('1987-3-4'), '1987-03-04');
    assert.equal(normaliseDate(' 1987-03-04 '), '1987-03-04');
    assert.equal(normaliseDate(new Date(Date.UTC(1987, 2, 4))), '1987-03-04');
    assert.equal(normaliseDate('2024-02-29'), '2024-02-29');
    for (const bad of ['2023-02-29', '1987-13-01', '1987-00-10', '03/04/1987', '', 'soon']) {
      assert.equal(normaliseDate(bad), null, bad);
    }
    assert.equal(normaliseDate(new Date(Number.NaN)), null);
  });

  it('gives a date and its other spellings the same value (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-').map(Number);
          assert.equal(normaliseDate(date), iso);
          assert.equal(normaliseDate(`${y}-${m}-${d}`), iso);
        },
      ),
    );
  });
});

describe('phone normalisation', () => {
  it('writes US and international numbers in E.164', () => {
    const seattle = [
      '(206) 555-0123',
      '206.555.0123',
      '206 555 0123',
      '+1 206 555 0123',
      '1-206-555-0123',
      '+1 (206) 555-0123 ext. 42',
    ];
    for (const spelling of seattle)
      assert.equal(normalisePhone(spelling), '+12065550123', spelling);
    const mexico = ['+52 55 1234 5678', '0052 55 1234 5678', '011 52 55 1234 5678'];
    for (const spelling of mexico)
      assert.equal(normalisePhone(spelling), '+525512345678', spelling);
    for (const bad of [
      '555-0123',
      '(055) 555-0123',
      '+1 206 555',
      '+0 123 456 789',
      'call me',
      '',
    ]) {
      assert.equal(normalisePhone(bad), null, bad);
    }
  });

  it('gives every US spelling of a number the same value (property)', () => {
    const digit = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.array(digit, { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 2, max: 9 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.constantFrom('', '1', '+1', '+1 ', '1-', '001 ', '011 1 '),
        fc.constantFrom(' ', '-', '.', ''),
        fc.boolean(),
        (a, area, e, rest, prefix, sep, parens) => {
          const areaCode = `${a}${area.join('')}`;
          const exchange = `${e}${rest.slice(0, 2).join('')}`;
          const line = rest.slice(2).join('');
          const text = `${prefix}${parens ? `(${areaCode})` : areaCode}${sep}${exchange}${sep}${line}`;
          assert.equal(normalisePhone(text), `+1${areaCode}${exchange}${line}`, text);
        },
      ),
    );
  });
});

describe('email normalisation', () => {
  it('trims and lower-cases, and refuses what is not an address', () => {
    assert.equal(normaliseEmail('  Ana.Perez@Example.ORG '), 'ana.perez@example.org');
    assert.equal(normaliseEmail('ana+tag@example.org'), 'ana+tag@example.org');
    for (const bad of ['', 'ana', '@example.org', 'ana@', 'a@b@c', 'a b@example.org']) {
      assert.equal(normaliseEmail(bad), null, bad);
    }
  });
});
