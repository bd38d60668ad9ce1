import type { Context } from 'hono';
import type { RelyingParty } from '../modules/accounts/passkeys.service.ts';
import type { AppEnv } from './app-env.ts';

/**
 * The origin passkeys are bound to: BELONG_PUBLIC_ORIGIN when it is set.
 * Outside production the request's own origin serves (the demo on
 * localhost, the tests); in production without the variable there is
 * none, and the staff pages offer only the authenticator app — a Host
 * header is the client's to choose, and a passkey bound to a forged one
 * would be worthless.
 */
export function passkeyRelyingParty(c: Context<AppEnv>): RelyingParty | undefined {
  const config = c.get('config');
  const origin =
    config.publicOrigin ??
    (config.environment === 'production' ? undefined : new URL(c.req.url).origin);
  if (!origin) return undefined;
  return { origin, id: new URL(origin).hostname };
}
