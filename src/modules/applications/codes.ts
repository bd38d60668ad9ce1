import { createHash, randomBytes } from 'node:crypto';

/**
 * The codes a person holds: a reference number (names the case, printed on
 * letters), a claim code (proves the case is theirs, with the reference)
 * and a resume code (reopens a draft, with their birth date). Written in
 * Crockford's base32 — no I, L, O or U — in groups of four, so they survive
 * being read over a phone line, copied by hand or typed on a small screen.
 * https://www.crockford.com/base32.html
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomGroups(groups: number): string {
  const bytes = randomBytes(groups * 4);
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    // 256 is a multiple of 32: every symbol is equally likely.
    text += alphabet[(bytes[i] as number) % 32];
    if (i % 4 === 3 && i < bytes.length - 1) text += '-';
  }
  return text;
}

/** `BLG-7K3M-Q9XD`: 40 random bits, unique by a database constraint. */
export function newReference(): string {
  return `BLG-${randomGroups(2)}`;
}

/** 60 random bits: guessing one for a known reference is out of reach, and tries are limited. */
export function newClaimCode(): string {
  return randomGroups(3);
}

/** 60 random bits; a resume also needs the person's birth date, and failures lock the draft. */
export function newResumeCode(): string {
  return randomGroups(3);
}

/** A secret for the draft cookie: 256 bits, never shown, never stored unhashed. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A code as typed back: case and spacing ignored, dashes optional, and the
 * letters people confuse with digits read as Crockford says (I and L as 1,
 * O as 0). Null when what is left cannot be one of our codes.
 */
export function normaliseCode(typed: string, groups: number): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== groups * 4 || ![...cleaned].every((c) => alphabet.includes(c))) {
    return null;
  }
  return cleaned.match(/.{4}/g)?.join('-') ?? null;
}

/** A reference as typed back (`blg 7k3m q9xd`), or null. */
export function normaliseReference(typed: string): string | null {
  const body = typed.trim().replace(/^BLG[\s-]*/i, '');
  const code = normaliseCode(body, 2);
  return code === null ? null : `BLG-${code}`;
}

/**
 * How a code is stored for lookup. The codes carry 40–256 random bits, so
 * a plain SHA-256 cannot be reversed by guessing; it is not a password.
 */
export function codeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
