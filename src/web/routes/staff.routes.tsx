import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppError, isAppError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { StaffPasskeysService } from '../../modules/accounts/passkeys.service.ts';
import type { PasswordProblem } from '../../modules/accounts/password-policy.ts';
import { TokenBucket } from '../../modules/accounts/sign-in-rate-limit.ts';
import type { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import { staffPasswordPolicy } from '../../modules/accounts/staff-auth-policy.ts';
import type { AppEnv } from '../app-env.ts';
import { type FormData, readForm, single } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import {
  clearStaffCookie,
  readStaffToken,
  requireStaff,
  setStaffCookie,
  stagePaths,
} from '../middleware/staff-session.ts';
import { EnrolPasswordPage, EnrolTotpPage } from '../pages/staff-enrol.page.tsx';
import { SignOutPage, StaffHomePage } from '../pages/staff-home.page.tsx';
import { ChangePasswordPage } from '../pages/staff-password.page.tsx';
import { SecondFactorPage, SignInPage } from '../pages/staff-sign-in.page.tsx';
import { passkeyRelyingParty } from '../passkey-relying-party.ts';
import { renderPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

const problemMessages: Record<PasswordProblem, MessageKey> = {
  'too-short': 'staff.problemTooShort',
  'too-long': 'staff.problemTooLong',
  common: 'staff.problemCommon',
  'contains-email': 'staff.problemContainsEmail',
  'contains-service-name': 'staff.problemContainsServiceName',
  'same-as-current': 'staff.problemSameAsCurrent',
};

/** Each reason a BLG_STAFF_PASSWORD_REJECTED gave, as the person reads it. */
function problemTexts(t: Translator, error: AppError): string[] {
  const problems = String(error.details?.problems ?? '').split(',') as PasswordProblem[];
  return problems
    .filter((problem) => problem in problemMessages)
    .map((problem) =>
      t.t(problemMessages[problem], {
        min: staffPasswordPolicy.minLength,
        max: staffPasswordPolicy.maxLength,
      }),
    );
}

export interface StaffRoutesOptions {
  /** Sign-in and code posts admitted by this process; a bucket of its own by default. */
  limiter?: TokenBucket;
  /** Passkeys as a second factor beside the code (decision 0032); offered when given. */
  passkeys?: StaffPasskeysService;
}

/**
 * Staff sign-in (issue 6, item 1): `/staff/sign-in` (email and password),
 * `/staff/second-factor` (a TOTP code), `/staff/enrol` (first sign-in: a
 * new password, then the authenticator app), `/staff` (who is signed in),
 * `/staff/password` (change one's own password), `/staff/sign-out` and
 * `/staff/sign-out-everywhere`. Every page is
 * no-store; every change is a POST behind the CSRF check.
 */
export function staffRoutes(auth: StaffAuthService, options: StaffRoutesOptions = {}) {
  const limiter = options.limiter ?? new TokenBucket();
  const signedIn = requireStaff(auth);
  const path = (c: Context<AppEnv>, to: string) => localePath(c.get('translator').locale, to);
  const redirect = (c: Context<AppEnv>, to: string) => c.redirect(path(c, to), 303);
  const page = (
    c: Context<AppEnv>,
    title: MessageKey,
    body: Child,
    status: ContentfulStatusCode = 200,
  ) => {
    setResponseHeader(c, 'cache-control', 'no-store');
    return renderPage(c, { title: c.get('translator').t(title), body, status });
  };

  const signInPage = (
    c: Context<AppEnv>,
    options: {
      form?: FormData;
      failure?: MessageKey;
      notice?: MessageKey;
      missing?: boolean;
      status?: ContentfulStatusCode;
    } = {},
  ) => {
    const t = c.get('translator');
    const email = options.form ? (single(options.form, 'email') ?? '') : '';
    const password = options.form ? (single(options.form, 'password') ?? '') : '';
    return page(
      c,
      'staff.signInTitle',
      <SignInPage
        t={t}
        action={path(c, '/staff/sign-in')}
        csrfToken={csrfToken(c)}
        email={email}
        emailErrors={options.missing && !email.trim() ? [t.t('staff.enterEmail')] : undefined}
        passwordErrors={options.missing && !password ? [t.t('staff.enterPassword')] : undefined}
        failure={options.failure ? t.t(options.failure) : undefined}
        notice={options.notice ? t.t(options.notice) : undefined}
      />,
      options.status,
    );
  };

  /**
   * The code form, and a passkey form when the staff member has one: each
   * showing of the page starts a new passkey challenge for this session.
   */
  const secondFactorPage = async (
    c: Context<AppEnv>,
    token: string,
    errors: { code?: MessageKey; passkey?: MessageKey } = {},
  ) => {
    const t = c.get('translator');
    const rp = options.passkeys ? passkeyRelyingParty(c) : undefined;
    const request = rp ? await options.passkeys?.authenticationOptions(token, rp) : undefined;
    return page(
      c,
      'staff.secondFactorTitle',
      <SecondFactorPage
        t={t}
        action={path(c, '/staff/second-factor')}
        csrfToken={csrfToken(c)}
        codeErrors={errors.code ? [t.t(errors.code)] : undefined}
        failure={errors.passkey ? t.t(errors.passkey) : undefined}
        passkey={
          request
            ? { action: path(c, '/staff/second-factor/passkey'), options: JSON.stringify(request) }
            : undefined
        }
      />,
      errors.code || errors.passkey ? 401 : 200,
    );
  };

  /**
   * Runs a second-factor proof (a code or a passkey) and signs the session
   * in, or shows why not: the same page again, or sign-in when the failure
   * locked the account and so ended the session.
   */
  const proveSecondFactor = async (
    c: Context<AppEnv>,
    token: string,
    kind: 'code' | 'passkey',
    prove: () => Promise<{ token: string }>,
  ) => {
    if (!admitted(c)) return secondFactorPage(c, token, { [kind]: 'errors.staffRateLimited' });
    try {
      const signed = await prove();
      setStaffCookie(c, signed.token);
      return redirect(c, '/staff');
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'BLG_STAFF_CODE_INVALID' || error.code === 'BLG_STAFF_PASSKEY_INVALID') {
        if (!(await auth.session(token))) {
          clearStaffCookie(c);
          return signInPage(c, { failure: 'errors.staffSignInFailed', status: 401 });
        }
        return secondFactorPage(c, token, {
          [kind]: kind === 'code' ? 'errors.staffCodeInvalid' : 'errors.staffPasskeyInvalid',
        });
      }
      if (error.code === 'BLG_STAFF_SIGN_IN_FAILED') {
        clearStaffCookie(c);
        return signInPage(c, { failure: 'errors.staffSignInFailed', status: 401 });
      }
      throw error;
    }
  };

  const enrolPasswordPage = (
    c: Context<AppEnv>,
    errors: { password?: string[]; confirm?: string[] } = {},
  ) =>
    page(
      c,
      'staff.enrolPasswordTitle',
      <EnrolPasswordPage
        t={c.get('translator')}
        action={path(c, '/staff/enrol/password')}
        csrfToken={csrfToken(c)}
        minLength={staffPasswordPolicy.minLength}
        passwordErrors={errors.password}
        confirmErrors={errors.confirm}
      />,
      errors.password || errors.confirm ? 422 : 200,
    );

  const changePasswordPage = (
    c: Context<AppEnv>,
    errors: {
      current?: string[];
      password?: string[];
      confirm?: string[];
      failure?: MessageKey;
      status?: ContentfulStatusCode;
    } = {},
  ) => {
    const t = c.get('translator');
    const invalid = Boolean(errors.current || errors.password || errors.confirm);
    return page(
      c,
      'staff.changePasswordTitle',
      <ChangePasswordPage
        t={t}
        action={path(c, '/staff/password')}
        csrfToken={csrfToken(c)}
        minLength={staffPasswordPolicy.minLength}
        currentErrors={errors.current}
        passwordErrors={errors.password}
        confirmErrors={errors.confirm}
        failure={errors.failure ? t.t(errors.failure) : undefined}
      />,
      errors.status ?? (invalid ? 422 : 200),
    );
  };

  const enrolTotpPage = async (c: Context<AppEnv>, token: string, error?: MessageKey) => {
    const t = c.get('translator');
    const { secret, uri } = await auth.beginTotpEnrolment(token);
    return page(
      c,
      'staff.enrolTotpTitle',
      <EnrolTotpPage
        t={t}
        action={path(c, '/staff/enrol/totp')}
        csrfToken={csrfToken(c)}
        secret={secret}
        uri={uri}
        codeErrors={error ? [t.t(error)] : undefined}
      />,
      error ? 401 : 200,
    );
  };

  /** The session this browser holds and the step it is at; undefined when it holds none. */
  const stageOf = async (c: Context<AppEnv>) => {
    const token = readStaffToken(c);
    const state = await auth.session(token);
    return state && token ? { token, stage: state.stage } : undefined;
  };

  /** Runs a step that takes a session, or sends the browser where its session stands. */
  const atStage = async (
    c: Context<AppEnv>,
    stages: readonly string[],
    step: (token: string, stage: string) => Promise<Response>,
  ) => {
    const held = await stageOf(c);
    if (!held) {
      clearStaffCookie(c);
      return signInPage(c, { failure: 'errors.staffSignInRequired', status: 401 });
    }
    if (!stages.includes(held.stage)) return redirect(c, stagePaths[held.stage]);
    return step(held.token, held.stage);
  };

  /** Refuses a post when this process is taking more sign-in attempts than it admits. */
  const admitted = (c: Context<AppEnv>) => {
    if (limiter.take()) return true;
    c.get('logger').warn({ event: 'staff.sign_in_rate_limited' }, 'sign-in rate limit reached');
    return false;
  };

  return (
    new Hono<AppEnv>()
      .get('/staff/sign-in', async (c) => {
        const held = await stageOf(c);
        if (held?.stage === 'complete') return redirect(c, '/staff');
        const notice = c.req.query('signed-out');
        return signInPage(c, {
          notice:
            notice === 'everywhere'
              ? 'staff.signedOutEverywhereNotice'
              : notice === '1'
                ? 'staff.signedOutNotice'
                : undefined,
        });
      })
      .post('/staff/sign-in', async (c) => {
        const form = await readForm(c);
        const email = single(form, 'email') ?? '';
        const password = single(form, 'password') ?? '';
        if (!email.trim() || !password) return signInPage(c, { form, missing: true, status: 422 });
        if (!admitted(c)) {
          return signInPage(c, { form, failure: 'errors.staffRateLimited', status: 429 });
        }
        try {
          const { token, stage } = await auth.signIn(email, password, readStaffToken(c));
          setStaffCookie(c, token);
          return redirect(c, stagePaths[stage]);
        } catch (error) {
          if (isAppError(error) && error.code === 'BLG_STAFF_SIGN_IN_FAILED') {
            clearStaffCookie(c);
            return signInPage(c, { form, failure: 'errors.staffSignInFailed', status: 401 });
          }
          throw error;
        }
      })
      .get('/staff/second-factor', (c) =>
        atStage(c, ['second-factor'], async (token) => secondFactorPage(c, token)),
      )
      .post('/staff/second-factor', (c) =>
        atStage(c, ['second-factor'], async (token) => {
          const form = await readForm(c);
          return proveSecondFactor(c, token, 'code', () =>
            auth.verifySecondFactor(token, single(form, 'code') ?? ''),
          );
        }),
      )
      .post('/staff/second-factor/passkey', (c) =>
        atStage(c, ['second-factor'], async (token) => {
          const form = await readForm(c);
          const rp = passkeyRelyingParty(c);
          const passkeys = options.passkeys;
          // A server that offers no passkeys refuses one as it would a bad one.
          if (!rp || !passkeys) {
            return secondFactorPage(c, token, { passkey: 'errors.staffPasskeyInvalid' });
          }
          return proveSecondFactor(c, token, 'passkey', () =>
            passkeys.authenticate(token, rp, single(form, 'credential') ?? ''),
          );
        }),
      )
      .get('/staff/enrol', (c) =>
        atStage(c, ['enrol-password', 'enrol-totp'], async (token, stage) =>
          stage === 'enrol-password' ? enrolPasswordPage(c) : enrolTotpPage(c, token),
        ),
      )
      .post('/staff/enrol/password', (c) =>
        atStage(c, ['enrol-password'], async (token) => {
          const form = await readForm(c);
          const t = c.get('translator');
          const password = single(form, 'password') ?? '';
          const confirm = single(form, 'confirm') ?? '';
          if (!password) return enrolPasswordPage(c, { password: [t.t('staff.enterPassword')] });
          if (password !== confirm) {
            return enrolPasswordPage(c, { confirm: [t.t('staff.passwordMismatch')] });
          }
          try {
            await auth.changeOneTimePassword(token, password);
          } catch (error) {
            if (isAppError(error) && error.code === 'BLG_STAFF_PASSWORD_REJECTED') {
              return enrolPasswordPage(c, { password: problemTexts(t, error) });
            }
            throw error;
          }
          return redirect(c, '/staff/enrol');
        }),
      )
      .post('/staff/enrol/totp', (c) =>
        atStage(c, ['enrol-totp'], async (token) => {
          const form = await readForm(c);
          if (!admitted(c)) return enrolTotpPage(c, token, 'errors.staffRateLimited');
          try {
            const signed = await auth.confirmTotpEnrolment(token, single(form, 'code') ?? '');
            setStaffCookie(c, signed.token);
            return redirect(c, '/staff');
          } catch (error) {
            if (!isAppError(error) || error.code !== 'BLG_STAFF_CODE_INVALID') throw error;
            if (!(await auth.session(token))) {
              clearStaffCookie(c);
              return signInPage(c, { failure: 'errors.staffSignInFailed', status: 401 });
            }
            return enrolTotpPage(c, token, 'errors.staffCodeInvalid');
          }
        }),
      )
      .get('/staff', signedIn, async (c) => {
        const staff = c.get('staff');
        const profile = staff ? await auth.profile(staff.staffId) : undefined;
        if (!profile) return redirect(c, '/staff/sign-in');
        return page(
          c,
          'staff.homeTitle',
          <StaffHomePage
            t={c.get('translator')}
            profile={profile}
            csrfToken={csrfToken(c)}
            signOutAction={path(c, '/staff/sign-out')}
            signOutEverywhereHref={path(c, '/staff/sign-out-everywhere')}
            changePasswordHref={path(c, '/staff/password')}
            notice={
              c.req.query('password-changed') === '1'
                ? c.get('translator').t('staff.passwordChangedNotice')
                : undefined
            }
          />,
        );
      })
      .get('/staff/password', signedIn, (c) => changePasswordPage(c))
      .post('/staff/password', signedIn, async (c) => {
        const form = await readForm(c);
        const t = c.get('translator');
        const current = single(form, 'current') ?? '';
        const password = single(form, 'password') ?? '';
        const confirm = single(form, 'confirm') ?? '';
        // Passwords are never put back into the form: each error page starts it empty.
        if (!current || !password) {
          return changePasswordPage(c, {
            current: current ? undefined : [t.t('staff.enterCurrentPassword')],
            password: password ? undefined : [t.t('staff.enterNewPassword')],
          });
        }
        if (password !== confirm) {
          return changePasswordPage(c, { confirm: [t.t('staff.passwordMismatch')] });
        }
        // A current-password guess costs an argon2 verification, as a sign-in does.
        if (!admitted(c)) {
          return changePasswordPage(c, { failure: 'errors.staffRateLimited', status: 429 });
        }
        const token = readStaffToken(c) ?? '';
        try {
          const changed = await auth.changePassword(token, current, password);
          setStaffCookie(c, changed.token);
          return c.redirect(`${path(c, '/staff')}?password-changed=1`, 303);
        } catch (error) {
          if (!isAppError(error)) throw error;
          if (error.code === 'BLG_STAFF_CURRENT_PASSWORD_WRONG') {
            // The failure may have locked the account and ended every session.
            if (!(await auth.session(token))) {
              clearStaffCookie(c);
              return signInPage(c, { failure: 'errors.staffSignInFailed', status: 401 });
            }
            return changePasswordPage(c, {
              current: [t.t('errors.staffCurrentPasswordWrong')],
              status: 401,
            });
          }
          if (error.code === 'BLG_STAFF_PASSWORD_REJECTED') {
            return changePasswordPage(c, { password: problemTexts(t, error) });
          }
          throw error;
        }
      })
      .get('/staff/sign-out', signedIn, (c) =>
        page(
          c,
          'staff.signOutTitle',
          <SignOutPage
            t={c.get('translator')}
            everywhere={false}
            csrfToken={csrfToken(c)}
            action={path(c, '/staff/sign-out')}
          />,
        ),
      )
      // Signing out needs no complete session: a half-signed-in one can end too.
      .post('/staff/sign-out', async (c) => {
        await auth.signOut(readStaffToken(c));
        clearStaffCookie(c);
        return c.redirect(`${path(c, '/staff/sign-in')}?signed-out=1`, 303);
      })
      .get('/staff/sign-out-everywhere', signedIn, (c) =>
        page(
          c,
          'staff.signOutEverywhereTitle',
          <SignOutPage
            t={c.get('translator')}
            everywhere={true}
            csrfToken={csrfToken(c)}
            action={path(c, '/staff/sign-out-everywhere')}
          />,
        ),
      )
      .post('/staff/sign-out-everywhere', signedIn, async (c) => {
        const staff = c.get('staff');
        if (staff) await auth.signOutEverywhere(staff.staffId);
        clearStaffCookie(c);
        return c.redirect(`${path(c, '/staff/sign-in')}?signed-out=everywhere`, 303);
      })
  );
}
