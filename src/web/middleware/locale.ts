import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { getPath } from 'hono/utils/url';
import { defaultLocale, type Locale } from '../../i18n/locales.ts';
import { preferredLocale, splitLocalePrefix } from '../../i18n/negotiate.ts';
import type { Translations } from '../../i18n/translator.ts';
import type { AppEnv } from '../app-env.ts';
import { appendResponseHeader, setResponseCookie, setResponseHeader } from '../response-headers.ts';
import { isSecureRequest } from './security-headers.ts';

export const languageCookie = 'belong_lang';

/**
 * Picks the language of the response: the URL prefix (`/es/…`) first, which
 * is also remembered in a cookie; then the remembered choice; then the
 * browser's preference; then English. Routes never see the prefix: the app's
 * `getPath` removes it before routing.
 */
export function localeMiddleware(translations: Translations) {
  const served = (candidate: string): candidate is Locale => translations.has(candidate);
  return createMiddleware<AppEnv>((c, next) => {
    const { locale: fromPath } = splitLocalePrefix(getPath(c.req.raw), served);
    const remembered = getCookie(c, languageCookie);
    const fromCookie = remembered && served(remembered) ? remembered : undefined;
    const locale =
      fromPath ??
      fromCookie ??
      preferredLocale(c.req.header('accept-language'), served) ??
      defaultLocale;
    c.set('translator', translations.for(locale));
    if (fromPath && fromPath !== remembered) {
      setResponseCookie(c, languageCookie, fromPath, {
        path: '/',
        maxAge: 365 * 24 * 60 * 60,
        httpOnly: true,
        sameSite: 'Lax',
        secure: isSecureRequest(c),
      });
    }
    setResponseHeader(c, 'content-language', locale);
    if (!fromPath) appendResponseHeader(c, 'vary', 'Cookie, Accept-Language');
    return next();
  });
}
