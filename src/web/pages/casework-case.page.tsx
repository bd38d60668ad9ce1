import type { CheckAnswerRow } from '../../flow/flow.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { CaseDetail } from '../../modules/casework/casework.service.ts';
import type { EvaluationJson } from '../../modules/rules/evaluation-json.ts';
import { formatAnswer } from '../components/flow-page.tsx';
import { programTitle } from './program-title.ts';

export interface CaseActions {
  requestInfo: boolean;
  received: boolean;
  decide: boolean;
  note: boolean;
  advance: readonly ('awarded' | 'paid' | 'closed')[];
  /** Clinic mode can start for this case (it is at no station yet). */
  clinic: boolean;
  /** Colleagues the case can be assigned to, when the role may assign. */
  assign: readonly { staffId: string; displayName: string }[] | null;
}

function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/**
 * The review screen (issue 6, item 5): answers grouped as the applicant saw
 * them, the rules' reasons with citations, flags, the history, and the
 * actions the staff member's role allows.
 */
export function CaseworkCasePage(props: {
  t: Translator;
  detail: CaseDetail;
  rows: readonly CheckAnswerRow[] | null;
  evaluation: EvaluationJson | null;
  actions: CaseActions;
  /** Who has the case, by name; null when nobody does. */
  assignee: string | null;
  csrfToken: string;
  today: string;
}) {
  const { t, detail, actions } = props;
  const base = localePath(t.locale, `/staff/cases/${detail.caseId}`);
  const day = (value: Date | string) =>
    t.formatDate(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
  const openRequests = detail.infoRequests.filter((request) => request.answeredAt === null);
  const reasons = props.evaluation?.reasons ?? [];
  // A rule the facts known cannot settle either way (a rebuttable
  // presumption, such as a trip of six months to a year for continuous
  // residence, 8 CFR 316.5(c)(1)(i)): a person must weigh the evidence.
  const judgements = reasons.filter((reason) => reason.met === null);
  return (
    <>
      <h1 translate="no">{t.t('casework.caseTitle', { reference: detail.reference })}</h1>
      <dl class="usa-summary-list">
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('casework.caseProgram')}</dt>
          <dd class="usa-summary-list__value">{t.t(programTitle(detail.program))}</dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('casework.caseStatus')}</dt>
          <dd class="usa-summary-list__value">
            {t.t(`apply.status_${detail.status}` as MessageKey)}
            {detail.outcome ? ` (${t.t(`casework.outcome_${detail.outcome}` as MessageKey)})` : ''}
          </dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('casework.caseSubmitted')}</dt>
          <dd class="usa-summary-list__value">{day(detail.submittedAt)}</dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('casework.caseDue')}</dt>
          <dd class="usa-summary-list__value">{day(detail.decisionDueOn)}</dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('casework.queueAssignedTo')}</dt>
          <dd class="usa-summary-list__value">{props.assignee ?? t.t('casework.unassigned')}</dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('casework.caseLanguage')}</dt>
          <dd class="usa-summary-list__value">{detail.language}</dd>
        </div>
      </dl>

      <h2>{t.t('casework.caseFlagsTitle')}</h2>
      <ul>
        {detail.possibleDuplicates.length > 0 ? (
          <li>
            {t.t('casework.flagDuplicate', { references: detail.possibleDuplicates.join(', ') })}
          </li>
        ) : null}
        {props.evaluation && props.evaluation.missing.length > 0 ? (
          <li>{t.t('casework.flagMissing', { facts: props.evaluation.missing.join(', ') })}</li>
        ) : null}
        {judgements.map((reason) => (
          <li>
            {t.t('casework.flagJudgement', { reason: reason.message, citation: reason.citation })}
          </li>
        ))}
        {detail.possibleDuplicates.length === 0 &&
        (props.evaluation?.missing.length ?? 0) === 0 &&
        judgements.length === 0 ? (
          <li>{t.t('casework.flagNone')}</li>
        ) : null}
      </ul>

      <h2>{t.t('casework.caseReasonsTitle')}</h2>
      {props.evaluation ? (
        <ul class="belong-reasons">
          {reasons.map((reason) => (
            <li>
              <strong>
                {reason.met === true
                  ? t.t('casework.caseReasonMet')
                  : reason.met === false
                    ? t.t('casework.caseReasonNotMet')
                    : t.t('casework.caseReasonUnknown')}
                :
              </strong>{' '}
              {reason.message} <small>({reason.citation})</small>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.t('casework.caseAnswersHidden')}</p>
      )}

      <h2>{t.t('casework.caseAnswersTitle')}</h2>
      {props.rows ? (
        <dl class="usa-summary-list">
          {props.rows.map((row) => (
            <div class="usa-summary-list__row">
              <dt class="usa-summary-list__key">{t.t(row.label)}</dt>
              <dd class="usa-summary-list__value">{formatAnswer(t, row)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t.t('casework.caseAnswersHidden')}</p>
      )}

      {openRequests.length > 0 ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{t.t('casework.requestsOpenTitle')}</h2>
          <ul>
            {openRequests.map((request) => (
              <li>
                {request.message ?? ''} — {day(request.dueOn)}
              </li>
            ))}
          </ul>
          {actions.received ? (
            <form method="post" action={`${base}/received`}>
              <Csrf token={props.csrfToken} />
              <button type="submit" class="usa-button usa-button--outline">
                {t.t('casework.receivedButton')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {actions.requestInfo ? (
        <form method="post" action={`${base}/request-info`} class="usa-form">
          <Csrf token={props.csrfToken} />
          <h2>{t.t('casework.requestTitle')}</h2>
          <label class="usa-label" for="request-message">
            {t.t('casework.requestMessage')}
          </label>
          <div class="usa-hint" id="request-message-hint">
            {t.t('casework.requestMessageHint')}
          </div>
          <textarea
            class="usa-textarea"
            id="request-message"
            name="message"
            maxlength={2000}
            required
            aria-describedby="request-message-hint"
          />
          <label class="usa-label" for="request-due">
            {t.t('casework.requestDue')}
          </label>
          <input
            class="usa-input"
            type="date"
            id="request-due"
            name="dueOn"
            min={props.today}
            required
          />
          <button type="submit" class="usa-button">
            {t.t('casework.requestButton')}
          </button>
        </form>
      ) : null}

      {actions.decide ? (
        <form method="post" action={`${base}/decide`} class="usa-form">
          <Csrf token={props.csrfToken} />
          <h2>{t.t('casework.decideTitle')}</h2>
          <fieldset class="usa-fieldset">
            <legend class="usa-legend">{t.t('casework.decideOutcome')}</legend>
            {(['approved', 'denied', 'withdrawn'] as const).map((outcome) => (
              <div class="usa-radio">
                <input
                  class="usa-radio__input"
                  type="radio"
                  id={`outcome-${outcome}`}
                  name="outcome"
                  value={outcome}
                  required
                />
                <label class="usa-radio__label" for={`outcome-${outcome}`}>
                  {t.t(`casework.outcome_${outcome}` as MessageKey)}
                </label>
              </div>
            ))}
          </fieldset>
          {reasons.length > 0 ? (
            <fieldset class="usa-fieldset">
              <legend class="usa-legend">{t.t('casework.decideReasons')}</legend>
              {reasons.map((reason, index) => (
                <div class="usa-checkbox">
                  <input
                    class="usa-checkbox__input"
                    type="checkbox"
                    id={`reason-${index}`}
                    name="reasons"
                    value={reason.rule}
                  />
                  <label class="usa-checkbox__label" for={`reason-${index}`}>
                    {reason.message}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <label class="usa-label" for="decision-text">
            {t.t('casework.decideText')}
          </label>
          <div class="usa-hint" id="decision-text-hint">
            {t.t('casework.decideTextHint')}
          </div>
          <textarea
            class="usa-textarea"
            id="decision-text"
            name="text"
            maxlength={2000}
            aria-describedby="decision-text-hint"
          />
          <button type="submit" class="usa-button">
            {t.t('casework.decideButton')}
          </button>
        </form>
      ) : null}

      {actions.advance.length > 0 ? (
        <section aria-labelledby="advance-heading">
          <h2 id="advance-heading">{t.t('casework.advanceTitle')}</h2>
          {actions.advance.map((to) => (
            <form method="post" action={`${base}/advance`}>
              <Csrf token={props.csrfToken} />
              <input type="hidden" name="to" value={to} />
              <button type="submit" class="usa-button usa-button--outline">
                {t.t(`casework.advance_${to}` as MessageKey)}
              </button>
            </form>
          ))}
        </section>
      ) : null}

      {detail.outcome ? (
        <p>
          <a class="usa-button usa-button--outline" href={`${base}/letter`}>
            {t.t('casework.letterLink')}
          </a>
        </p>
      ) : null}

      {actions.assign && actions.assign.length > 0 ? (
        <form method="post" action={`${base}/assign`} class="usa-form">
          <Csrf token={props.csrfToken} />
          <h2>{t.t('casework.assignTitle')}</h2>
          <label class="usa-label" for="assign-to">
            {t.t('casework.assignLabel')}
          </label>
          <select class="usa-select" id="assign-to" name="assignee">
            {actions.assign.map((colleague) => (
              <option value={colleague.staffId} selected={colleague.staffId === detail.assignedTo}>
                {colleague.displayName}
              </option>
            ))}
          </select>
          <button type="submit" class="usa-button usa-button--outline">
            {t.t('casework.assignButton')}
          </button>
        </form>
      ) : null}

      {actions.clinic ? (
        <form method="post" action={`${base}/station`}>
          <Csrf token={props.csrfToken} />
          <input type="hidden" name="station" value="screening" />
          <input type="hidden" name="return" value="clinic" />
          <button type="submit" class="usa-button usa-button--outline">
            {t.t('casework.clinicStart')}
          </button>
        </form>
      ) : null}

      {actions.note ? (
        <form method="post" action={`${base}/note`} class="usa-form">
          <Csrf token={props.csrfToken} />
          <h2>{t.t('casework.noteTitle')}</h2>
          <label class="usa-label" for="note-text">
            {t.t('casework.noteText')}
          </label>
          <div class="usa-hint" id="note-text-hint">
            {t.t('casework.noteHint')}
          </div>
          <textarea
            class="usa-textarea"
            id="note-text"
            name="text"
            maxlength={2000}
            required
            aria-describedby="note-text-hint"
          />
          <button type="submit" class="usa-button usa-button--outline">
            {t.t('casework.noteButton')}
          </button>
        </form>
      ) : null}

      <h2>{t.t('casework.caseHistoryTitle')}</h2>
      <ol>
        {detail.events.map((event) => (
          <li>
            {day(event.at)}:{' '}
            {event.kind === 'transition'
              ? t.t('casework.event_transition', {
                  from: t.t(`apply.status_${event.from}` as MessageKey),
                  to: t.t(`apply.status_${event.to}` as MessageKey),
                })
              : event.kind === 'decision'
                ? t.t('casework.event_decision', {
                    outcome: t.t(`casework.outcome_${event.to}` as MessageKey),
                  })
                : event.kind === 'station'
                  ? t.t('casework.event_station', {
                      station: t.t(`casework.station_${event.to}` as MessageKey),
                    })
                  : t.t(`casework.event_${event.kind}` as MessageKey)}
            {event.text ? ` — ${event.text}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
