import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { decodeCBOR } from '@levischuck/tiny-cbor';
import { rejectsWith } from '../../../test/support/app-errors.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testPrivacy } from '../../../test/support/services.ts';
import { SoftwareAuthenticator } from '../../../test/support/software-authenticator.ts';
import type { PrivacyRuntime } from '../../privacy/privacy-runtime.ts';
import { openText } from '../../privacy/sealing.ts';
import { AccountsService } from './accounts.service.ts';
import { passkeySealContext } from './passkeys.repository.ts';
import { type RelyingParty, StaffPasskeysService } from './passkeys.service.ts';
import { StaffAuthService } from './staff-auth.service.ts';
import { staffLockoutPolicy, staffPasskeyPolicy } from './staff-auth-policy.ts';
import { totpCodeAt } from './totp.ts';

const rp: RelyingParty = { id: 'belong.example.org', origin: 'https://belong.example.org' };
const goodPassword = 'correct horse battery staple';

describeEachEngine(
  'staff passkeys',
  (database, _engine, keyStore) => {
    let now = new Date('2026-11-25T10:00:00.000Z');
    let auth: StaffAuthService;
    let passkeys: StaffPasskeysService;
    let privacy: PrivacyRuntime;
    let organisationId: string;
    const db = () => database().db;
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };

    before(async () => {
      privacy = testPrivacy(keyStore());
      auth = new StaffAuthService({ db: db(), personKeys: privacy.personKeys, now: () => now });
      passkeys = new StaffPasskeysService({
        db: db(),
        personKeys: privacy.personKeys,
        auth,
        now: () => now,
      });
      const organisation = await new AccountsService(db()).createOrganisation(
        `org-${randomUUID().slice(0, 8)}`,
        'Test Coalition Member',
      );
      organisationId = organisation.id;
    });

    /** A staff member through first sign-in (own password, TOTP), signed in. */
    async function signedIn() {
      const email = `staff-${randomUUID().slice(0, 8)}@example.org`;
      const created = await new AccountsService(db()).createStaffWithOneTimePassword({
        email,
        displayName: 'Test Caseworker',
        organisationId,
        role: 'caseworker',
      });
      const first = await auth.signIn(email, created.oneTimePassword);
      await auth.changeOneTimePassword(first.token, goodPassword);
      const { secret } = await auth.beginTotpEnrolment(first.token);
      const signed = await auth.confirmTotpEnrolment(first.token, totpCodeAt(secret, now));
      advance(30_000);
      return { staffId: created.staffId, email, secret, token: signed.token };
    }

    /** A signed-in staff member with one passkey added. */
    async function withPasskey(options: { counts?: boolean } = {}) {
      const staff = await signedIn();
      const device = new SoftwareAuthenticator({ origin: rp.origin, ...options });
      const creation = await passkeys.registrationOptions(staff.token, rp);
      await passkeys.register(staff.token, rp, JSON.stringify(device.register(creation)));
      return { ...staff, device };
    }

    /** Password only: the session waits for its second factor. */
    async function halfSignedIn(email: string) {
      const { token, stage } = await auth.signIn(email, goodPassword);
      assert.equal(stage, 'second-factor');
      return token;
    }

    async function eventTypes(actor: string) {
      const rows = await db()
        .selectFrom('audit_events')
        .select(['event_type', 'details'])
        .where('actor', '=', actor)
        .orderBy('sequence')
        .execute();
      return rows.map((row) => `${row.event_type}:${JSON.stringify(row.details)}`);
    }

    it('adds a passkey, then signs in with it instead of a code', async () => {
      const staff = await withPasskey();
      const listed = await passkeys.list(staff.staffId);
      assert.deepEqual(
        listed.map((passkey) => passkey.credentialId),
        [staff.device.id],
      );
      assert.equal(listed[0]?.lastUsedAt, null);

      const token = await halfSignedIn(staff.email);
      const request = await passkeys.authenticationOptions(token, rp);
      assert.ok(request);
      assert.deepEqual(
        request.allowCredentials?.map((credential) => credential.id),
        [staff.device.id],
      );
      const signed = await passkeys.authenticate(
        token,
        rp,
        JSON.stringify(staff.device.authenticate(request)),
      );
      assert.notEqual(signed.token, token, 'the session id changes with what it proves');
      assert.equal((await auth.session(signed.token))?.stage, 'complete');
      assert.equal(await auth.session(token), undefined);
      assert.ok((await passkeys.list(staff.staffId))[0]?.lastUsedAt);

      const audit = await eventTypes(staff.staffId);
      assert.ok(audit.includes('staff.second_factor_enrolled:{"kind":"passkey"}'));
      assert.ok(
        audit.includes('staff.signed_in:{"method":"password","secondFactor":"passkey"}'),
        audit.join('\n'),
      );
    });

    it("seals the public key under the staff member's data key", async () => {
      const staff = await withPasskey();
      const row = await db()
        .selectFrom('staff_passkeys')
        .select(['public_key', 'staff_id'])
        .where('credential_id', '=', staff.device.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.staff_id, staff.staffId);
      const opened = openText(
        row.public_key,
        await privacy.personKeys.get(staff.staffId),
        passkeySealContext(staff.device.id),
      );
      const cose = decodeCBOR(new Uint8Array(Buffer.from(opened, 'base64url')));
      assert.ok(cose instanceof Map);
      assert.equal(cose.get(3), -7, 'an ES256 COSE key once opened');
      assert.ok(!row.public_key.includes(opened), 'stored sealed, not as it is');
      await assert.rejects(async () =>
        openText(
          row.public_key,
          await privacy.personKeys.get(staff.staffId),
          passkeySealContext('other'),
        ),
      );
    });

    it('offers no passkey step to a staff member who has none', async () => {
      const staff = await signedIn();
      const token = await halfSignedIn(staff.email);
      assert.equal(await passkeys.authenticationOptions(token, rp), undefined);
      assert.deepEqual(await passkeys.list(staff.staffId), []);
    });

    it('refuses an assertion made for another origin (phishing) and counts it', async () => {
      const staff = await withPasskey();
      const token = await halfSignedIn(staff.email);
      const request = await passkeys.authenticationOptions(token, rp);
      assert.ok(request);
      const phished = new SoftwareAuthenticator({ origin: 'https://belong.example.org.evil.test' });
      // The same key material is not needed: the origin check fails first.
      await assert.rejects(
        passkeys.authenticate(token, rp, JSON.stringify(phished.authenticate(request))),
        rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
      );
      const audit = await eventTypes(staff.staffId);
      assert.ok(audit.some((line) => line.includes('"reason":"wrong_passkey"')));
      assert.equal((await auth.session(token))?.stage, 'second-factor');
    });

    it('spends a challenge once: a replayed assertion is refused', async () => {
      const staff = await withPasskey();
      const token = await halfSignedIn(staff.email);
      const request = await passkeys.authenticationOptions(token, rp);
      assert.ok(request);
      const answer = JSON.stringify(staff.device.authenticate(request));
      const signed = await passkeys.authenticate(token, rp, answer);

      const again = await halfSignedIn(staff.email);
      await passkeys.authenticationOptions(again, rp);
      await assert.rejects(
        passkeys.authenticate(again, rp, answer),
        rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
      );
      assert.equal((await auth.session(signed.token))?.stage, 'complete');
    });

    it('refuses a challenge older than the ceremony timeout', async () => {
      const staff = await withPasskey();
      const token = await halfSignedIn(staff.email);
      const request = await passkeys.authenticationOptions(token, rp);
      assert.ok(request);
      advance(staffPasskeyPolicy.timeoutMs + 1_000);
      // Keep the session itself alive: only the challenge is stale.
      await assert.rejects(
        passkeys.authenticate(token, rp, JSON.stringify(staff.device.authenticate(request))),
        rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
      );
    });

    it('refuses a counter that went backwards (a cloned key)', async () => {
      const staff = await withPasskey({ counts: true });
      const first = await halfSignedIn(staff.email);
      const request = await passkeys.authenticationOptions(first, rp);
      assert.ok(request);
      await passkeys.authenticate(first, rp, JSON.stringify(staff.device.authenticate(request)));

      staff.device.rewindCounter();
      const second = await halfSignedIn(staff.email);
      const again = await passkeys.authenticationOptions(second, rp);
      assert.ok(again);
      await assert.rejects(
        passkeys.authenticate(second, rp, JSON.stringify(staff.device.authenticate(again))),
        rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
      );
    });

    it("accepts only the staff member's own passkeys", async () => {
      const owner = await withPasskey();
      const other = await signedIn();
      const token = await halfSignedIn(other.email);
      // The other account has no passkey: a forged request with the owner's credential.
      const request = {
        challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
        rpId: rp.id,
        allowCredentials: [],
      };
      await assert.rejects(
        passkeys.authenticate(token, rp, JSON.stringify(owner.device.authenticate(request))),
        rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
      );
    });

    it('locks the account after repeated bad passkey responses, as with codes', async () => {
      const staff = await withPasskey();
      const token = await halfSignedIn(staff.email);
      for (let attempt = 0; attempt < staffLockoutPolicy.maxFailures; attempt++) {
        await assert.rejects(passkeys.authenticate(token, rp, '{"not":"a credential"}'));
      }
      assert.equal(await auth.session(token), undefined, 'the lockout ended the session');
      await assert.rejects(
        auth.signIn(staff.email, goodPassword),
        rejectsWith('BLG_STAFF_SIGN_IN_FAILED'),
      );
    });

    it('refuses malformed responses with a code, never a parser error', async () => {
      const staff = await signedIn();
      await passkeys.registrationOptions(staff.token, rp);
      for (const posted of ['', 'null', '[]', '{', '{"id":"x"}', 'x'.repeat(100_000)]) {
        await assert.rejects(
          passkeys.register(staff.token, rp, posted),
          rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
        );
      }
    });

    it('registers only for a fully signed-in session, and never the same device twice', async () => {
      const staff = await withPasskey();
      const half = await halfSignedIn(staff.email);
      await assert.rejects(
        passkeys.registrationOptions(half, rp),
        rejectsWith('BLG_STAFF_SIGN_IN_REQUIRED'),
      );
      const creation = await passkeys.registrationOptions(staff.token, rp);
      assert.deepEqual(
        creation.excludeCredentials?.map((credential) => credential.id),
        [staff.device.id],
      );
      await assert.rejects(
        passkeys.register(staff.token, rp, JSON.stringify(staff.device.register(creation))),
        rejectsWith('BLG_STAFF_PASSKEY_INVALID'),
      );
    });

    it('removes a passkey (audited); another account cannot remove it', async () => {
      const staff = await withPasskey();
      const other = await signedIn();
      await assert.rejects(
        passkeys.remove(other.token, staff.device.id),
        rejectsWith('BLG_NOT_FOUND'),
      );
      await passkeys.remove(staff.token, staff.device.id);
      assert.deepEqual(await passkeys.list(staff.staffId), []);
      assert.ok(
        (await eventTypes(staff.staffId)).includes(
          'staff.second_factor_removed:{"kind":"passkey"}',
        ),
      );
    });

    it('an administrator reset removes passkeys with the other factor', async () => {
      const staff = await withPasskey();
      await auth.resetAccount(staff.email);
      assert.deepEqual(await passkeys.list(staff.staffId), []);
    });
  },
  { keyStore: true },
);
