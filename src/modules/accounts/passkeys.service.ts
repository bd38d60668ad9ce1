import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAuditEvent } from '../../audit/audit.service.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { PersonKeysService } from '../../privacy/person-keys.service.ts';
import { openText, seal } from '../../privacy/sealing.ts';
import { PasskeysRepository, passkeySealContext } from './passkeys.repository.ts';
import { StaffRepository } from './staff.repository.ts';
import type { StaffAuthService } from './staff-auth.service.ts';
import { staffPasskeyPolicy } from './staff-auth-policy.ts';
import { hashSessionToken, StaffSessionsRepository } from './staff-sessions.repository.ts';

/**
 * Who the passkeys are for: the site's origin and its host name (the
 * WebAuthn "relying party id"). A passkey made for one origin signs for no
 * other, which is what makes it phishing-resistant.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

/** A passkey as its owner sees it in the list: no key material. */
export interface PasskeySummary {
  credentialId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/);
/** WebAuthn Level 3 §5.1: a credential id is at most 1023 bytes (1364 base64url characters). */
const credentialId = base64url.min(16).max(1364);
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
/** A response posted from our page is a few kilobytes; anything far bigger was not sent by it. */
const maxResponseLength = 16_384;

const registrationResponse = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url.max(maxResponseLength),
    attestationObject: base64url.max(maxResponseLength),
    transports: z.array(transport).max(8).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

const authenticationResponse = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url.max(maxResponseLength),
    authenticatorData: base64url.max(maxResponseLength),
    signature: base64url.max(maxResponseLength),
    userHandle: base64url.max(maxResponseLength).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

/** The posted response, or BLG_STAFF_PASSKEY_INVALID: never a parser's message. */
function parseResponse<T>(schema: z.ZodType<T>, posted: string): T {
  if (posted.length === 0 || posted.length > maxResponseLength * 4) {
    throw new AppError('BLG_STAFF_PASSKEY_INVALID');
  }
  let json: unknown;
  try {
    json = JSON.parse(posted);
  } catch (error) {
    throw new AppError('BLG_STAFF_PASSKEY_INVALID', { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError('BLG_STAFF_PASSKEY_INVALID');
  return parsed.data;
}

export interface StaffPasskeysOptions {
  db: Kysely<Database>;
  personKeys: PersonKeysService;
  auth: StaffAuthService;
  now?: () => Date;
}

/**
 * Passkeys (WebAuthn) as a second factor for staff, beside TOTP (issue 6,
 * item 1; decision 0032). A signed-in staff member adds passkeys on
 * /staff/passkeys; at sign-in, after the password, a passkey proves the
 * second factor instead of a code. The ceremonies' cryptography is
 * @simplewebauthn/server's; this service keeps the challenge on the session
 * that asked for it (single-use, five minutes), seals each public key under
 * the staff member's data key and audits every change.
 */
export class StaffPasskeysService {
  private readonly db: Kysely<Database>;
  private readonly keys: PersonKeysService;
  private readonly auth: StaffAuthService;
  private readonly now: () => Date;

  constructor(options: StaffPasskeysOptions) {
    this.db = options.db;
    this.keys = options.personKeys;
    this.auth = options.auth;
    this.now = options.now ?? (() => new Date());
  }

  async list(staffId: string): Promise<PasskeySummary[]> {
    const passkeys = await new PasskeysRepository(this.db).listOf(staffId);
    return passkeys.map(({ credentialId, createdAt, lastUsedAt }) => ({
      credentialId,
      createdAt,
      lastUsedAt,
    }));
  }

  // ------------------------------------------------------------ registration

  /** Options for navigator.credentials.create(), for a signed-in session. */
  async registrationOptions(
    token: string,
    rp: RelyingParty,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const state = await this.auth.requireStage(token, 'complete');
    const account = await new StaffRepository(this.db).findById(state.staffId);
    if (!account) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
    const existing = await new PasskeysRepository(this.db).listOf(state.staffId);
    const options = await generateRegistrationOptions({
      rpName: staffPasskeyPolicy.rpName,
      rpID: rp.id,
      userName: account.email,
      userDisplayName: account.display_name,
      // The account id, not the email: it is stored on the device.
      userID: new TextEncoder().encode(state.staffId),
      timeout: staffPasskeyPolicy.timeoutMs,
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({
        id: passkey.credentialId,
        transports: passkey.transports,
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await new StaffSessionsRepository(this.db).setPasskeyChallenge(
      hashSessionToken(token),
      options.challenge,
      this.now(),
    );
    return options;
  }

  /** Checks the new credential against the session's challenge and keeps it. */
  async register(token: string, rp: RelyingParty, posted: string): Promise<PasskeySummary> {
    const state = await this.auth.requireStage(token, 'complete');
    const response: RegistrationResponseJSON = parseResponse(registrationResponse, posted);
    const challenge = await this.spendChallenge(token);
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      });
    } catch (error) {
      throw new AppError('BLG_STAFF_PASSKEY_INVALID', { cause: error });
    }
    if (!verification.verified) throw new AppError('BLG_STAFF_PASSKEY_INVALID');
    const { credential } = verification.registrationInfo;
    const key = await this.keys.get(state.staffId);
    const now = this.now();
    const added = await this.db.transaction().execute(async (trx) => {
      const stored = await new PasskeysRepository(trx).add({
        credentialId: credential.id,
        staffId: state.staffId,
        sealedPublicKey: seal(
          Buffer.from(credential.publicKey).toString('base64url'),
          key,
          passkeySealContext(credential.id),
        ),
        signCount: credential.counter,
        transports: (credential.transports ?? []).filter(
          (name) => transport.safeParse(name).success,
        ),
        createdAt: now,
      });
      if (stored) {
        await recordAuditEvent(trx, {
          organisationId: null,
          type: 'staff.second_factor_enrolled',
          actor: state.staffId,
          details: { kind: 'passkey' },
        });
      }
      return stored;
    });
    // The same authenticator registered twice: excludeCredentials should have stopped it.
    if (!added) throw new AppError('BLG_STAFF_PASSKEY_INVALID');
    return { credentialId: credential.id, createdAt: now, lastUsedAt: null };
  }

  /**
   * Removes one of the staff member's passkeys. TOTP stays, so removing the
   * last passkey never leaves an account without a second factor.
   */
  async remove(token: string, credential: string): Promise<void> {
    const state = await this.auth.requireStage(token, 'complete');
    if (!credentialId.safeParse(credential).success) throw new AppError('BLG_NOT_FOUND');
    await this.db.transaction().execute(async (trx) => {
      const removed = await new PasskeysRepository(trx).delete(state.staffId, credential);
      if (removed === 0) throw new AppError('BLG_NOT_FOUND');
      await recordAuditEvent(trx, {
        organisationId: null,
        type: 'staff.second_factor_removed',
        actor: state.staffId,
        details: { kind: 'passkey' },
      });
    });
  }

  // ------------------------------------------------------------ authentication

  /**
   * Options for navigator.credentials.get(), for a session that has proven
   * the password; undefined when the staff member has no passkey.
   */
  async authenticationOptions(
    token: string,
    rp: RelyingParty,
  ): Promise<PublicKeyCredentialRequestOptionsJSON | undefined> {
    const state = await this.auth.requireStage(token, 'second-factor');
    const passkeys = await new PasskeysRepository(this.db).listOf(state.staffId);
    if (passkeys.length === 0) return undefined;
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      timeout: staffPasskeyPolicy.timeoutMs,
      allowCredentials: passkeys.map((passkey) => ({
        id: passkey.credentialId,
        transports: passkey.transports,
      })),
      userVerification: 'preferred',
    });
    await new StaffSessionsRepository(this.db).setPasskeyChallenge(
      hashSessionToken(token),
      options.challenge,
      this.now(),
    );
    return options;
  }

  /**
   * Proves the second factor with a passkey. A response that does not
   * verify counts towards the account's lockout like a wrong code; on
   * success the session gets a new id (returned) and counts as signed in.
   */
  async authenticate(token: string, rp: RelyingParty, posted: string): Promise<{ token: string }> {
    const state = await this.auth.requireStage(token, 'second-factor');
    await this.auth.refuseLockedOrDisabled(token, state.staffId);
    const refuse = async (cause?: unknown): Promise<never> => {
      await this.auth.registerFailure(state.staffId, 'second_factor', 'wrong_passkey');
      throw new AppError('BLG_STAFF_PASSKEY_INVALID', { cause });
    };
    let response: AuthenticationResponseJSON;
    try {
      response = parseResponse(authenticationResponse, posted);
    } catch (error) {
      return refuse(error);
    }
    const passkeys = new PasskeysRepository(this.db);
    const passkey = await passkeys.findOf(state.staffId, response.id);
    if (!passkey) return refuse();
    const challenge = await this.spendChallenge(token).catch(refuse);
    const publicKey = Buffer.from(
      openText(
        passkey.sealedPublicKey,
        await this.keys.get(state.staffId),
        passkeySealContext(passkey.credentialId),
      ),
      'base64url',
    );
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(publicKey),
          counter: passkey.signCount,
          transports: passkey.transports,
        },
        requireUserVerification: false,
      });
    } catch (error) {
      // A bad signature, another origin, or a counter that went backwards (a cloned key).
      return refuse(error);
    }
    const now = this.now();
    const { newCounter } = verification.authenticationInfo;
    if (
      !verification.verified ||
      !(await passkeys.recordUse(passkey.credentialId, passkey.signCount, newCounter, now))
    ) {
      return refuse();
    }
    return this.auth.completeSignIn(token, state.staffId, now, 'passkey');
  }

  // ------------------------------------------------------------ helpers

  /**
   * The session's challenge, spent before the response is checked against
   * it: it must exist and be younger than the ceremony's timeout, and it
   * serves one response only, whether that verifies or not.
   */
  private async spendChallenge(token: string): Promise<string> {
    const idHash = hashSessionToken(token);
    const sessions = new StaffSessionsRepository(this.db);
    const pending = await sessions.passkeyChallenge(idHash);
    if (!pending) throw new AppError('BLG_STAFF_PASSKEY_INVALID');
    const fresh = this.now().getTime() - pending.issuedAt.getTime() <= staffPasskeyPolicy.timeoutMs;
    const spent = await sessions.consumePasskeyChallenge(idHash, pending.challenge);
    if (!spent || !fresh) throw new AppError('BLG_STAFF_PASSKEY_INVALID');
    return pending.challenge;
  }
}
