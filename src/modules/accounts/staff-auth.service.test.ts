import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { rejectsWith } from '../../../test/support/app-errors.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testPrivacy } from '../../../test/support/services.ts';
import { isAppError } from '../../errors.ts';
import type { PrivacyRuntime } from '../../privacy/privacy-runtime.ts';
import { AccountsService } from './accounts.service.ts';
import { StaffAuthService } from './staff-auth.service.ts';
import { staffLockoutPolicy, staffSessionPolicy } from './staff-auth-policy.ts';
import { totpCodeAt } from './totp.ts';

const minute = 60_000;
const goodPassword = 'correct horse battery staple';

describeEachEngine(
  'staff sign-in',
  (database, _engine, keyStore) => {
    let now = new Date('2026-11-25T10:00:00.000Z');
    let auth: StaffAuthService;
    let privacy: PrivacyRuntime;
    let organisationId: string;
    const db = () => database().db;
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };

    before(async () => {
      privacy = testPrivacy(keyStore());
      auth = new StaffAuthService({ db: db(), personKeys: privacy.personKeys, now: () => now });
      const organisation = await new AccountsService(db()).createOrganisation(
        `org-${randomUUID().slice(0, 8)}`,
        'Test Coalition Member',
      );
      organisationId = organisation.id;
    });

    async function newStaff() {
      const email = `staff-${randomUUID().slice(0, 8)}@example.org`;
      const created = await new AccountsService(db()).createStaffWithOneTimePassword({
        email,
        displayName: 'Test Caseworker',
        organisationId,
        role: 'caseworker',
      });
      return { ...created, email };
    }

    /** A staff member through first sign-in: own password, TOTP set up; returns the secret. */
    async function enrolled() {
      const staff = await newStaff();
      const first = await auth.signIn(staff.email, staff.oneTimePassword);
      assert.equal(first.stage, 'enrol-password');
      await auth.changeOneTimePassword(first.token, goodPassword);
      const { secret } = await auth.beginTotpEnrolment(first.token);
      const signed = await auth.confirmTotpEnrolment(first.token, totpCodeAt(secret, now));
      advance(staffTotpStep);
      return { ...staff, secret, token: signed.token };
    }
    const staffTotpStep = 30_000;

    async function events(actor: string, type?: string) {
      let query = db()
        .selectFrom('audit_events')
        .select(['event_type', 'details', 'organisation_id', 'subject'])
        .where('actor', '=', actor);
      if (type) query = query.where('event_type', '=', type);
      return query.orderBy('sequence').execute();
    }

    it('walks first sign-in: one-time password, own password, TOTP, then a full session', async () => {
      const staff = await newStaff();
      const first = await auth.signIn(staff.email, staff.oneTimePassword);
      assert.equal(first.stage, 'enrol-password');
      assert.equal((await auth.session(first.token))?.stage, 'enrol-password');
      // A half-signed-in session cannot skip ahead.
      await assert.rejects(
        auth.beginTotpEnrolment(first.token),
        rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
      );

      await assert.rejects(
        auth.changeOneTimePassword(first.token, 'password1'),
        rejectsWith('BLG_STAFF_PASSWORD_REJECTED'),
      );
      await auth.changeOneTimePassword(first.token, goodPassword);
      assert.equal((await auth.session(first.token))?.stage, 'enrol-totp');

      const shown = await auth.beginTotpEnrolment(first.token);
      assert.match(shown.uri, /^otpauth:\/\/totp\/Belong:/);
      assert.match(shown.uri, /algorithm=SHA1&digits=6&period=30/);
      // Reloading the page shows the same secret the app may already have scanned.
      assert.equal((await auth.beginTotpEnrolment(first.token)).secret, shown.secret);

      const stored = await db()
        .selectFrom('staff_second_factors')
        .selectAll()
        .where('staff_id', '=', staff.staffId)
        .executeTakeFirstOrThrow();
      assert.match(stored.secret, /^v1\./, 'sealed');
      assert.ok(!stored.secret.includes(shown.secret), 'never in the clear');

      await assert.rejects(
        auth.confirmTotpEnrolment(first.token, '000000'),
        rejectsWith('BLG_STAFF_CODE_INVALID'),
      );
      const signed = await auth.confirmTotpEnrolment(first.token, totpCodeAt(shown.secret, now));
      assert.notEqual(signed.token, first.token, 'a new session id once signed in');
      assert.equal(await auth.session(first.token), undefined, 'the old id opens nothing');
      assert.deepEqual(await auth.session(signed.token), {
        staffId: staff.staffId,
        stage: 'complete',
      });
      assert.deepEqual(await auth.identity(staff.staffId), {
        staffId: staff.staffId,
        memberships: [{ organisationId, role: 'caseworker' }],
      });

      const types = (await events(staff.staffId)).map((event) => event.event_type);
      assert.deepEqual(types, [
        'staff.password_changed',
        'staff.sign_in_failed',
        'staff.second_factor_enrolled',
        'staff.signed_in',
      ]);
      const sessionRow = await db()
        .selectFrom('staff_sessions')
        .selectAll()
        .where('staff_id', '=', staff.staffId)
        .executeTakeFirstOrThrow();
      assert.match(sessionRow.id_hash, /^[0-9a-f]{64}$/);
      assert.notEqual(sessionRow.id_hash, signed.token, 'only the hash is stored');
    });

    it('accepts a code from the step before or after, refuses older ones and replays', async () => {
      const staff = await enrolled();
      advance(staffTotpStep);
      const second = await auth.signIn(staff.email, goodPassword);
      assert.equal(second.stage, 'second-factor');
      await assert.rejects(
        auth.verifySecondFactor(
          second.token,
          totpCodeAt(staff.secret, new Date(now.getTime() - 3 * staffTotpStep)),
        ),
        rejectsWith('BLG_STAFF_CODE_INVALID'),
      );
      const code = totpCodeAt(staff.secret, new Date(now.getTime() - staffTotpStep));
      const signed = await auth.verifySecondFactor(second.token, code);
      assert.equal((await auth.session(signed.token))?.stage, 'complete');

      // The same code again, still within its window, from another sign-in: refused.
      const third = await auth.signIn(staff.email, goodPassword);
      await assert.rejects(
        auth.verifySecondFactor(third.token, code),
        rejectsWith('BLG_STAFF_CODE_INVALID'),
      );
      const failures = await events(staff.staffId, 'staff.sign_in_failed');
      assert.deepEqual(failures.at(-1)?.details, {
        stage: 'second_factor',
        reason: 'replayed_code',
      });
      // The next step's code works.
      advance(staffTotpStep);
      const later = await auth.verifySecondFactor(third.token, totpCodeAt(staff.secret, now));
      assert.equal((await auth.session(later.token))?.stage, 'complete');
    });

    it('ends a session after 30 minutes idle, and audits it', async () => {
      const staff = await enrolled();
      // enrolled() left the clock one step after the session was last seen.
      advance(staffSessionPolicy.idleTimeoutMs - staffTotpStep - 1);
      assert.equal((await auth.session(staff.token))?.stage, 'complete', 'just within');
      advance(staffSessionPolicy.idleTimeoutMs);
      assert.equal(await auth.session(staff.token), undefined);
      const ended = await events(staff.staffId, 'staff.signed_out');
      assert.deepEqual(ended.at(-1)?.details, { reason: 'expired' });
      const left = await db()
        .selectFrom('staff_sessions')
        .select('id_hash')
        .where('staff_id', '=', staff.staffId)
        .execute();
      assert.equal(left.length, 0, 'the expired session is deleted');
    });

    it('ends a session 12 hours after sign-in however active it is', async () => {
      const staff = await enrolled();
      const signInAt = now.getTime() - staffTotpStep;
      while (now.getTime() + 20 * minute < signInAt + staffSessionPolicy.absoluteTimeoutMs) {
        advance(20 * minute);
        assert.equal((await auth.session(staff.token))?.stage, 'complete');
      }
      now = new Date(signInAt + staffSessionPolicy.absoluteTimeoutMs);
      assert.equal(await auth.session(staff.token), undefined);
    });

    it('gives the same refusal for an unknown email and a wrong password, and audits both without the email', async () => {
      const staff = await enrolled();
      const unknown = `nobody-${randomUUID().slice(0, 8)}@example.org`;
      let unknownError: unknown;
      let wrongError: unknown;
      await auth.signIn(unknown, goodPassword).catch((error: unknown) => {
        unknownError = error;
      });
      await auth.signIn(staff.email, 'not the password').catch((error: unknown) => {
        wrongError = error;
      });
      assert.ok(isAppError(unknownError) && isAppError(wrongError));
      assert.equal(unknownError.code, 'BLG_STAFF_SIGN_IN_FAILED');
      assert.equal(wrongError.code, unknownError.code);
      assert.deepEqual(wrongError.details, unknownError.details);
      assert.equal(wrongError.message, unknownError.message);

      const system = await events('system', 'staff.sign_in_failed');
      assert.deepEqual(system.at(-1)?.details, { stage: 'password', reason: 'unknown_account' });
      const own = await events(staff.staffId, 'staff.sign_in_failed');
      assert.deepEqual(own.at(-1)?.details, { stage: 'password', reason: 'wrong_password' });
      const all = JSON.stringify(
        await db().selectFrom('audit_events').select(['actor', 'subject', 'details']).execute(),
      );
      for (const secret of [unknown, staff.email, 'not the password', goodPassword]) {
        assert.ok(!all.includes(secret), 'no email or password in the audit log');
      }
    });

    it('locks an account after ten failures in fifteen minutes, for fifteen minutes', async () => {
      const staff = await enrolled();
      for (let attempt = 1; attempt <= staffLockoutPolicy.maxFailures; attempt++) {
        await assert.rejects(
          auth.signIn(staff.email, `wrong guess ${attempt}`),
          rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
        );
        advance(minute);
      }
      // The right password no longer helps, and says nothing different.
      await assert.rejects(
        auth.signIn(staff.email, goodPassword),
        rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
      );
      const locked = await events(staff.staffId, 'staff.locked_out');
      assert.deepEqual(locked.at(-1)?.details, {
        failures: staffLockoutPolicy.maxFailures,
        minutes: 15,
      });
      assert.equal(await auth.session(staff.token), undefined, 'its sessions ended');
      const failures = await events(staff.staffId, 'staff.sign_in_failed');
      assert.deepEqual(failures.at(-1)?.details, { stage: 'password', reason: 'locked' });

      advance(staffLockoutPolicy.lockMs);
      const again = await auth.signIn(staff.email, goodPassword);
      assert.equal(again.stage, 'second-factor');
    });

    it('starts the count again when failures are more than fifteen minutes apart', async () => {
      const staff = await enrolled();
      for (let attempt = 1; attempt < staffLockoutPolicy.maxFailures; attempt++) {
        await assert.rejects(
          auth.signIn(staff.email, 'wrong'),
          rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
        );
      }
      advance(staffLockoutPolicy.windowMs + 1);
      await assert.rejects(
        auth.signIn(staff.email, 'wrong'),
        rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
      );
      const second = await auth.signIn(staff.email, goodPassword);
      assert.equal(second.stage, 'second-factor', 'not locked');
    });

    it('counts wrong codes towards the lockout, so a known password cannot guess codes', async () => {
      const staff = await enrolled();
      const pending = await auth.signIn(staff.email, goodPassword);
      for (let attempt = 1; attempt < staffLockoutPolicy.maxFailures; attempt++) {
        await assert.rejects(
          auth.verifySecondFactor(pending.token, '000000'),
          rejectsWith('BLG_STAFF_CODE_INVALID'),
        );
      }
      // A fresh password sign-in does not reset the count.
      const again = await auth.signIn(staff.email, goodPassword);
      await assert.rejects(
        auth.verifySecondFactor(again.token, '000000'),
        rejectsWith('BLG_STAFF_CODE_INVALID'),
      );
      assert.equal(await auth.session(again.token), undefined, 'locked: the session ended');
      await assert.rejects(
        auth.signIn(staff.email, goodPassword),
        rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
      );
    });

    it('signs out one session, or every session everywhere', async () => {
      const staff = await enrolled();
      const other = await auth.signIn(staff.email, goodPassword);
      const otherSigned = await auth.verifySecondFactor(other.token, totpCodeAt(staff.secret, now));
      const third = await auth.signIn(staff.email, goodPassword, otherSigned.token);
      assert.equal(
        await auth.session(otherSigned.token),
        undefined,
        'signing in again ends the old one',
      );
      await auth.signOut(third.token);
      assert.equal(await auth.session(third.token), undefined);
      assert.equal((await auth.session(staff.token))?.stage, 'complete');

      advance(staffTotpStep);
      const fourth = await auth.signIn(staff.email, goodPassword);
      const fourthSigned = await auth.verifySecondFactor(
        fourth.token,
        totpCodeAt(staff.secret, now),
      );
      assert.equal(await auth.signOutEverywhere(staff.staffId), 2);
      assert.equal(await auth.session(staff.token), undefined);
      assert.equal(await auth.session(fourthSigned.token), undefined);
      const ended = await events(staff.staffId, 'staff.signed_out');
      assert.deepEqual(ended.at(-1)?.details, { reason: 'everywhere', sessions: 2 });
    });

    it('lets an administrator reset an account: new one-time password, no factor, no session', async () => {
      const staff = await enrolled();
      const reset = await auth.resetAccount(staff.email.toUpperCase());
      assert.equal(reset.staffId, staff.staffId);
      assert.equal(await auth.session(staff.token), undefined);
      await assert.rejects(
        auth.signIn(staff.email, goodPassword),
        rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
      );
      const fresh = await auth.signIn(staff.email, reset.oneTimePassword);
      assert.equal(fresh.stage, 'enrol-password');
      const factors = await db()
        .selectFrom('staff_second_factors')
        .select('staff_id')
        .where('staff_id', '=', staff.staffId)
        .execute();
      assert.equal(factors.length, 0);
      const audited = await db()
        .selectFrom('audit_events')
        .select(['actor', 'subject', 'details'])
        .where('event_type', '=', 'staff.account_reset')
        .where('subject', '=', staff.staffId)
        .executeTakeFirstOrThrow();
      assert.equal(audited.actor, 'system');
      assert.deepEqual(audited.details, { secondFactors: 1, sessions: 1 });
      await assert.rejects(
        auth.resetAccount('nobody@example.org'),
        rejectsWith('BLG_STAFF_NOT_FOUND'),
      );
    });

    it('refuses a disabled account with the same message', async () => {
      const staff = await enrolled();
      await db()
        .updateTable('staff_accounts')
        .set({ disabled_at: now })
        .where('id', '=', staff.staffId)
        .execute();
      assert.equal(await auth.session(staff.token), undefined, 'its session no longer opens');
      await assert.rejects(
        auth.signIn(staff.email, goodPassword),
        rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
      );
    });

    describe('changing one’s own password', () => {
      const chosen = 'seven green lanterns at dusk';

      it('changes it: the old one stops working, other sessions end, this one gets a new id', async () => {
        const staff = await enrolled();
        const pending = await auth.signIn(staff.email, goodPassword);
        const other = await auth.verifySecondFactor(pending.token, totpCodeAt(staff.secret, now));
        const signedInBefore = (await events(staff.staffId, 'staff.signed_in')).length;

        const changed = await auth.changePassword(staff.token, goodPassword, chosen);
        assert.notEqual(changed.token, staff.token, 'a new session id');
        assert.equal(await auth.session(staff.token), undefined, 'the old id opens nothing');
        assert.deepEqual(await auth.session(changed.token), {
          staffId: staff.staffId,
          stage: 'complete',
        });
        assert.equal(await auth.session(other.token), undefined, 'the other session ended');

        const changedAudit = await events(staff.staffId, 'staff.password_changed');
        assert.deepEqual(changedAudit.at(-1)?.details, { reason: 'user' });
        assert.equal(changedAudit.at(-1)?.organisation_id, null);
        assert.equal(
          (await events(staff.staffId, 'staff.signed_in')).length,
          signedInBefore,
          'a change of password is not a sign-in',
        );

        await assert.rejects(
          auth.signIn(staff.email, goodPassword),
          rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
        );
        assert.equal((await auth.signIn(staff.email, chosen)).stage, 'second-factor');
        const all = JSON.stringify(
          await db().selectFrom('audit_events').select(['actor', 'subject', 'details']).execute(),
        );
        assert.ok(!all.includes(chosen), 'no password in the audit log');
      });

      it('refuses a wrong current password and counts it towards the lockout, as sign-in does', async () => {
        const staff = await enrolled();
        for (let attempt = 1; attempt < staffLockoutPolicy.maxFailures; attempt++) {
          await assert.rejects(
            auth.changePassword(staff.token, `wrong guess ${attempt}`, chosen),
            rejectsWith('BLG_STAFF_CURRENT_PASSWORD_WRONG'),
          );
        }
        const failures = await events(staff.staffId, 'staff.sign_in_failed');
        assert.equal(failures.length, staffLockoutPolicy.maxFailures - 1);
        assert.deepEqual(failures.at(-1)?.details, {
          stage: 'password',
          reason: 'wrong_current_password',
        });
        assert.equal((await auth.session(staff.token))?.stage, 'complete', 'not locked yet');
        assert.deepEqual(await events(staff.staffId, 'staff.password_changed'), [
          {
            event_type: 'staff.password_changed',
            details: { reason: 'one_time_password' },
            organisation_id: null,
            subject: null,
          },
        ]);

        // One wrong password at the sign-in page reaches the same limit.
        await assert.rejects(
          auth.signIn(staff.email, 'one more wrong guess'),
          rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
        );
        const locked = await events(staff.staffId, 'staff.locked_out');
        assert.equal(locked.at(-1)?.details.failures, staffLockoutPolicy.maxFailures);
        assert.equal(await auth.session(staff.token), undefined, 'locked: its sessions ended');
        await assert.rejects(
          auth.signIn(staff.email, goodPassword),
          rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
        );
      });

      it('locks the account when the wrong current password is the one that reaches the limit', async () => {
        const staff = await enrolled();
        for (let attempt = 1; attempt <= staffLockoutPolicy.maxFailures; attempt++) {
          await assert.rejects(
            auth.changePassword(staff.token, `wrong guess ${attempt}`, chosen),
            rejectsWith('BLG_STAFF_CURRENT_PASSWORD_WRONG'),
          );
        }
        assert.equal(await auth.session(staff.token), undefined);
        assert.equal((await events(staff.staffId, 'staff.locked_out')).length, 1);
        // The session is gone, so the right current password no longer helps.
        await assert.rejects(
          auth.changePassword(staff.token, goodPassword, chosen),
          rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
        );
      });

      it('refuses a new password the policy refuses, or the current one again, and changes nothing', async () => {
        const staff = await enrolled();
        const pending = await auth.signIn(staff.email, goodPassword);
        const other = await auth.verifySecondFactor(pending.token, totpCodeAt(staff.secret, now));
        const refusals: [string, string][] = [
          ['password1', 'common'],
          ['short', 'too-short'],
          [`belong ${staff.email}`, 'contains-email,contains-service-name'],
          [goodPassword, 'same-as-current'],
          // The same password after NFKC (full-width letters), as verification sees it.
          [goodPassword.replace('c', '\uFF43'), 'same-as-current'],
        ];
        for (const [refused, problems] of refusals) {
          await assert.rejects(auth.changePassword(staff.token, goodPassword, refused), (error) => {
            assert.ok(isAppError(error));
            assert.equal(error.code, 'BLG_STAFF_PASSWORD_REJECTED');
            assert.equal(error.details?.problems, problems);
            return true;
          });
        }
        assert.equal((await auth.session(staff.token))?.stage, 'complete');
        assert.equal((await auth.session(other.token))?.stage, 'complete', 'nothing ended');
        assert.equal((await events(staff.staffId, 'staff.sign_in_failed')).length, 0);
        assert.equal((await events(staff.staffId, 'staff.password_changed')).length, 1);
      });

      it('is refused to a session that is not fully signed in', async () => {
        const staff = await enrolled();
        const pending = await auth.signIn(staff.email, goodPassword);
        assert.equal(pending.stage, 'second-factor');
        await assert.rejects(
          auth.changePassword(pending.token, goodPassword, chosen),
          rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
        );
        const fresh = await newStaff();
        const first = await auth.signIn(fresh.email, fresh.oneTimePassword);
        assert.equal(first.stage, 'enrol-password');
        await assert.rejects(
          auth.changePassword(first.token, fresh.oneTimePassword, chosen),
          rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
        );
        await assert.rejects(
          auth.changePassword('not-a-session', goodPassword, chosen),
          rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
        );
        // Nor does a full session take the one-time-password step.
        await assert.rejects(
          auth.changeOneTimePassword(staff.token, chosen),
          rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
        );
        assert.equal((await events(staff.staffId, 'staff.password_changed')).length, 1);
      });
    });
  },
  { keyStore: true },
);
