import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { normalisePassword } from './password-policy.ts';

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1), which is
 * also @node-rs/argon2's default: about 6.5 ms a hash on this machine
 * (shared/reference/stack-bench.md §4). OWASP Password Storage Cheat Sheet:
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
 */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), argon2Options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, normalisePassword(password));
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a hash nobody's password matches, so that
 * signing in with an unknown email (or a locked account) takes as long as
 * a wrong password and the timing does not tell which emails have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hash(generateOneTimePassword(), argon2Options);
  await verify(await dummyHash, normalisePassword(password));
  return false;
}

// No 0/O, 1/l/I: a one-time password is read off a screen and typed by hand.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password of four groups of five characters: about 99 bits of
 * entropy, well above NIST SP 800-63B's floor for a secret the system chooses.
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group++) {
    let chars = '';
    for (let i = 0; i < 5; i++) chars += alphabet[randomInt(alphabet.length)];
    groups.push(chars);
  }
  return groups.join('-');
}
