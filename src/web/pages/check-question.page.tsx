import type { FieldError, FlowAnswers, FlowPage } from '../../flow/flow-definition.ts';
import type { Translator } from '../../i18n/translator.ts';
import { FlowPageForm } from '../components/flow-page.tsx';
import { csrfFieldName } from '../middleware/csrf.ts';

/** Hidden fields every screener form carries: the answers so far, and where to go after. */
export interface CarriedState {
  /** The answers so far as JSON: the screener stores nothing on the server. */
  answers: string;
  /** Set when the person came from the results to change an answer. */
  returnToResults: boolean;
}

export const answersFieldName = '_answers';
export const showFieldName = '_show';
export const returnFieldName = '_return';

export function carriedFields(state: CarriedState): Record<string, string> {
  return state.returnToResults
    ? { [answersFieldName]: state.answers, [returnFieldName]: 'results' }
    : { [answersFieldName]: state.answers };
}

/**
 * "Back" as a button that posts the answers to the previous page: a plain
 * link would lose them, since they live only in this page.
 */
export function CheckBackButton(props: {
  t: Translator;
  action: string;
  csrfToken: string;
  state: CarriedState;
}) {
  return (
    <form method="post" action={props.action} class="check-back">
      <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
      {Object.entries(carriedFields(props.state)).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={showFieldName} value="1" />
      <button type="submit" class="usa-back-link usa-button--unstyled">
        {props.t.t('check.back')}
      </button>
    </form>
  );
}

export interface CheckQuestionProps {
  t: Translator;
  page: FlowPage;
  answers: FlowAnswers;
  state: CarriedState;
  action: string;
  csrfToken: string;
  /** The previous page's address, or the start page's link on the first question. */
  back: { action: string } | { href: string };
  form?: Record<string, string | string[]> | undefined;
  errors?: readonly FieldError[] | undefined;
  itemCount?: number | undefined;
  /** The rules found the answers on this page inconsistent (a trip back before it left). */
  inconsistent?: boolean;
}

export function CheckQuestionPage(props: CheckQuestionProps) {
  const { t } = props;
  return (
    <>
      {'href' in props.back ? (
        <a class="usa-back-link" href={props.back.href}>
          {t.t('check.back')}
        </a>
      ) : (
        <CheckBackButton
          t={t}
          action={props.back.action}
          csrfToken={props.csrfToken}
          state={props.state}
        />
      )}
      {props.inconsistent ? (
        <div class="usa-alert usa-alert--error check-alert" role="alert">
          <p>{t.t('check.inconsistent')}</p>
        </div>
      ) : null}
      <FlowPageForm
        t={t}
        page={props.page}
        values={props.answers}
        form={props.form}
        errors={props.errors}
        action={props.action}
        csrfToken={props.csrfToken}
        itemCount={props.itemCount}
        hidden={carriedFields(props.state)}
      />
    </>
  );
}
