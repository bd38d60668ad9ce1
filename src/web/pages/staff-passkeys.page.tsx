import type { Translator } from '../../i18n/translator.ts';
import type { PasskeySummary } from '../../modules/accounts/passkeys.service.ts';
import { scripts } from '../assets.ts';
import { csrfFieldName } from '../middleware/csrf.ts';
import { StaffAlert } from './staff-form.tsx';

/** Staff work in Washington: a passkey's dates are the day there. */
function day(t: Translator, date: Date): string {
  return t.formatDate(date, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'America/Los_Angeles',
  });
}

/** The two scripts a passkey form needs: the WebAuthn library, then our glue. */
function PasskeyScripts() {
  return (
    <>
      <script src={scripts.webauthn.href} defer></script>
      <script src={scripts.staffPasskey.href} defer></script>
    </>
  );
}

interface PasskeyFormProps {
  t: Translator;
  mode: 'register' | 'authenticate';
  action: string;
  csrfToken: string;
  /** The WebAuthn options as JSON, from StaffPasskeysService. */
  options: string;
  label: string;
}

/**
 * A form that asks the browser for a passkey and posts its answer in a
 * `credential` field the script adds. Hidden until
 * src/web/assets/staff-passkey.js finds WebAuthn: without script it could
 * only post nothing.
 */
function PasskeyForm(props: PasskeyFormProps) {
  const { t } = props;
  return (
    <form
      method="post"
      action={props.action}
      hidden
      data-passkey={props.mode}
      data-passkey-options={props.options}
      data-passkey-cancelled={t.t('passkeys.cancelled')}
    >
      <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
      <p class="usa-error-message" data-passkey-status role="status" hidden></p>
      <button type="submit" class="usa-button usa-button--outline">
        {props.label}
      </button>
    </form>
  );
}

/**
 * A heading, the note said until the script hides it, the passkey form
 * and its scripts: the passkey part of the passkeys page and of the
 * second-factor page.
 */
export function PasskeySection(props: PasskeyFormProps & { heading: string }) {
  return (
    <>
      <h2>{props.heading}</h2>
      <p class="usa-hint" data-passkey-unsupported>
        {props.t.t('passkeys.needsScript')}
      </p>
      <PasskeyForm {...props} />
      <PasskeyScripts />
    </>
  );
}

/** `/staff/passkeys`: the staff member's passkeys, adding one, removing one. */
export function StaffPasskeysPage(props: {
  t: Translator;
  passkeys: readonly PasskeySummary[];
  csrfToken: string;
  /** Undefined when this server cannot offer passkeys (no public origin set in production). */
  registration?: { action: string; options: string } | undefined;
  removeAction: string;
  homeHref: string;
  notice?: string | undefined;
  failure?: string | undefined;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('passkeys.title')}</h1>
      {props.notice ? <StaffAlert kind="success" message={props.notice} /> : null}
      {props.failure ? <StaffAlert message={props.failure} /> : null}
      <p>{t.t('passkeys.lead')}</p>
      {props.passkeys.length === 0 ? (
        <p>{t.t('passkeys.none')}</p>
      ) : (
        <table class="usa-table">
          <caption>{t.t('passkeys.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('passkeys.addedColumn')}</th>
              <th scope="col">{t.t('passkeys.lastUsedColumn')}</th>
              <th scope="col">{t.t('passkeys.actionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {props.passkeys.map((passkey) => (
              <tr>
                <td>{day(t, passkey.createdAt)}</td>
                <td>
                  {passkey.lastUsedAt ? day(t, passkey.lastUsedAt) : t.t('passkeys.neverUsed')}
                </td>
                <td>
                  <form method="post" action={props.removeAction} class="staff-inline-form">
                    <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
                    <input type="hidden" name="credential" value={passkey.credentialId} />
                    <button type="submit" class="usa-button usa-button--unstyled">
                      {t.t('passkeys.remove', { date: day(t, passkey.createdAt) })}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.registration ? (
        <PasskeySection
          t={t}
          heading={t.t('passkeys.addHeading')}
          mode="register"
          action={props.registration.action}
          csrfToken={props.csrfToken}
          options={props.registration.options}
          label={t.t('passkeys.addButton')}
        />
      ) : (
        <p>{t.t('passkeys.notOffered')}</p>
      )}
      <p>
        <a href={props.homeHref}>{t.t('passkeys.backToStaff')}</a>
      </p>
    </>
  );
}
