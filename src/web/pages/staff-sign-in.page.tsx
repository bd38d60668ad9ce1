import type { Translator } from '../../i18n/translator.ts';
import { StaffAlert, StaffForm } from './staff-form.tsx';
import { PasskeySection } from './staff-passkeys.page.tsx';

export interface SignInPageProps {
  t: Translator;
  action: string;
  csrfToken: string;
  email?: string | undefined;
  emailErrors?: readonly string[] | undefined;
  passwordErrors?: readonly string[] | undefined;
  /** A refusal that belongs to no one field (wrong email or password, too many tries). */
  failure?: string | undefined;
  notice?: string | undefined;
}

/** `/staff/sign-in`: a work email and a password, the first of two steps. */
export function SignInPage(props: SignInPageProps) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('staff.signInTitle')}</h1>
      {props.notice ? <StaffAlert kind="success" message={props.notice} /> : null}
      {props.failure ? <StaffAlert message={props.failure} /> : null}
      <p>{t.t('staff.signInLead')}</p>
      <StaffForm
        t={t}
        action={props.action}
        csrfToken={props.csrfToken}
        submit={t.t('staff.signInButton')}
        fields={[
          {
            name: 'email',
            label: t.t('staff.email'),
            type: 'email',
            autocomplete: 'username',
            maxlength: 320,
            value: props.email,
            errors: props.emailErrors,
          },
          {
            name: 'password',
            label: t.t('staff.password'),
            type: 'password',
            autocomplete: 'current-password',
            errors: props.passwordErrors,
          },
        ]}
      />
    </>
  );
}

/**
 * `/staff/second-factor`: the code from the staff member's authenticator
 * app, or, for one who added a passkey, the passkey (with JavaScript).
 */
export function SecondFactorPage(props: {
  t: Translator;
  action: string;
  csrfToken: string;
  codeErrors?: readonly string[] | undefined;
  /** A refused passkey: it belongs to no field. */
  failure?: string | undefined;
  /** The passkey form's address and WebAuthn options (JSON), when there is one to use. */
  passkey?: { action: string; options: string } | undefined;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('staff.secondFactorTitle')}</h1>
      {props.failure ? <StaffAlert message={props.failure} /> : null}
      <p>{t.t('staff.secondFactorLead')}</p>
      <StaffForm
        t={t}
        action={props.action}
        csrfToken={props.csrfToken}
        submit={t.t('staff.continue')}
        fields={[codeField(t, props.codeErrors)]}
      />
      {props.passkey ? (
        <PasskeySection
          t={t}
          heading={t.t('passkeys.useHeading')}
          mode="authenticate"
          action={props.passkey.action}
          csrfToken={props.csrfToken}
          options={props.passkey.options}
          label={t.t('passkeys.useButton')}
        />
      ) : null}
    </>
  );
}

/** The six-digit code field, as the second step and the enrolment check ask it. */
export function codeField(t: Translator, errors: readonly string[] | undefined) {
  return {
    name: 'code',
    label: t.t('staff.code'),
    hint: t.t('staff.codeHint'),
    type: 'text' as const,
    autocomplete: 'one-time-code',
    inputmode: 'numeric' as const,
    maxlength: 9,
    errors,
  };
}
