import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../../audit/audit.service.ts';
import type { AuditEventDetails, AuditEventType } from '../../audit/audit-events.ts';
import type { Database, StaffAccount, StaffRole } from '../../db/schema.ts';
import { AppError, isAppError } from '../../errors.ts';
import type { PersonKeysService } from '../../privacy/person-keys.service.ts';
import { openText, seal } from '../../privacy/sealing.ts';
import { PasskeysRepository } from './passkeys.repository.ts';
import { checkNewPassword, normalisePassword } from './password-policy.ts';
import {
  generateOneTimePassword,
  hashPassword,
  verifyNothing,
  verifyPassword,
} from './passwords.ts';
import { SecondFactorsRepository, secondFactorSealContext } from './second-factors.repository.ts';
import { StaffRepository } from './staff.repository.ts';
import { staffLockoutPolicy, staffSessionPolicy } from './staff-auth-policy.ts';
import { hashSessionToken, StaffSessionsRepository } from './staff-sessions.repository.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

export interface StaffMembership {
  organisationId: string;
  role: StaffRole;
}

/** Who is signed in, as requireStaff puts it on the request (src/web/middleware/staff-session.ts). */
export interface StaffIdentity {
  staffId: string;
  memberships: StaffMembership[];
}

/**
 * Where a session stands: `complete` once both factors are proven; before
 * that, the one step it may take next.
 */
export type SessionStage = 'complete' | 'second-factor' | 'enrol-password' | 'enrol-totp';

export interface SessionState {
  staffId: string;
  stage: SessionStage;
}

export interface StaffProfile {
  staffId: string;
  displayName: string;
  email: string;
  memberships: (StaffMembership & { organisationName: string })[];
}

export interface StaffAuthOptions {
  db: Kysely<Database>;
  /**
   * Staff are people too: each one's TOTP secret is sealed under a data key
   * of their own. Only recovery (`belong staff reset`) works without it.
   */
  personKeys?: PersonKeysService;
  /** The clock; tests move it instead of waiting. */
  now?: () => Date;
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
/** An email longer than RFC 5321 allows names no account; refused before any lookup. */
const maxEmailLength = 320;

function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Staff sign-in (issue 6, item 1): a password, then a TOTP code, each step
 * in a server-side session found by the SHA-256 of a random 256-bit cookie
 * secret. Every refusal is audited with the account it was for (never the
 * email or password typed) and counts towards that account's lockout.
 */
export class StaffAuthService {
  private readonly db: Kysely<Database>;
  private readonly keys: PersonKeysService | undefined;
  private readonly now: () => Date;

  constructor(options: StaffAuthOptions) {
    this.db = options.db;
    this.keys = options.personKeys;
    this.now = options.now ?? (() => new Date());
  }

  // ------------------------------------------------------------ first factor

  /**
   * Checks an email and password and opens a session that has proven only
   * the password. Any previous session of this browser is ended first, so a
   * session id planted before sign-in is never signed in (no fixation).
   * Every refusal is BLG_STAFF_SIGN_IN_FAILED, whatever the reason.
   */
  async signIn(
    email: string,
    password: string,
    previousToken?: string,
  ): Promise<{ token: string; stage: SessionStage }> {
    if (previousToken) await this.endSession(previousToken, 'user');
    const now = this.now();
    const typed = email.trim();
    const account =
      typed.length > 0 && typed.length <= maxEmailLength
        ? await new StaffRepository(this.db).findByEmail(typed)
        : undefined;
    if (!account) {
      await verifyNothing(password);
      await this.audit('system', 'staff.sign_in_failed', {
        stage: 'password',
        reason: 'unknown_account',
      });
      throw new AppError('BLG_STAFF_SIGN_IN_FAILED');
    }
    const refusal = account.disabled_at ? 'disabled' : isLocked(account, now) ? 'locked' : null;
    if (refusal) {
      // Still spend a hash, so a locked or disabled account answers as slowly as any other.
      await verifyNothing(password);
      await this.audit(account.id, 'staff.sign_in_failed', { stage: 'password', reason: refusal });
      throw new AppError('BLG_STAFF_SIGN_IN_FAILED');
    }
    if (!(await verifyPassword(account.password_hash, password))) {
      await this.registerFailure(account.id, 'password', 'wrong_password');
      throw new AppError('BLG_STAFF_SIGN_IN_FAILED');
    }
    // Failures are cleared only once the second factor is proven too:
    // otherwise a known password would reset the count between code guesses.
    const sessions = new StaffSessionsRepository(this.db);
    await sessions.deleteExpiredOf(account.id, ...this.limits(now));
    const token = newSessionToken();
    await sessions.create(hashSessionToken(token), account.id, now);
    const factor = await new SecondFactorsRepository(this.db).find(account.id);
    return {
      token,
      stage: pendingStage(account.password_must_change, Boolean(factor?.confirmedAt)),
    };
  }

  // ------------------------------------------------------------ sessions

  /**
   * The session a cookie names, marked as seen now; undefined when there is
   * none, or it is past 30 minutes idle or 12 hours in all (it is then
   * deleted and its end audited), or its account is disabled.
   */
  async session(token: string | undefined): Promise<SessionState | undefined> {
    if (!token || !tokenPattern.test(token)) return undefined;
    const now = this.now();
    const idHash = hashSessionToken(token);
    const sessions = new StaffSessionsRepository(this.db);
    const live = await sessions.touch(idHash, now, ...this.limits(now));
    if (!live) {
      const stale = await sessions.find(idHash);
      if (stale && (await sessions.delete(idHash)) > 0) {
        const [idleSince, createdSince] = this.limits(now);
        const expired = stale.lastSeenAt <= idleSince || stale.createdAt <= createdSince;
        await this.audit(stale.staffId, 'staff.signed_out', {
          reason: expired ? 'expired' : 'revoked',
        });
      }
      return undefined;
    }
    if (live.secondFactorAt) {
      return {
        staffId: live.staffId,
        stage: live.passwordMustChange ? 'enrol-password' : 'complete',
      };
    }
    const factor = await new SecondFactorsRepository(this.db).find(live.staffId);
    return {
      staffId: live.staffId,
      stage: pendingStage(live.passwordMustChange, Boolean(factor?.confirmedAt)),
    };
  }

  /** The staff member's organisations and roles, as requireStaff hands them to routes. */
  async identity(staffId: string): Promise<StaffIdentity> {
    return { staffId, memberships: await new StaffRepository(this.db).membershipsOf(staffId) };
  }

  async profile(staffId: string): Promise<StaffProfile | undefined> {
    const staff = new StaffRepository(this.db);
    const account = await staff.findById(staffId);
    if (!account) return undefined;
    return {
      staffId,
      displayName: account.display_name,
      email: account.email,
      memberships: await staff.namedMembershipsOf(staffId),
    };
  }

  /** Ends this browser's session. */
  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.endSession(token, 'user');
  }

  /** Ends every session of the staff member, on every device. Returns how many. */
  async signOutEverywhere(staffId: string): Promise<number> {
    const ended = await new StaffSessionsRepository(this.db).deleteAllOf(staffId);
    await this.audit(staffId, 'staff.signed_out', { reason: 'everywhere', sessions: ended });
    return ended;
  }

  // ------------------------------------------------------------ second factor

  /**
   * Checks a TOTP code for a session that has proven the password. On
   * success the session gets a new id (returned) and counts as signed in.
   */
  async verifySecondFactor(token: string, code: string): Promise<{ token: string }> {
    const state = await this.requireStage(token, 'second-factor');
    const now = this.now();
    await this.refuseLockedOrDisabled(token, state.staffId);
    const factors = new SecondFactorsRepository(this.db);
    const factor = await factors.find(state.staffId);
    if (!factor?.confirmedAt) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    const secret = await this.openSecret(state.staffId, factor.sealedSecret);
    const check = checkTotp(secret, code, now, factor.lastUsedStep);
    const accepted = check.ok && (await factors.acceptStep(state.staffId, check.step, now, false));
    if (!accepted) {
      await this.registerFailure(
        state.staffId,
        'second_factor',
        check.ok || check.reason === 'replayed' ? 'replayed_code' : 'wrong_code',
      );
      throw new AppError('BLG_STAFF_CODE_INVALID');
    }
    return this.completeSignIn(token, state.staffId, now);
  }

  // ------------------------------------------------------------ enrolment

  /**
   * Replaces a one-time password with one the staff member chose. Allowed
   * only while the account must change its password; the staff member's
   * other sessions end with the old password (ASVS 4.0.3 §3.3.3).
   */
  async changeOneTimePassword(token: string, newPassword: string): Promise<void> {
    const state = await this.requireStage(token, 'enrol-password');
    const account = await new StaffRepository(this.db).findById(state.staffId);
    if (!account) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    await this.replacePassword(token, account, newPassword, 'one_time_password');
  }

  // ------------------------------------------------------------ account

  /**
   * A signed-in staff member changes their own password. The current one
   * is asked again (OWASP ASVS 4.0.3 §2.1.5): a wrong one counts towards
   * the lockout exactly as at sign-in, so a borrowed session cannot guess
   * it. The new one meets the same policy as at enrolment (NIST SP 800-63B
   * §5.1.1.2) and may not be the current one again. Every other session
   * of the account ends in the same transaction (ASVS 4.0.3 §3.3.3), and
   * this one gets a new id (returned).
   */
  async changePassword(
    token: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ token: string }> {
    const state = await this.requireStage(token, 'complete');
    const account = await new StaffRepository(this.db).findById(state.staffId);
    if (!account) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    if (!(await verifyPassword(account.password_hash, currentPassword))) {
      await this.registerFailure(state.staffId, 'password', 'wrong_current_password');
      throw new AppError('BLG_STAFF_CURRENT_PASSWORD_WRONG');
    }
    // The current password is proven, so comparing the normalised texts
    // answers what a second argon2 verification would, without its cost.
    if (normalisePassword(newPassword) === normalisePassword(currentPassword)) {
      throw new AppError('BLG_STAFF_PASSWORD_REJECTED', {
        details: { problems: 'same-as-current' },
      });
    }
    const fresh = newSessionToken();
    await this.replacePassword(token, account, newPassword, 'user', async (trx) => {
      await this.rotateSession(trx, token, fresh, this.now(), null);
    });
    return { token: fresh };
  }

  /**
   * The TOTP secret to set up, with its otpauth:// address. Asking again
   * before it is confirmed shows the same secret, so a page reloaded after
   * the app scanned it still matches. Allowed only for an account with no
   * confirmed second factor: a password alone never replaces one.
   */
  async beginTotpEnrolment(token: string): Promise<{ secret: string; uri: string }> {
    const state = await this.requireStage(token, 'enrol-totp');
    const account = await new StaffRepository(this.db).findById(state.staffId);
    if (!account) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    const factors = new SecondFactorsRepository(this.db);
    const pending = await factors.find(state.staffId);
    let secret: string;
    if (pending && !pending.confirmedAt) {
      secret = await this.openSecret(state.staffId, pending.sealedSecret);
    } else {
      secret = newTotpSecret();
      const key = await this.dataKey(state.staffId);
      await factors.savePending(
        state.staffId,
        seal(secret, key, secondFactorSealContext(state.staffId)),
        this.now(),
      );
    }
    return { secret, uri: totpUri(secret, account.email) };
  }

  /** Confirms the pending TOTP secret with a first code; the session is then signed in. */
  async confirmTotpEnrolment(token: string, code: string): Promise<{ token: string }> {
    const state = await this.requireStage(token, 'enrol-totp');
    const now = this.now();
    const factors = new SecondFactorsRepository(this.db);
    const pending = await factors.find(state.staffId);
    if (!pending || pending.confirmedAt) throw new AppError('BLG_STAFF_CODE_INVALID');
    const secret = await this.openSecret(state.staffId, pending.sealedSecret);
    const check = checkTotp(secret, code, now, pending.lastUsedStep);
    const accepted = check.ok && (await factors.acceptStep(state.staffId, check.step, now, true));
    if (!accepted) {
      await this.registerFailure(state.staffId, 'second_factor', 'wrong_code');
      throw new AppError('BLG_STAFF_CODE_INVALID');
    }
    await this.audit(state.staffId, 'staff.second_factor_enrolled', { kind: 'totp' });
    return this.completeSignIn(token, state.staffId, now);
  }

  // ------------------------------------------------------------ recovery

  /**
   * Recovery by an administrator only (`belong staff reset <email>`): a new
   * one-time password, every second factor (app and passkeys) removed,
   * every session ended and any lockout lifted, in one transaction. The password is returned once
   * and never stored.
   */
  async resetAccount(email: string): Promise<{ staffId: string; oneTimePassword: string }> {
    const account = await new StaffRepository(this.db).findByEmail(email.trim());
    if (!account) throw new AppError('BLG_STAFF_NOT_FOUND');
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    await this.db.transaction().execute(async (trx) => {
      const staff = new StaffRepository(trx);
      await staff.setPassword(account.id, passwordHash, true);
      await staff.clearFailures(account.id);
      // The authenticator app and every passkey: the account starts again from nothing.
      const secondFactors =
        (await new SecondFactorsRepository(trx).delete(account.id)) +
        (await new PasskeysRepository(trx).deleteAllOf(account.id));
      const sessions = await new StaffSessionsRepository(trx).deleteAllOf(account.id);
      await recordAuditEvent(trx, {
        organisationId: null,
        type: 'staff.account_reset',
        actor: 'system',
        subject: account.id,
        details: { secondFactors, sessions },
      });
    });
    return { staffId: account.id, oneTimePassword };
  }

  // ------------------------------------------------------------ helpers

  /** [idle since, created since]: a session last seen or created at or before these is over. */
  private limits(now: Date): [Date, Date] {
    return [
      new Date(now.getTime() - staffSessionPolicy.idleTimeoutMs),
      new Date(now.getTime() - staffSessionPolicy.absoluteTimeoutMs),
    ];
  }

  /**
   * Ends a half-signed-in session whose account was locked or disabled
   * since the password step, with BLG_STAFF_SIGN_IN_FAILED: no second
   * factor, code or passkey, may finish it.
   */
  async refuseLockedOrDisabled(token: string, staffId: string): Promise<void> {
    const account = await new StaffRepository(this.db).findById(staffId);
    if (account && !account.disabled_at && !isLocked(account, this.now())) return;
    await this.endSession(token, 'revoked');
    await this.audit(staffId, 'staff.sign_in_failed', {
      stage: 'second_factor',
      reason: account?.disabled_at ? 'disabled' : 'locked',
    });
    throw new AppError('BLG_STAFF_SIGN_IN_FAILED');
  }

  /** The session a token names, if it is at `stage`; BLG_STAFF_SIGN_IN_REQUIRED otherwise. */
  async requireStage(token: string, stage: SessionStage): Promise<SessionState> {
    const state = await this.session(token);
    if (!state || state.stage !== stage) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    return state;
  }

  /**
   * The second factor is proven (a code here, a passkey in
   * passkeys.service.ts): the session gets a new id and counts as signed in.
   */
  async completeSignIn(
    token: string,
    staffId: string,
    now: Date,
    secondFactor: 'totp' | 'passkey' = 'totp',
  ): Promise<{ token: string }> {
    const fresh = newSessionToken();
    await this.rotateSession(this.db, token, fresh, now, now);
    await new StaffRepository(this.db).clearFailures(staffId);
    await this.audit(staffId, 'staff.signed_in', { method: 'password', secondFactor });
    return { token: fresh };
  }

  /**
   * Gives a session a new id as its privileges change (OWASP ASVS 4.0.3
   * §3.2.1), so an id seen before no longer opens it. `secondFactorAt` is
   * set when the change is the second factor proven; null keeps it.
   */
  private async rotateSession(
    db: Kysely<Database>,
    token: string,
    fresh: string,
    now: Date,
    secondFactorAt: Date | null,
  ): Promise<void> {
    const rotated = await new StaffSessionsRepository(db).rotate(
      hashSessionToken(token),
      hashSessionToken(fresh),
      now,
      secondFactorAt,
    );
    if (!rotated) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
  }

  /**
   * Sets a new password the staff member chose, after the policy check
   * (NIST SP 800-63B §5.1.1.2): in one transaction the hash is replaced,
   * every other session of the account ends (ASVS 4.0.3 §3.3.3), the change
   * is audited, and `alsoInTransaction` runs (changePassword rotates this
   * session there, so a session ended meanwhile undoes the whole change).
   */
  private async replacePassword(
    token: string,
    account: StaffAccount,
    newPassword: string,
    reason: AuditEventDetails<'staff.password_changed'>['reason'],
    alsoInTransaction?: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<void> {
    const problems = await checkNewPassword(newPassword, { email: account.email });
    if (problems.length > 0) {
      throw new AppError('BLG_STAFF_PASSWORD_REJECTED', {
        details: { problems: problems.join(',') },
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await new StaffRepository(trx).setPassword(account.id, passwordHash, false);
      await new StaffSessionsRepository(trx).deleteOthersOf(account.id, hashSessionToken(token));
      await recordAuditEvent(trx, {
        organisationId: null,
        type: 'staff.password_changed',
        actor: account.id,
        details: { reason },
      });
      await alsoInTransaction?.(trx);
    });
  }

  private async endSession(token: string, reason: 'user' | 'revoked'): Promise<void> {
    if (!tokenPattern.test(token)) return;
    const sessions = new StaffSessionsRepository(this.db);
    const idHash = hashSessionToken(token);
    const session = await sessions.find(idHash);
    if (session && (await sessions.delete(idHash)) > 0) {
      await this.audit(session.staffId, 'staff.signed_out', { reason });
    }
  }

  /**
   * Audits a refusal and counts it against the account; the failure that
   * reaches the limit locks the account and ends its sessions. Passkey
   * refusals come here too, so every second factor shares one lockout.
   */
  async registerFailure(
    staffId: string,
    stage: 'password' | 'second_factor',
    reason:
      | 'wrong_password'
      | 'wrong_current_password'
      | 'wrong_code'
      | 'replayed_code'
      | 'wrong_passkey',
  ): Promise<void> {
    const now = this.now();
    await this.audit(staffId, 'staff.sign_in_failed', { stage, reason });
    const staff = new StaffRepository(this.db);
    const failures = await staff.recordFailure(
      staffId,
      now,
      new Date(now.getTime() - staffLockoutPolicy.windowMs),
    );
    if (failures < staffLockoutPolicy.maxFailures) return;
    await staff.lock(staffId, new Date(now.getTime() + staffLockoutPolicy.lockMs));
    await new StaffSessionsRepository(this.db).deleteAllOf(staffId);
    await this.audit(staffId, 'staff.locked_out', {
      failures,
      minutes: staffLockoutPolicy.lockMs / 60_000,
    });
  }

  private get personKeys(): PersonKeysService {
    // A programming error: every server builds the service with the key store.
    if (!this.keys) throw new TypeError('StaffAuthService needs personKeys for second factors');
    return this.keys;
  }

  private async dataKey(staffId: string): Promise<Buffer> {
    try {
      return await this.personKeys.get(staffId);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'BLG_PERSON_KEY_NOT_FOUND') throw error;
    }
    try {
      return await this.personKeys.create(staffId);
    } catch (error) {
      // Another request created it first: use theirs.
      if (isAppError(error) && error.code === 'BLG_PERSON_KEY_EXISTS') {
        return this.personKeys.get(staffId);
      }
      throw error;
    }
  }

  private async openSecret(staffId: string, sealed: string): Promise<string> {
    return openText(sealed, await this.personKeys.get(staffId), secondFactorSealContext(staffId));
  }

  /** Staff events go to the system chain: an account may belong to several organisations. */
  private async audit<T extends AuditEventType>(
    actor: string,
    type: T,
    details: AuditEventDetails<T>,
  ): Promise<void> {
    await recordAuditEvent(this.db, { organisationId: null, type, actor, details });
  }
}

function isLocked(account: StaffAccount, now: Date): boolean {
  return account.locked_until !== null && new Date(account.locked_until) > now;
}

/** The next step of a session that has proven only the password. */
function pendingStage(passwordMustChange: boolean, factorConfirmed: boolean): SessionStage {
  if (factorConfirmed) return 'second-factor';
  return passwordMustChange ? 'enrol-password' : 'enrol-totp';
}
