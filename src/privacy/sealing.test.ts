import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../errors.ts';
import { isSealed, open, openText, type SealContext, seal } from './sealing.ts';

const context: SealContext = {
  table: 'people',
  column: 'family_name',
  recordId: '00000000-0000-4000-8000-000000000001',
};

function failsToOpen(error: unknown): boolean {
  return isAppError(error) && error.code === 'BLG_SEALED_VALUE_INVALID';
}

describe('seal and open', () => {
  it('round-trips any bytes and any text under any context', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2048 }),
        fc.string({ unit: 'grapheme' }),
        fc.record({ table: fc.string(), column: fc.string(), recordId: fc.string() }),
        (bytes, text, where) => {
          const key = randomBytes(32);
          assert.deepEqual(open(seal(bytes, key, where), key, where), Buffer.from(bytes));
          assert.equal(openText(seal(text, key, where), key, where), text);
        },
      ),
    );
  });

  it('writes v1.<nonce>.<ciphertext and tag> in base64url, never the plaintext', () => {
    const key = randomBytes(32);
    const plaintext = 'Zyxwvutsrq Canary-Person 1987-03-14';
    const sealed = seal(plaintext, key, context);
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    assert.equal(sealed.includes('Canary'), false);
    assert.equal(isSealed(sealed), true);
    assert.equal(isSealed(plaintext), false);
    const body = Buffer.from(sealed.split('.')[2] ?? '', 'base64url');
    assert.equal(body.length, Buffer.byteLength(plaintext) + 16);
  });

  it('uses a fresh nonce every time', () => {
    const key = randomBytes(32);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(seal('same', key, context).split('.')[1] ?? '');
    assert.equal(seen.size, 200);
  });

  it('fails to open a value moved to another table, column or record', () => {
    const key = randomBytes(32);
    const sealed = seal('value', key, context);
    const elsewhere: SealContext[] = [
      { ...context, table: 'supporters' },
      { ...context, column: 'given_name' },
      { ...context, recordId: '00000000-0000-4000-8000-000000000002' },
      // Fields are not simply concatenated: shifting text between them fails too.
      { table: 'peoplefamily', column: '_name', recordId: context.recordId },
    ];
    for (const where of elsewhere) assert.throws(() => open(sealed, key, where), failsToOpen);
  });

  it('fails to open under any other context (property)', () => {
    const key = randomBytes(32);
    const where = fc.record({ table: fc.string(), column: fc.string(), recordId: fc.string() });
    fc.assert(
      fc.property(where, where, (a, b) => {
        fc.pre(a.table !== b.table || a.column !== b.column || a.recordId !== b.recordId);
        assert.throws(() => open(seal('x', key, a), key, b), failsToOpen);
      }),
    );
  });

  it('fails to open under another key', () => {
    const sealed = seal('value', randomBytes(32), context);
    assert.throws(() => open(sealed, randomBytes(32), context), failsToOpen);
  });

  it('fails to open a value with any single bit changed', () => {
    const key = randomBytes(32);
    const sealed = seal('a short value', key, context);
    const [, nonce = '', body = ''] = sealed.split('.');
    const bytes = Buffer.concat([Buffer.from(nonce, 'base64url'), Buffer.from(body, 'base64url')]);
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const altered = Buffer.from(bytes);
      altered[bit >> 3] = (altered[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      const tampered = `v1.${altered.subarray(0, 12).toString('base64url')}.${altered.subarray(12).toString('base64url')}`;
      assert.throws(() => open(tampered, key, context), failsToOpen, `bit ${bit}`);
    }
  });

  it('refuses malformed encodings with a code, and an unknown version', () => {
    const key = randomBytes(32);
    const sealed = seal('value', key, context);
    for (const bad of [
      '',
      'plain text',
      sealed.replace(/^v1/, 'v2'),
      sealed.slice(0, 20),
      `${sealed}.extra`,
      sealed.replace('.', '..'),
      sealed.slice(0, sealed.lastIndexOf('.') + 5),
    ]) {
      assert.throws(() => open(bad, key, context), failsToOpen, JSON.stringify(bad));
    }
  });

  it('keeps the plaintext out of the error', () => {
    const key = randomBytes(32);
    const sealed = seal('Canary-Zyxwvutsrq', key, context);
    try {
      open(sealed, randomBytes(32), context);
      assert.fail('opened under the wrong key');
    } catch (error) {
      assert.ok(failsToOpen(error));
      assert.equal(
        JSON.stringify({ ...(error as object), message: String(error) }).includes('Canary'),
        false,
      );
    }
  });

  it('refuses a key that is not 32 bytes', () => {
    assert.throws(() => seal('x', randomBytes(16), context), RangeError);
  });
});
