import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A file the site serves as it is, at an address that changes when it does. */
export interface StaticAsset {
  /** Fingerprinted path: a new body gets a new address, so it can be cached forever. */
  href: string;
  body: string;
  contentType: string;
}

function fingerprinted(name: string, extension: string, body: string, contentType: string) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { href: `/assets/${name}.${hash}.${extension}`, body, contentType };
}

function readAsset(file: URL): string {
  return readFileSync(file, 'utf8');
}

export function loadStylesheet(): StaticAsset {
  return fingerprinted(
    'site',
    'css',
    readAsset(new URL('./assets/site.css', import.meta.url)),
    'text/css; charset=utf-8',
  );
}

function script(name: string, file: URL): StaticAsset {
  return fingerprinted(name, 'js', readAsset(file), 'text/javascript; charset=utf-8');
}

/**
 * The few scripts Belong has, each an enhancement a page works without:
 * reading civics questions aloud, and passkeys for staff (which need the
 * browser's WebAuthn API, so they cannot work without script; the
 * authenticator-app code always can). Read once at start.
 */
export const scripts = {
  civicsListen: script('civics-listen', new URL('./assets/civics-listen.js', import.meta.url)),
  /** @simplewebauthn/browser's own build, served from here: no third-party origin. */
  webauthn: script(
    'simplewebauthn-browser',
    // The package exports only its modules; the bundle sits beside them.
    new URL('../dist/bundle/index.umd.min.js', import.meta.resolve('@simplewebauthn/browser')),
  ),
  staffPasskey: script('staff-passkey', new URL('./assets/staff-passkey.js', import.meta.url)),
} as const;
