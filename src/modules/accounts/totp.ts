import { timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { staffTotpPolicy } from './staff-auth-policy.ts';

/*
 * TOTP (RFC 6238) through otpauth (docs/decisions/0027-staff-sign-in-totp-and-sessions.md):
 * the library computes codes; which time steps are accepted and that a step
 * is never accepted twice is decided here.
 */

function totp(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: staffTotpPolicy.issuer,
    label,
    algorithm: staffTotpPolicy.algorithm,
    digits: staffTotpPolicy.digits,
    period: staffTotpPolicy.periodSeconds,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret, in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: staffTotpPolicy.secretBytes }).base32;
}

/** The `otpauth://totp/…` address an authenticator app reads from a QR code. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** The time step a moment falls in (RFC 6238 §4.2, T0 = 0). */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / staffTotpPolicy.periodSeconds);
}

/** A code as typed: spaces and dashes dropped ("123 456"). Undefined unless six digits. */
export function readTotpCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '');
  return new RegExp(`^[0-9]{${staffTotpPolicy.digits}}$`).test(code) ? code : undefined;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'replayed' };

/**
 * Checks a code against the current step and one either side. A step at or
 * before `lastUsedStep` is refused as a replay, even within its window: a
 * code seen over someone's shoulder, or captured, works at most once.
 */
export function checkTotp(
  secret: string,
  typed: string,
  at: Date,
  lastUsedStep: number | null,
): TotpCheck {
  const code = readTotpCode(typed);
  if (!code) return { ok: false, reason: 'wrong' };
  const generator = totp(secret);
  const current = timeStep(at);
  let replayed = false;
  for (let delta = -staffTotpPolicy.window; delta <= staffTotpPolicy.window; delta++) {
    const step = current + delta;
    const expected = generator.generate({
      timestamp: step * staffTotpPolicy.periodSeconds * 1000,
    });
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(code))) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'replayed' : 'wrong' };
}

/** The code an authenticator app shows at a moment: for tests and the enrolment check. */
export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}
