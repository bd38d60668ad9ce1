import { createHmac, hkdfSync } from 'node:crypto';
import { normaliseDate, normaliseEmail, normaliseName, normalisePhone } from './normalise.ts';

/** What kind of value an index is over; selects its normaliser. */
export type BlindIndexKind = 'name' | 'date' | 'phone' | 'email';

/**
 * Bits kept of each kind's HMAC, chosen so every index value is shared by
 * many plausible inputs of that kind (see
 * docs/decisions/0021-blind-index-truncation.md). Multiples of 4: an index
 * is that many bits as lower-case hex. Changing one means recomputing every
 * index of that kind (bump `version`).
 */
export const blindIndexBits: Readonly<Record<BlindIndexKind, number>> = {
  date: 12,
  name: 16,
  phone: 24,
  email: 32,
};
const version = 'v1';

const normalisers: Record<BlindIndexKind, (value: string) => string | null> = {
  name: normaliseName,
  date: normaliseDate,
  phone: normalisePhone,
  email: normaliseEmail,
};

/**
 * Blind indexes: HMAC-SHA-256 over a normalised value, truncated to a few
 * bits per kind, as hex. A coarse filter: a lookup or duplicate search
 * finds the records whose indexes match, then opens them and compares the
 * real values, so a collision costs a little work and never a wrong match.
 *
 * The index key is its own secret (BELONG_INDEX_KEY or `.belong/index-key`),
 * not derived from the KEK, so a KEK rotation never forces recomputing
 * indexes. Each (domain, kind) gets a subkey derived with HKDF-SHA-256, so
 * the same name indexed in two domains (say applicants and supporters) does
 * not give equal values that would link the two lists: linking is possible
 * only where a domain is shared on purpose.
 */
export class BlindIndexer {
  private readonly subkeys = new Map<string, Buffer>();

  constructor(private readonly indexKey: Uint8Array) {
    if (indexKey.length !== 32) throw new RangeError('A blind-index key must be 32 bytes');
  }

  /**
   * The index of `value` in `domain` (e.g. `person.family_name`), or null
   * when the value normalises to nothing — never index an empty value, or
   * every empty field would match every other.
   */
  index(domain: string, kind: BlindIndexKind, value: string | Date): string | null {
    let normalised: string | null;
    if (value instanceof Date) normalised = kind === 'date' ? normaliseDate(value) : null;
    else normalised = normalisers[kind](value);
    if (normalised === null) return null;
    return createHmac('sha256', this.subkey(domain, kind))
      .update(normalised, 'utf8')
      .digest('hex')
      .slice(0, blindIndexBits[kind] / 4);
  }

  private subkey(domain: string, kind: BlindIndexKind): Buffer {
    const label = JSON.stringify([`belong.blind-index.${version}`, domain, kind]);
    let subkey = this.subkeys.get(label);
    if (!subkey) {
      subkey = Buffer.from(hkdfSync('sha256', this.indexKey, Buffer.alloc(0), label, 32));
      this.subkeys.set(label, subkey);
    }
    return subkey;
  }
}
