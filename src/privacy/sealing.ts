import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';

/** Where a sealed value lives; bound into its ciphertext as associated data. */
export interface SealContext {
  table: string;
  column: string;
  recordId: string;
}

const prefix = 'v1.';
const keyLength = 32;
const nonceLength = 12;
const tagLength = 16;
// base64url of 12 bytes is exactly 16 characters, of 16+ bytes at least 22.
const encodedPattern = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

/**
 * Seals `plaintext` under a person's data key with AES-256-GCM.
 *
 * Encoding (text, safe in any column, URL and JSON):
 *   `v1.<nonce>.<ciphertext ‖ tag>`, both parts base64url without padding;
 *   the nonce is 12 random bytes, the tag 16 bytes.
 * Associated data: the UTF-8 JSON array `["belong.seal.v1", table, column,
 * recordId]` — unambiguous whatever the names contain — so a sealed value
 * copied to another row, column or table does not open.
 *
 * Random 96-bit nonces are safe for up to 2^32 seals under one key (NIST
 * SP 800-38D); one person's key seals a few hundred values in its life.
 */
export function seal(
  plaintext: string | Uint8Array,
  key: Uint8Array,
  context: SealContext,
): string {
  checkKey(key);
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
  cipher.setAAD(sealAad(context));
  const body = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${prefix}${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

/**
 * Opens a value sealed by `seal` for the same key and context. Any change —
 * to the bytes, the key, the table, column or record id — fails with
 * BLG_SEALED_VALUE_INVALID; it never returns partial or wrong plaintext.
 */
export function open(sealed: string, key: Uint8Array, context: SealContext): Buffer {
  checkKey(key);
  const match = encodedPattern.exec(sealed);
  if (!match?.[1] || !match[2]) {
    throw new AppError('BLG_SEALED_VALUE_INVALID', { details: { reason: 'format' } });
  }
  const nonce = Buffer.from(match[1], 'base64url');
  const body = Buffer.from(match[2], 'base64url');
  if (nonce.length !== nonceLength || body.length < tagLength) {
    throw new AppError('BLG_SEALED_VALUE_INVALID', { details: { reason: 'format' } });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
    decipher.setAAD(sealAad(context));
    decipher.setAuthTag(body.subarray(body.length - tagLength));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - tagLength)),
      decipher.final(),
    ]);
  } catch (cause) {
    throw new AppError('BLG_SEALED_VALUE_INVALID', { details: { reason: 'auth' }, cause });
  }
}

/** `open`, decoded as UTF-8 text. */
export function openText(sealed: string, key: Uint8Array, context: SealContext): string {
  return open(sealed, key, context).toString('utf8');
}

/** True when `value` has the shape of a sealed value (it may still fail to open). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && encodedPattern.test(value);
}

function checkKey(key: Uint8Array): void {
  // A programming error, not bad input: a data key is always 32 bytes.
  if (key.length !== keyLength) throw new RangeError('A data key must be 32 bytes');
}

function sealAad(context: SealContext): Buffer {
  return Buffer.from(
    JSON.stringify(['belong.seal.v1', context.table, context.column, context.recordId]),
    'utf8',
  );
}
