import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { KeyProvider, WrappedKey } from './key-provider.ts';

const kekLength = 32;
const nonceLength = 12;
const tagLength = 16;
const formatVersion = 1;

/**
 * A KEK held in this process's memory (from BELONG_KEK or the key file).
 *
 * Wrapped layout (bytes): version (1, = 0x01) ‖ nonce (12) ‖ AES-256-GCM
 * ciphertext of the data key ‖ tag (16). The associated data binds the
 * wrapping to the KEK id and the data-key id, so a wrapped key copied to
 * another person's row, or relabelled with another KEK id, does not unwrap.
 *
 * Earlier KEKs can be given as `previous` so keys wrapped before a rotation
 * still unwrap until every key has been rewrapped.
 */
export class LocalKeyProvider implements KeyProvider {
  readonly currentKekId: string;
  private readonly keks = new Map<string, Buffer>();

  constructor(current: Uint8Array, previous: readonly Uint8Array[] = []) {
    this.currentKekId = this.add(current);
    for (const kek of previous) this.add(kek);
  }

  async wrap(dataKey: Uint8Array, dataKeyId: string): Promise<WrappedKey> {
    const kek = this.kek(this.currentKekId);
    const nonce = randomBytes(nonceLength);
    const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: tagLength });
    cipher.setAAD(wrapAad(this.currentKekId, dataKeyId));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      kekId: this.currentKekId,
      wrapped: Buffer.concat([Buffer.of(formatVersion), nonce, body, cipher.getAuthTag()]),
    };
  }

  async unwrap(wrapped: Uint8Array, kekId: string, dataKeyId: string): Promise<Buffer> {
    const kek = this.kek(kekId);
    const bytes = Buffer.from(wrapped);
    if (bytes.length <= 1 + nonceLength + tagLength || bytes[0] !== formatVersion) {
      throw new AppError('BLG_DATA_KEY_UNWRAP_FAILED', { details: { reason: 'format' } });
    }
    const nonce = bytes.subarray(1, 1 + nonceLength);
    const body = bytes.subarray(1 + nonceLength, bytes.length - tagLength);
    const tag = bytes.subarray(bytes.length - tagLength);
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, nonce, { authTagLength: tagLength });
      decipher.setAAD(wrapAad(kekId, dataKeyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch (cause) {
      throw new AppError('BLG_DATA_KEY_UNWRAP_FAILED', { details: { reason: 'auth' }, cause });
    }
  }

  private add(kek: Uint8Array): string {
    if (kek.length !== kekLength) {
      throw new AppError('BLG_KEY_INVALID', { details: { key: 'kek', bytes: kek.length } });
    }
    const copy = Buffer.from(kek);
    const id = kekIdOf(copy);
    this.keks.set(id, copy);
    return id;
  }

  private kek(kekId: string): Buffer {
    const kek = this.keks.get(kekId);
    if (!kek) throw new AppError('BLG_KEK_UNKNOWN', { details: { kekId } });
    return kek;
  }
}

/**
 * A KEK's public name: the first 8 bytes of HMAC-SHA-256 under the KEK of a
 * fixed label, hex. It is stable for a key, differs between keys, and says
 * nothing useful about the key itself.
 */
export function kekIdOf(kek: Uint8Array): string {
  return `local:${createHmac('sha256', kek).update('belong.kek-id.v1').digest().subarray(0, 8).toString('hex')}`;
}

function wrapAad(kekId: string, dataKeyId: string): Buffer {
  return Buffer.from(JSON.stringify(['belong.wrap.v1', kekId, dataKeyId]), 'utf8');
}
