import { type ErrorCode, errorCatalogue } from '../../errors.ts';

import type { Translator } from '../../i18n/translator.ts';
import { localePath } from '../site.ts';

export function errorTitle(t: Translator, code: ErrorCode): string {
  return t.t(errorCatalogue[code].titleKey);
}

export function errorMessage(t: Translator, code: ErrorCode): string {
  return t.t(errorCatalogue[code].messageKey);
}

/** The page for any error: what happened, what to do, and the codes support needs. */
export function ErrorPage(props: { t: Translator; code: ErrorCode; correlationId?: string }) {
  const { t, code } = props;
  return (
    <>
      <h1>{errorTitle(t, code)}</h1>
      <p class="usa-intro">{errorMessage(t, code)}</p>
      <p class="error-code">{t.t('errors.errorCode', { code })}</p>
      {props.correlationId ? (
        <p class="error-code">
          {t.t('errors.correlationId', { correlationId: props.correlationId })}
        </p>
      ) : null}
      <p>
        <a href={localePath(t.locale, '/')}>{t.t('errors.goHome')}</a>
      </p>
    </>
  );
}
