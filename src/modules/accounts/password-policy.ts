import { staffPasswordPolicy } from './staff-auth-policy.ts';

/** Why a new password was refused: each is told to the person, with what to do instead. */
export type PasswordProblem =
  | 'too-short'
  | 'too-long'
  | 'common'
  | 'contains-email'
  | 'contains-service-name'
  /** Only when changing a password: the new one is the current one again (never from checkNewPassword). */
  | 'same-as-current';

/**
 * NFKC, as NIST SP 800-63B §5.1.1.2 recommends before hashing, so the same
 * password typed on two keyboards (a full-width digit, a composed accent)
 * is the same password. Applied when setting and when verifying.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/**
 * The common-password list: `passwords-common` of @zxcvbn-ts/language-common
 * (MIT, the zxcvbn-ts project, https://github.com/zxcvbn-ts/zxcvbn), about
 * 49,000 passwords from leaked-password corpora ordered by frequency, all in
 * lower case. Only those long enough to pass the length rule are kept
 * (about 18,000). Loaded on first use: decompressing it costs tens of
 * milliseconds that a process which never changes a password need not pay.
 */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) =>
      new Set(
        dictionary['passwords-common'].filter(
          (entry) => [...entry].length >= staffPasswordPolicy.minLength,
        ),
      ),
  );
  return commonPasswords;
}

/**
 * The problems with a new password, none when it may be used. No
 * composition rules (no "one digit, one symbol"): NIST SP 800-63B §5.1.1.2
 * says they SHALL NOT be imposed. Length counts Unicode code points.
 */
export async function checkNewPassword(
  password: string,
  context: { email: string },
): Promise<PasswordProblem[]> {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < staffPasswordPolicy.minLength) return ['too-short'];
  if (length > staffPasswordPolicy.maxLength) return ['too-long'];
  const problems: PasswordProblem[] = [];
  const lower = normalised.toLowerCase();
  if ((await loadCommonPasswords()).has(lower)) problems.push('common');
  const email = context.email.trim().toLowerCase();
  const localPart = email.split('@')[0] ?? '';
  // A local part of one to three letters ("jo@") is in too many passwords by chance.
  if (
    (email !== '' && lower.includes(email)) ||
    (localPart.length >= 4 && lower.includes(localPart))
  ) {
    problems.push('contains-email');
  }
  if (staffPasswordPolicy.contextWords.some((word) => lower.includes(word))) {
    problems.push('contains-service-name');
  }
  return problems;
}
