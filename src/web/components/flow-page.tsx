import { getAnswer } from '../../flow/flow.ts';
import type {
  FieldError,
  FieldErrorCode,
  FieldKind,
  FieldOption,
  FlowAnswers,
  FlowField,
  FlowPage,
} from '../../flow/flow-definition.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';
import { csrfFieldName } from '../middleware/csrf.ts';

/*
 * One page of a flow as an HTML form, after the GOV.UK Design System's
 * question pages (https://design-system.service.gov.uk/patterns/question-pages/):
 * one question, its title the <h1> (or the legend holding it), a hint, why
 * it is asked in an inset box, an error summary first that links to each
 * field, and the error again beside the field. Works without JavaScript.
 */

type FormData = Record<string, string | string[]>;

export interface FlowPageProps {
  t: Translator;
  page: FlowPage;
  /** The answers so far (the whole answers object, read by path). */
  values: FlowAnswers;
  /**
   * The form as posted, shown back exactly as typed after an error (a date
   * that is not a date has no value to show). Takes the place of `values`.
   */
  form?: FormData | undefined;
  errors?: readonly FieldError[] | undefined;
  action: string;
  /** From `csrfToken(c)` (src/web/middleware/csrf.ts). */
  csrfToken: string;
  backHref?: string | undefined;
  /**
   * A repeating page: how many items to show; by default the list's length
   * (or the posted items), and at least one. See `repeatFormState`.
   */
  itemCount?: number | undefined;
  /**
   * More hidden fields for the form: the screener, which stores nothing on
   * the server, carries the answers so far in one (src/web/routes/check.routes.tsx).
   */
  hidden?: Readonly<Record<string, string>> | undefined;
}

const errorMessages: Record<FieldErrorCode, MessageKey> = {
  required: 'flow.errorRequired',
  'invalid-date': 'flow.errorInvalidDate',
  'invalid-choice': 'flow.errorInvalidChoice',
  'invalid-yes-no': 'flow.errorInvalidYesNo',
  'invalid-integer': 'flow.errorInvalidInteger',
  'invalid-money': 'flow.errorInvalidMoney',
  'invalid-email': 'flow.errorInvalidEmail',
  'invalid-phone': 'flow.errorInvalidPhone',
  'too-long': 'flow.errorTooLong',
  'too-small': 'flow.errorTooSmall',
  'too-large': 'flow.errorTooLarge',
  'too-many-items': 'flow.errorTooMany',
  'unknown-field': 'flow.errorUnknownField',
  'date-order': 'flow.errorDateOrder',
  'overlapping-items': 'flow.errorOverlap',
  'duplicate-item': 'flow.errorDuplicate',
};

/** The translated message of an error on `field` (or on a list, with its most items). */
export function fieldErrorMessage(
  t: Translator,
  code: FieldErrorCode,
  field?: FlowField,
  listMax?: number,
  /** The answer a field with `atMost` may not exceed, when known. */
  limit?: number,
): string {
  const key = errorMessages[code];
  switch (code) {
    case 'too-long':
      return t.t(key, { max: field?.maxLength ?? 200 });
    case 'too-small':
      return t.t(key, { min: field?.min ?? 0 });
    case 'too-large':
      return t.t(key, { max: limit ?? field?.max ?? 0 });
    case 'too-many-items':
      return t.t(key, { max: listMax ?? 0 });
    default:
      return t.t(key);
  }
}

/** An id for the element a path names: letters, digits and dashes only. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

const isGroup = (kind: FieldKind) => kind === 'date' || kind === 'yes-no' || kind === 'choice';

/** The id an error summary links to: the first input of the field. */
function anchorId(field: FlowField, path: string): string {
  const id = fieldId(path);
  if (field.kind === 'date') return `${id}-month`;
  if (isGroup(field.kind)) return `${id}-0`;
  return id;
}

interface FieldView {
  field: FlowField;
  /** The input name and answer path (with the item index on a repeating page). */
  path: string;
  error: FieldError | undefined;
  /** For a field with `atMost`: the answer it may not exceed, as shown. */
  limit?: number | undefined;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return '';
}

/** The raw text a field shows: from the posted form when given, else from the answers. */
function shown(props: FlowPageProps, name: string, path: string): string {
  if (props.form) {
    const value = props.form[name];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  }
  return text(getAnswer(props.values, path));
}

function dateParts(props: FlowPageProps, path: string): [string, string, string] {
  if (props.form) {
    return [
      shown(props, `${path}.month`, ''),
      shown(props, `${path}.day`, ''),
      shown(props, `${path}.year`, ''),
    ];
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(getAnswer(props.values, path)));
  if (!match) return ['', '', ''];
  return [String(Number(match[2])), String(Number(match[3])), match[1] ?? ''];
}

function yesNoShown(props: FlowPageProps, path: string): string {
  if (props.form) return shown(props, path, path);
  const value = getAnswer(props.values, path);
  return value === true ? 'yes' : value === false ? 'no' : '';
}

function ErrorMessage(props: { t: Translator; id: string; message: string }) {
  return (
    <span class="usa-error-message" id={props.id}>
      <span class="usa-sr-only">{props.t.t('flow.errorPrefix')} </span>
      {props.message}
    </span>
  );
}

function Why(props: { t: Translator; id: string; why: MessageKey }) {
  return (
    <div class="usa-inset" id={props.id}>
      <strong>{props.t.t('flow.whyHeading')}</strong>
      <p>{props.t.t(props.why)}</p>
    </div>
  );
}

/** The inputs of one field, inside its label or legend. */
function FieldInputs(props: {
  p: FlowPageProps;
  view: FieldView;
  describedBy: string | undefined;
}) {
  const { p, view, describedBy } = props;
  const { t } = p;
  const { field, path, error } = view;
  const id = fieldId(path);
  const invalid = error ? 'true' : undefined;
  switch (field.kind) {
    case 'date': {
      const parts = dateParts(p, path);
      // Month, day, year: the U.S. order (USWDS memorable date), as on a green card.
      const names = ['month', 'day', 'year'] as const;
      return (
        <div class="usa-memorable-date">
          {names.map((part, index) => (
            <div class={`usa-form-group usa-form-group--${part}`}>
              <label class="usa-label" for={`${id}-${part}`}>
                {t.t(`flow.${part}`)}
              </label>
              <input
                class={`usa-input${part === 'year' ? ' usa-input--year' : ''}${error ? ' usa-input--error' : ''}`}
                id={`${id}-${part}`}
                name={`${path}.${part}`}
                type="text"
                inputmode="numeric"
                maxlength={part === 'year' ? 4 : 2}
                autocomplete={field.autocomplete === 'bday' ? `bday-${part}` : 'off'}
                value={parts[index]}
                aria-invalid={invalid}
              />
            </div>
          ))}
        </div>
      );
    }
    case 'yes-no':
    case 'choice': {
      const options: { value: string; label: string }[] =
        field.kind === 'yes-no'
          ? [
              { value: 'yes', label: t.t('flow.yes') },
              { value: 'no', label: t.t('flow.no') },
            ]
          : (field.options ?? []).map((option) => ({
              value: option.value,
              label: t.t(option.label),
            }));
      const current = field.kind === 'yes-no' ? yesNoShown(p, path) : shown(p, path, path);
      return (
        <div class={field.kind === 'yes-no' ? 'usa-radios usa-radios--inline' : 'usa-radios'}>
          {options.map((option, index) => (
            <div class="usa-radio">
              <input
                class="usa-radio__input"
                id={`${id}-${index}`}
                type="radio"
                name={path}
                value={option.value}
                checked={current === option.value}
              />
              <label class="usa-radio__label" for={`${id}-${index}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      );
    }
    case 'long-text':
      return (
        <textarea
          class={`usa-textarea${error ? ' usa-input--error' : ''}`}
          id={id}
          name={path}
          rows={5}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          autocomplete="off"
        >
          {shown(p, path, path)}
        </textarea>
      );
    default: {
      const input = (
        <input
          class={`usa-input${field.kind === 'integer' || field.kind === 'money' ? ' usa-input--short' : ''}${error ? ' usa-input--error' : ''}`}
          id={id}
          name={path}
          type={field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : 'text'}
          inputmode={
            field.kind === 'integer' ? 'numeric' : field.kind === 'money' ? 'decimal' : undefined
          }
          spellcheck={field.kind === 'email' || field.kind === 'phone' ? false : undefined}
          autocomplete={field.autocomplete ?? 'off'}
          value={shown(p, path, path)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      );
      if (field.kind !== 'money') return input;
      return (
        <div class="usa-input-prefix-group">
          <span class="usa-input-prefix" aria-hidden="true">
            $
          </span>
          {input}
        </div>
      );
    }
  }
}

/**
 * One field: a fieldset with a legend for a group of inputs (date, radios),
 * a label otherwise. As the page's only question, the title is its <h1>.
 */
function Field(props: { p: FlowPageProps; view: FieldView; heading?: MessageKey; whyId?: string }) {
  const { p, view, heading } = props;
  const { t } = p;
  const { field, path, error } = view;
  const id = fieldId(path);
  const hint = field.hint ?? (field.kind === 'date' ? 'flow.dateHint' : undefined);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, props.whyId, errorId].filter(Boolean).join(' ') || undefined;
  const question = t.t(heading ?? field.label);
  const why =
    heading && p.page.why && props.whyId ? <Why t={t} id={props.whyId} why={p.page.why} /> : null;
  const details = (
    <>
      {why}
      {hint ? (
        <div class="usa-hint" id={hintId}>
          {t.t(hint)}
        </div>
      ) : null}
      {error && errorId ? (
        <ErrorMessage
          t={t}
          id={errorId}
          message={fieldErrorMessage(t, error.code, field, undefined, view.limit)}
        />
      ) : null}
    </>
  );
  const groupClass = `usa-form-group${error ? ' usa-form-group--error' : ''}`;
  if (isGroup(field.kind)) {
    return (
      <div class={groupClass}>
        <fieldset class="usa-fieldset" aria-describedby={describedBy}>
          <legend class={heading ? 'usa-legend usa-legend--large' : 'usa-legend'}>
            {heading ? <h1>{question}</h1> : question}
          </legend>
          {details}
          <FieldInputs p={p} view={view} describedBy={undefined} />
        </fieldset>
      </div>
    );
  }
  const label = (
    <label class={heading ? 'usa-label usa-label--large' : 'usa-label'} for={id}>
      {question}
    </label>
  );
  return (
    <div class={groupClass}>
      {heading ? <h1>{label}</h1> : label}
      {details}
      <FieldInputs p={p} view={view} describedBy={describedBy} />
    </div>
  );
}

function postedItemCount(form: FormData, listPath: string): number {
  let count = 0;
  const prefix = `${listPath}.`;
  for (const name of Object.keys(form)) {
    if (!name.startsWith(prefix)) continue;
    const index = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(index) && index < 10_000) count = Math.max(count, index + 1);
  }
  return count;
}

/**
 * One page of a flow as a form, posted to `action`. On a repeating page the
 * post says which button was pressed: `add=1` (one more item), `remove=<i>`
 * (drop item i, as numbered on the page), or neither (Continue; Enter in a
 * text box also continues). `repeatFormState` turns the post into the form
 * to show again after add or remove; `parsePageForm` reads it on Continue.
 */
export function FlowPageForm(props: FlowPageProps) {
  const { t, page } = props;
  const errors = props.errors ?? [];
  const errorAt = (path: string) => errors.find((error) => error.path === path);
  const whyId = page.why ? `${fieldId(page.key)}-why` : undefined;
  const repeat = page.repeat;

  let views: FieldView[] = [];
  let itemCount = 0;
  if (repeat) {
    const list = getAnswer(props.values, repeat.path);
    itemCount = Math.max(
      1,
      props.itemCount ??
        (props.form
          ? postedItemCount(props.form, repeat.path)
          : Array.isArray(list)
            ? list.length
            : 0),
    );
    for (let index = 0; index < itemCount; index++) {
      for (const field of page.fields) {
        const path = `${repeat.path}.${index}.${field.path}`;
        views.push({ field, path, error: errorAt(path) });
      }
    }
  } else {
    views = page.fields.map((field) => ({ field, path: field.path, error: errorAt(field.path) }));
  }
  for (const view of views) {
    const other = view.field.atMost;
    if (other === undefined || view.error?.code !== 'too-large') continue;
    const otherPath = view.path.slice(0, view.path.length - view.field.path.length) + other;
    const text = shown(props, otherPath, otherPath).replace(/[\s,$]/g, '');
    if (text !== '' && Number.isFinite(Number(text))) view.limit = Number(text);
  }
  const listError = repeat ? errorAt(repeat.path) : undefined;
  const listErrorId = repeat ? `${fieldId(repeat.path)}-error` : '';
  const single = !repeat && page.fields.length === 1;

  const summary: { href: string; text: string }[] = [];
  if (listError && repeat) {
    summary.push({
      href: `#${fieldId(repeat.path)}`,
      text: fieldErrorMessage(t, listError.code, undefined, repeat.max),
    });
  }
  views.forEach((view, position) => {
    if (!view.error) return;
    const question = t.t(single ? page.title : view.field.label);
    summary.push({
      href: `#${anchorId(view.field, view.path)}`,
      text: t.t('flow.errorSummaryItem', {
        question: repeat
          ? t.t('flow.itemQuestion', {
              item: t.t(repeat.itemLabel, {
                number: Math.floor(position / page.fields.length) + 1,
              }),
              question,
            })
          : question,
        message: fieldErrorMessage(t, view.error.code, view.field, undefined, view.limit),
      }),
    });
  });

  return (
    <>
      {props.backHref ? (
        <a class="usa-back-link" href={props.backHref}>
          {t.t('flow.back')}
        </a>
      ) : null}
      {summary.length > 0 ? (
        <div
          class="usa-alert usa-alert--error usa-error-summary"
          role="alert"
          aria-labelledby="error-summary-title"
        >
          <h2 class="usa-alert__heading" id="error-summary-title">
            {t.t('flow.errorSummaryTitle')}
          </h2>
          <ul class="usa-error-summary__list">
            {summary.map((item) => (
              <li>
                <a href={item.href}>{item.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form class="usa-form" method="post" action={props.action} novalidate>
        <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {repeat ? (
          // Enter in a text box presses the form's default button, the first
          // submit button: make it Continue, not the first item's Remove.
          // Hidden (out of sight and of the accessibility tree), it still
          // takes implicit submission (HTML, "implicit submission").
          <button type="submit" hidden>
            {t.t('flow.continue')}
          </button>
        ) : null}
        {single && views[0] ? (
          <Field p={props} view={views[0]} heading={page.title} whyId={whyId} />
        ) : (
          <>
            <h1>{t.t(page.title)}</h1>
            {page.why && whyId ? <Why t={t} id={whyId} why={page.why} /> : null}
          </>
        )}
        {!single && !repeat ? views.map((view) => <Field p={props} view={view} />) : null}
        {repeat ? (
          <div
            id={fieldId(repeat.path)}
            class={listError ? 'usa-form-group usa-form-group--error' : undefined}
            tabindex={-1}
          >
            {(repeat.min ?? 0) === 0 ? <p class="usa-hint">{t.t('flow.repeatNoneHint')}</p> : null}
            {listError ? (
              <ErrorMessage
                t={t}
                id={listErrorId}
                message={fieldErrorMessage(t, listError.code, undefined, repeat.max)}
              />
            ) : null}
            {Array.from({ length: itemCount }, (_, index) => {
              const itemViews = views.slice(
                index * page.fields.length,
                (index + 1) * page.fields.length,
              );
              const itemLabel = t.t(repeat.itemLabel, { number: index + 1 });
              return (
                <fieldset class="usa-fieldset flow-item">
                  <legend class="usa-legend flow-item__legend">{itemLabel}</legend>
                  {itemViews.map((view) => (
                    <Field p={props} view={view} />
                  ))}
                  <button
                    type="submit"
                    class="usa-button usa-button--unstyled"
                    name="remove"
                    value={String(index)}
                    formnovalidate
                  >
                    {t.t('flow.remove')}
                    <span class="usa-sr-only"> {itemLabel}</span>
                  </button>
                </fieldset>
              );
            })}
            {itemCount < repeat.max ? (
              <button type="submit" class="usa-button usa-button--outline" name="add" value="1">
                {t.t(repeat.addAnother)}
              </button>
            ) : null}
          </div>
        ) : null}
        <div class="flow-actions">
          <button type="submit" class="usa-button">
            {t.t('flow.continue')}
          </button>
        </div>
      </form>
    </>
  );
}

// ---------------------------------------------------------------- check your answers

/** A row of check-your-answers (`checkAnswerRows` in src/flow/flow.ts). */
export interface CheckAnswersRow {
  pageKey: string;
  path: string;
  label: MessageKey;
  value: unknown;
  kind: FieldKind;
  options?: readonly FieldOption[] | undefined;
  item?: number | undefined;
  itemLabel?: MessageKey | undefined;
}

/** An answer as a person reads it, in their language. */
export function formatAnswer(
  t: Translator,
  row: Pick<CheckAnswersRow, 'value' | 'kind' | 'options'>,
): string {
  const { value, kind } = row;
  if (value === undefined || value === null || value === '') return t.t('flow.notAnswered');
  switch (kind) {
    case 'date': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      if (!match) return String(value);
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return t.formatDate(date, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
    }
    case 'yes-no':
      return value === true ? t.t('flow.yes') : value === false ? t.t('flow.no') : String(value);
    case 'money':
      return typeof value === 'number'
        ? t.formatNumber(value, { style: 'currency', currency: 'USD' })
        : String(value);
    case 'integer':
      return typeof value === 'number' ? t.formatNumber(value) : String(value);
    case 'choice': {
      const option = row.options?.find((candidate) => candidate.value === value);
      return option ? t.t(option.label) : String(value);
    }
    default:
      return String(value);
  }
}

/** The rows of check-your-answers as a summary list, each with a Change link. */
export function CheckAnswersList(props: {
  t: Translator;
  rows: readonly CheckAnswersRow[];
  /** Where "Change" goes for a row: the page that asked it. */
  changeHref: (pageKey: string, path: string) => string;
}) {
  const { t } = props;
  return (
    <dl class="usa-summary-list">
      {props.rows.map((row) => {
        const question =
          row.item !== undefined && row.itemLabel
            ? t.t('flow.itemQuestion', {
                item: t.t(row.itemLabel, { number: row.item }),
                question: t.t(row.label),
              })
            : t.t(row.label);
        return (
          <div class="usa-summary-list__row">
            <dt class="usa-summary-list__key">{question}</dt>
            <dd class="usa-summary-list__value">{formatAnswer(t, row)}</dd>
            <dd class="usa-summary-list__actions">
              <a href={props.changeHref(row.pageKey, row.path)}>
                {t.t('flow.change')}
                <span class="usa-sr-only"> {question}</span>
              </a>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
