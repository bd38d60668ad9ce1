import type { CheckAnswerRow } from '../../flow/flow.ts';
import type { Translator } from '../../i18n/translator.ts';
import { CheckAnswersList } from '../components/flow-page.tsx';

/** Check your answers, the declaration, and the one button that sends. */
export function ApplyCheckPage(props: {
  t: Translator;
  rows: readonly CheckAnswerRow[];
  changeHref: (pageKey: string) => string;
  action: string;
  csrfToken: string;
  declarationMissing: boolean;
}) {
  const { t } = props;
  return (
    <>
      {props.declarationMissing ? (
        <div class="usa-alert usa-alert--error" role="alert" aria-labelledby="apply-error-heading">
          <h2 id="apply-error-heading" class="usa-alert__heading">
            {t.t('flow.errorSummaryTitle')}
          </h2>
          <p>
            <a href="#declaration">{t.t('apply.declarationRequired')}</a>
          </p>
        </div>
      ) : null}
      <h1>{t.t('apply.checkTitle')}</h1>
      <p>{t.t('flow.checkAnswersLead')}</p>
      <CheckAnswersList
        t={t}
        rows={props.rows}
        changeHref={(pageKey) => props.changeHref(pageKey)}
      />
      <p>
        {/* The summary sits beside this page: the same address with `summary` for `check-answers`. */}
        <a href={props.action.replace(/\/check-answers$/, '/summary')}>
          {t.t('apply.summaryLink')}
        </a>
      </p>
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <fieldset
          class={props.declarationMissing ? 'usa-fieldset usa-form-group--error' : 'usa-fieldset'}
        >
          <legend class="usa-legend usa-legend--large">{t.t('apply.declarationTitle')}</legend>
          {props.declarationMissing ? (
            <p class="usa-error-message" id="declaration-error">
              {t.t('apply.declarationRequired')}
            </p>
          ) : null}
          <div class="usa-checkbox">
            <input
              class="usa-checkbox__input"
              type="checkbox"
              id="declaration"
              name="declaration"
              value="yes"
              aria-describedby={props.declarationMissing ? 'declaration-error' : undefined}
            />
            <label class="usa-checkbox__label" for="declaration">
              {t.t('apply.declaration')}
            </label>
          </div>
        </fieldset>
        <p>{t.t('apply.submitOnce')}</p>
        <button type="submit" class="usa-button">
          {t.t('apply.submitButton')}
        </button>
      </form>
    </>
  );
}
