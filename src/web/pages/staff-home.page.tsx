import type { StaffRole } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { StaffProfile } from '../../modules/accounts/staff-auth.service.ts';
import { csrfFieldName } from '../middleware/csrf.ts';
import { StaffAlert } from './staff-form.tsx';

const roleNames: Record<StaffRole, MessageKey> = {
  navigator: 'staff.roleNavigator',
  caseworker: 'staff.roleCaseworker',
  supervisor: 'staff.roleSupervisor',
  'fund-admin': 'staff.roleFundAdmin',
  organiser: 'staff.roleOrganiser',
  admin: 'staff.roleAdmin',
};

/** A role as a person reads it, in their language. */
export function roleName(t: Translator, role: StaffRole): string {
  return t.t(roleNames[role]);
}

/** A button that posts to `action`: signing out changes state, so it is never a link. */
function PostButton(props: {
  action: string;
  csrfToken: string;
  label: string;
  outline?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="staff-inline-form">
      <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
      <button type="submit" class={props.outline ? 'usa-button usa-button--outline' : 'usa-button'}>
        {props.label}
      </button>
    </form>
  );
}

/**
 * `/staff`: who is signed in, in which organisations, with which role, and
 * the way into the console: queue, clinic, processing times.
 */
export function StaffHomePage(props: {
  t: Translator;
  profile: StaffProfile;
  csrfToken: string;
  signOutAction: string;
  signOutEverywhereHref: string;
  changePasswordHref: string;
  /** Said once, after a change: the password was changed. */
  notice?: string | undefined;
}) {
  const { t, profile } = props;
  return (
    <>
      <h1>{t.t('staff.homeTitle')}</h1>
      {props.notice ? <StaffAlert kind="success" message={props.notice} /> : null}
      <p>{t.t('staff.homeSignedInAs', { name: profile.displayName, email: profile.email })}</p>
      <ul class="usa-list">
        <li>
          <a href={localePath(t.locale, '/staff/queue')}>{t.t('casework.queueTitle')}</a>
        </li>
        <li>
          <a href={localePath(t.locale, '/staff/clinic')}>{t.t('casework.clinicTitle')}</a>
        </li>
        <li>
          <a href={localePath(t.locale, '/staff/processing-times')}>{t.t('impact.title')}</a>
        </li>
      </ul>
      <h2>{t.t('staff.homeMemberships')}</h2>
      {profile.memberships.length === 0 ? (
        <p>{t.t('staff.homeNoMemberships')}</p>
      ) : (
        <table class="usa-table">
          <thead>
            <tr>
              <th scope="col">{t.t('staff.organisation')}</th>
              <th scope="col">{t.t('staff.role')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.memberships.map((membership) => (
              <tr>
                <td>{membership.organisationName}</td>
                <td>{roleName(t, membership.role)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t.t('staff.homeConsoleLater')}</p>
      <PostButton
        action={props.signOutAction}
        csrfToken={props.csrfToken}
        label={t.t('staff.signOut')}
      />
      <ul class="usa-list">
        <li>
          <a href={props.changePasswordHref}>{t.t('staff.changePasswordTitle')}</a>
        </li>
        <li>
          <a href={localePath(t.locale, '/staff/passkeys')}>{t.t('passkeys.homeLink')}</a>
        </li>
        <li>
          <a href={props.signOutEverywhereHref}>{t.t('staff.signOutEverywhere')}</a>
        </li>
      </ul>
    </>
  );
}

/** `/staff/sign-out` and `/staff/sign-out-everywhere`: a page that asks, and a button that does it. */
export function SignOutPage(props: {
  t: Translator;
  everywhere: boolean;
  csrfToken: string;
  action: string;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t(props.everywhere ? 'staff.signOutEverywhereTitle' : 'staff.signOutTitle')}</h1>
      <p>{t.t(props.everywhere ? 'staff.signOutEverywhereLead' : 'staff.signOutLead')}</p>
      <PostButton
        action={props.action}
        csrfToken={props.csrfToken}
        label={t.t(props.everywhere ? 'staff.signOutEverywhere' : 'staff.signOut')}
      />
    </>
  );
}
