import type { Child } from 'hono/jsx';
import type { Translator } from '../../i18n/translator.ts';
import { csrfFieldName } from '../middleware/csrf.ts';

/*
 * The staff pages' forms, in the same GOV.UK/USWDS pattern as the public
 * flow pages (src/web/components/flow-page.tsx): an error summary first that
 * links to each field, and the error again beside the field. Written apart
 * from FlowPageForm because a password must be an `<input type=password>`
 * that is never shown back.
 */

export interface StaffField {
  name: string;
  label: string;
  hint?: string | undefined;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  inputmode?: 'numeric' | undefined;
  /**
   * Omitted for passwords: a browser silently cuts a pasted password at
   * maxlength, and NIST SP 800-63B §5.1.1.2 forbids truncating one; the
   * server says when one is too long instead.
   */
  maxlength?: number | undefined;
  /** Shown back after an error; never given for a password. */
  value?: string | undefined;
  /** The field's errors, in the order they are listed. */
  errors?: readonly string[] | undefined;
}

export function staffFieldId(name: string): string {
  return `staff-${name}`;
}

/** A failure that belongs to no one field (wrong password, too many tries). */
export function StaffAlert(props: { message: string; kind?: 'error' | 'success' | 'info' }) {
  const kind = props.kind ?? 'error';
  return (
    <div class={`usa-alert usa-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <p class="usa-alert__text">{props.message}</p>
    </div>
  );
}

export function StaffForm(props: {
  t: Translator;
  action: string;
  csrfToken: string;
  fields: readonly StaffField[];
  submit: string;
  /** Shown above the fields: a lead paragraph, a QR code. */
  children?: Child;
}) {
  const { t, fields } = props;
  const invalid = fields.filter((field) => (field.errors?.length ?? 0) > 0);
  return (
    <>
      {invalid.length > 0 ? (
        <div
          class="usa-alert usa-alert--error usa-error-summary"
          role="alert"
          aria-labelledby="error-summary-title"
        >
          <h2 class="usa-alert__heading" id="error-summary-title">
            {t.t('flow.errorSummaryTitle')}
          </h2>
          <ul class="usa-error-summary__list">
            {invalid.flatMap((field) =>
              (field.errors ?? []).map((message) => (
                <li>
                  <a href={`#${staffFieldId(field.name)}`}>{message}</a>
                </li>
              )),
            )}
          </ul>
        </div>
      ) : null}
      {props.children}
      <form class="usa-form" method="post" action={props.action} novalidate>
        <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
        {fields.map((field) => (
          <StaffInput t={t} field={field} />
        ))}
        <div class="flow-actions">
          <button type="submit" class="usa-button">
            {props.submit}
          </button>
        </div>
      </form>
    </>
  );
}

function StaffInput(props: { t: Translator; field: StaffField }) {
  const { t, field } = props;
  const id = staffFieldId(field.name);
  const errors = field.errors ?? [];
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`usa-form-group${errors.length > 0 ? ' usa-form-group--error' : ''}`}>
      <label class="usa-label" for={id}>
        {field.label}
      </label>
      {field.hint ? (
        <div class="usa-hint" id={hintId}>
          {field.hint}
        </div>
      ) : null}
      {errors.length > 0 ? (
        <span class="usa-error-message" id={errorId}>
          {errors.map((message) => (
            <span class="staff-error-line">
              <span class="usa-sr-only">{t.t('flow.errorPrefix')} </span>
              {message}
            </span>
          ))}
        </span>
      ) : null}
      <input
        class={`usa-input${errors.length > 0 ? ' usa-input--error' : ''}`}
        id={id}
        name={field.name}
        type={field.type}
        autocomplete={field.autocomplete}
        inputmode={field.inputmode}
        spellcheck={field.type === 'text' && !field.inputmode ? undefined : false}
        autocapitalize="none"
        maxlength={field.maxlength}
        value={field.type === 'password' ? undefined : field.value}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0 ? 'true' : undefined}
      />
    </div>
  );
}
