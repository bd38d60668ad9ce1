/**
 * Every number staff sign-in depends on, in one place.
 *
 * Sessions: NIST SP 800-63B (rev. 3, 2017) §4.2.3, AAL2 reauthentication —
 * "at least once per 12 hours during an extended usage session" and "following
 * any period of inactivity lasting 30 minutes or longer"; the same figures as
 * OWASP ASVS 4.0.3 §3.3.2 (level 2) and Login.gov's
 * `session_total_duration_timeout_in_minutes: 720`.
 * https://pages.nist.gov/800-63-3/sp800-63b.html#aal2reauth
 */
export const staffSessionPolicy = {
  idleTimeoutMs: 30 * 60 * 1000,
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
} as const;

/**
 * Lockout per account, never per address (Belong keeps no IP addresses).
 * NIST SP 800-63B §5.2.2 asks for at most 100 consecutive failures; ten in
 * fifteen minutes stops guessing long before that and costs a colleague who
 * mistypes only a quarter of an hour. Second-factor failures count too.
 */
export const staffLockoutPolicy = {
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
} as const;

/**
 * Memorized secrets, NIST SP 800-63B §5.1.1.2: at least 8 characters (staff
 * always have a second factor; 800-63B-4 asks 15 only of a password used
 * alone), at least 64 permitted (128 here), counted in Unicode code points,
 * no composition rules, checked against common and breached passwords and
 * context-specific words (the service's name, the account's email).
 * https://pages.nist.gov/800-63-3/sp800-63b.html#memsecretver
 */
export const staffPasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  /** Words of the service's own: a password containing one is too easy to guess. */
  contextWords: ['belong'],
} as const;

/**
 * TOTP, RFC 6238 with the parameters every authenticator app accepts: SHA-1,
 * six digits, 30-second steps, one step of clock drift either way (RFC 6238
 * §5.2 recommends at most one step of network delay).
 */
export const staffTotpPolicy = {
  issuer: 'Belong',
  algorithm: 'SHA1',
  digits: 6,
  periodSeconds: 30,
  window: 1,
  /** RFC 4226 §4 R6: a shared secret of at least 128 bits; 160 is its recommendation. */
  secretBytes: 20,
} as const;

/**
 * A second layer under the per-account lockout: each process admits at
 * most this many sign-in and second-factor posts in a burst, refilled at a
 * steady rate, whoever sends them.
 */
export const staffSignInRateLimit = {
  capacity: 60,
  refillPerSecond: 2,
} as const;

/**
 * Passkeys (WebAuthn Level 3, https://www.w3.org/TR/webauthn-3/). §15.1
 * "Recommended Range for Ceremony Timeouts": 300,000 to 600,000 ms when
 * user verification is required or preferred, 300,000 by default; the
 * challenge lives as long as the ceremony.
 * The name is what a phone or security key shows for the site.
 */
export const staffPasskeyPolicy = {
  rpName: 'Belong',
  timeoutMs: 300_000,
} as const;
