import type { Translator } from '../../i18n/translator.ts';
import { StaffAlert, type StaffField, StaffForm } from './staff-form.tsx';

/**
 * The new password and its confirmation, as first sign-in and a change of
 * password ask them. `new-password` lets a password manager offer one and
 * save it (WHATWG HTML §4.10.18.7.1); never shown back.
 */
export function newPasswordFields(
  t: Translator,
  minLength: number,
  errors: { password?: readonly string[] | undefined; confirm?: readonly string[] | undefined },
): StaffField[] {
  return [
    {
      name: 'password',
      label: t.t('staff.newPassword'),
      hint: t.t('staff.newPasswordHint', { min: minLength }),
      type: 'password',
      autocomplete: 'new-password',
      errors: errors.password,
    },
    {
      name: 'confirm',
      label: t.t('staff.confirmPassword'),
      type: 'password',
      autocomplete: 'new-password',
      errors: errors.confirm,
    },
  ];
}

/**
 * `/staff/password`: a signed-in staff member changes their own password.
 * The current one is asked first, so a session left open on a shared
 * computer is not enough to take the account.
 */
export function ChangePasswordPage(props: {
  t: Translator;
  action: string;
  csrfToken: string;
  minLength: number;
  currentErrors?: readonly string[] | undefined;
  passwordErrors?: readonly string[] | undefined;
  confirmErrors?: readonly string[] | undefined;
  /** A refusal that belongs to no one field (too many tries). */
  failure?: string | undefined;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('staff.changePasswordTitle')}</h1>
      {props.failure ? <StaffAlert message={props.failure} /> : null}
      <p>{t.t('staff.changePasswordLead')}</p>
      <StaffForm
        t={t}
        action={props.action}
        csrfToken={props.csrfToken}
        submit={t.t('staff.changePasswordButton')}
        fields={[
          {
            name: 'current',
            label: t.t('staff.currentPassword'),
            type: 'password',
            autocomplete: 'current-password',
            errors: props.currentErrors,
          },
          ...newPasswordFields(t, props.minLength, {
            password: props.passwordErrors,
            confirm: props.confirmErrors,
          }),
        ]}
      />
    </>
  );
}
