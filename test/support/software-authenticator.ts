import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { type CBORType, encodeCBOR } from '@levischuck/tiny-cbor';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/*
 * A passkey in software, for tests: it answers WebAuthn options the way a
 * phone or security key does (W3C WebAuthn Level 3 §6.1 authenticator
 * data, §6.5.4 the "none" attestation, COSE ES256 keys per RFC 9053), so
 * the server's checks run on real signatures. The browser journey uses
 * Chromium's own virtual authenticator instead.
 */

const flagUserPresent = 0x01;
const flagUserVerified = 0x04;
const flagAttestedCredential = 0x40;

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}

/** The public key as COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return encodeCBOR(
    new Map<number, CBORType>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]),
  );
}

export interface SoftwareAuthenticatorOptions {
  /** The origin the "browser" is on; a phishing test gives another. */
  origin: string;
  /** Whether the signature counter moves (security keys) or stays 0 (synced passkeys). */
  counts?: boolean;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private counter = 0;
  private readonly origin: string;
  private readonly counts: boolean;

  constructor(options: SoftwareAuthenticatorOptions) {
    this.origin = options.origin;
    this.counts = options.counts ?? true;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** navigator.credentials.create(): a new credential for these options. */
  register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    const clientDataJSON = this.clientData('webauthn.create', options.challenge);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(options.rp.id ?? new URL(this.origin).hostname),
      Buffer.from([flagUserPresent | flagUserVerified | flagAttestedCredential]),
      counterBytes(this.nextCounter()),
      Buffer.alloc(16), // AAGUID: all zeros, as with "none" attestation
      idLength,
      this.credentialId,
      coseKey(this.keys.publicKey),
    ]);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(): a signed assertion for these options. */
  authenticate(options: PublicKeyCredentialRequestOptionsJSON): AuthenticationResponseJSON {
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const authenticatorData = Buffer.concat([
      sha256(options.rpId ?? new URL(this.origin).hostname),
      Buffer.from([flagUserPresent | flagUserVerified]),
      counterBytes(this.nextCounter()),
    ]);
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, sha256(clientDataJSON)]),
      this.keys.privateKey,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
    };
  }

  /** Makes the next assertion carry an older counter, as a cloned key would. */
  rewindCounter(): void {
    this.counter = Math.max(0, this.counter - 2);
  }

  private nextCounter(): number {
    if (this.counts) this.counter += 1;
    return this.counter;
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(
      JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }),
      'utf8',
    );
  }
}
