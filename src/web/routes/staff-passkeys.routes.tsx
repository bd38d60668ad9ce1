import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isAppError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { StaffPasskeysService } from '../../modules/accounts/passkeys.service.ts';
import type { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import type { AppEnv } from '../app-env.ts';
import { readForm, single } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import { readStaffToken, requireStaff } from '../middleware/staff-session.ts';
import { StaffPasskeysPage } from '../pages/staff-passkeys.page.tsx';
import { passkeyRelyingParty } from '../passkey-relying-party.ts';
import { renderPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

/**
 * `/staff/passkeys` (issue 6, item 1; decision 0032): a signed-in staff
 * member's passkeys, a way to add one (with JavaScript and a browser that
 * has WebAuthn) and to remove one. Signing in with a passkey is on the
 * second-factor page (staff.routes.tsx).
 */
export function staffPasskeysRoutes(auth: StaffAuthService, passkeys: StaffPasskeysService) {
  const signedIn = requireStaff(auth);
  const path = (c: Context<AppEnv>, to: string) => localePath(c.get('translator').locale, to);

  const passkeysPage = async (
    c: Context<AppEnv>,
    options: { notice?: MessageKey; failure?: MessageKey; status?: ContentfulStatusCode } = {},
  ) => {
    const t = c.get('translator');
    const staff = c.get('staff');
    const token = readStaffToken(c);
    // requireStaff let the request in: both are there.
    if (!staff || !token) throw new TypeError('staffPasskeysRoutes needs requireStaff');
    const rp = passkeyRelyingParty(c);
    const registration = rp
      ? {
          action: path(c, '/staff/passkeys'),
          options: JSON.stringify(await passkeys.registrationOptions(token, rp)),
        }
      : undefined;
    setResponseHeader(c, 'cache-control', 'no-store');
    return renderPage(c, {
      title: t.t('passkeys.title'),
      status: options.status ?? 200,
      body: (
        <StaffPasskeysPage
          t={t}
          passkeys={await passkeys.list(staff.staffId)}
          csrfToken={csrfToken(c)}
          registration={registration}
          removeAction={path(c, '/staff/passkeys/remove')}
          homeHref={path(c, '/staff')}
          notice={options.notice ? t.t(options.notice) : undefined}
          failure={options.failure ? t.t(options.failure) : undefined}
        />
      ),
    });
  };

  return new Hono<AppEnv>()
    .get('/staff/passkeys', signedIn, (c) => {
      const done = c.req.query('done');
      return passkeysPage(c, {
        notice:
          done === 'added'
            ? 'passkeys.addedNotice'
            : done === 'removed'
              ? 'passkeys.removedNotice'
              : undefined,
      });
    })
    .post('/staff/passkeys', signedIn, async (c) => {
      const form = await readForm(c);
      const token = readStaffToken(c) ?? '';
      const rp = passkeyRelyingParty(c);
      if (!rp) return passkeysPage(c, { failure: 'errors.staffPasskeyInvalid', status: 422 });
      try {
        await passkeys.register(token, rp, single(form, 'credential') ?? '');
      } catch (error) {
        if (isAppError(error) && error.code === 'BLG_STAFF_PASSKEY_INVALID') {
          return passkeysPage(c, { failure: 'errors.staffPasskeyInvalid', status: 422 });
        }
        throw error;
      }
      return c.redirect(`${path(c, '/staff/passkeys')}?done=added`, 303);
    })
    .post('/staff/passkeys/remove', signedIn, async (c) => {
      const form = await readForm(c);
      // Not one of theirs, or already gone: BLG_NOT_FOUND, a 404 page.
      await passkeys.remove(readStaffToken(c) ?? '', single(form, 'credential') ?? '');
      return c.redirect(`${path(c, '/staff/passkeys')}?done=removed`, 303);
    });
}
