import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { messageArguments } from './icu.ts';
import { pseudoLocalise } from './pseudo-locale.ts';

describe('pseudoLocalise', () => {
  it('accents every letter and brackets the message', () => {
    const result = pseudoLocalise('Skip to main content');
    assert.match(result, /^⟦.*⟧$/);
    assert.doesNotMatch(result, /[A-Za-z]/);
  });

  it('keeps arguments, plurals and selects working', () => {
    const source = 'You have {count, plural, one {# trip} other {# trips}} and code {code}';
    const pseudo = pseudoLocalise(source);
    assert.deepEqual(messageArguments(pseudo), messageArguments(source));
    const formatted = new IntlMessageFormat(pseudo, 'en').format({ count: 2, code: 'BLG_X' });
    assert.match(String(formatted), /2 ţŕíþš/);
    assert.match(String(formatted), /BLG_X/);
  });

  it('never leaves an ASCII letter outside an argument, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const plain = text.replace(/[{}'#<>]/g, '');
        assert.doesNotMatch(pseudoLocalise(plain), /[A-Za-z]/);
      }),
    );
  });
});

describe('messageArguments', () => {
  it('finds arguments nested in plural and select branches', () => {
    const found = messageArguments('{a} {b, select, x {{c}} other {{d, number}}}');
    assert.deepEqual([...found].sort(), ['a', 'b', 'c', 'd']);
  });
});
