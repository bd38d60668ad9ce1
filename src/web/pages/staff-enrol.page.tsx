import qrcode from 'qrcode-generator';
import type { Translator } from '../../i18n/translator.ts';
import { StaffForm } from './staff-form.tsx';
import { newPasswordFields } from './staff-password.page.tsx';
import { codeField } from './staff-sign-in.page.tsx';

/** `/staff/enrol`, first step: the one-time password replaced by the staff member's own. */
export function EnrolPasswordPage(props: {
  t: Translator;
  action: string;
  csrfToken: string;
  minLength: number;
  passwordErrors?: readonly string[] | undefined;
  confirmErrors?: readonly string[] | undefined;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('staff.enrolPasswordTitle')}</h1>
      <p>{t.t('staff.enrolPasswordLead')}</p>
      <StaffForm
        t={t}
        action={props.action}
        csrfToken={props.csrfToken}
        submit={t.t('staff.continue')}
        fields={newPasswordFields(t, props.minLength, {
          password: props.passwordErrors,
          confirm: props.confirmErrors,
        })}
      />
    </>
  );
}

/**
 * The otpauth:// address as a QR code: one SVG path of dark modules, drawn
 * here from qrcode-generator's matrix so no markup from a library reaches
 * the page unescaped. Four modules of quiet zone, as ISO/IEC 18004 asks.
 */
export function QrCode(props: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(props.text);
  qr.make();
  const size = qr.getModuleCount();
  const quiet = 4;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const extent = size + quiet * 2;
  return (
    <svg
      class="staff-qr"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${extent} ${extent}`}
      width="232"
      height="232"
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** Groups of four, as authenticator apps show a key typed by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** `/staff/enrol`, second step: set up the authenticator app and prove it with a first code. */
export function EnrolTotpPage(props: {
  t: Translator;
  action: string;
  csrfToken: string;
  secret: string;
  uri: string;
  codeErrors?: readonly string[] | undefined;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('staff.enrolTotpTitle')}</h1>
      <p>{t.t('staff.enrolTotpLead')}</p>
      <StaffForm
        t={t}
        action={props.action}
        csrfToken={props.csrfToken}
        submit={t.t('staff.continue')}
        fields={[codeField(t, props.codeErrors)]}
      >
        <ol class="staff-steps">
          <li>
            <p>{t.t('staff.enrolTotpScan')}</p>
            <QrCode text={props.uri} label={t.t('staff.qrLabel')} />
          </li>
          <li>
            <p>{t.t('staff.enrolTotpManual')}</p>
            <p>
              <code class="staff-secret">{grouped(props.secret)}</code>
            </p>
            <details>
              <summary>{t.t('staff.enrolTotpUri')}</summary>
              <p>
                <code class="staff-secret">{props.uri}</code>
              </p>
            </details>
          </li>
          <li>
            <p>{t.t('staff.enrolTotpConfirm')}</p>
          </li>
        </ol>
      </StaffForm>
    </>
  );
}
