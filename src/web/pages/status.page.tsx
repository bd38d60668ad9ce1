import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { CaseStatusRow } from '../../modules/applications/cases.repository.ts';
import { programTitle } from './program-title.ts';

/**
 * A case's status, opened by its reference and claim code: where it is and
 * when a decision is due — nothing personal (issue 5, item 5).
 */
export function StatusResultPage(props: { t: Translator; status: CaseStatusRow }) {
  const { t, status } = props;
  const day = (value: Date | string) =>
    t.formatDate(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: typeof value === 'string' ? 'UTC' : 'America/Los_Angeles',
    });
  return (
    <>
      <h1>{t.t('apply.statusResultTitle', { reference: status.reference })}</h1>
      <dl class="usa-summary-list">
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('apply.statusProgram')}</dt>
          <dd class="usa-summary-list__value">{t.t(programTitle(status.program))}</dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('apply.statusNow')}</dt>
          <dd class="usa-summary-list__value">
            <strong>{t.t(`apply.status_${status.status}` as MessageKey)}</strong>
          </dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('apply.statusSubmitted')}</dt>
          <dd class="usa-summary-list__value">{day(status.submittedAt)}</dd>
        </div>
        {status.decidedAt ? (
          <div class="usa-summary-list__row">
            <dt class="usa-summary-list__key">{t.t('apply.statusDecided')}</dt>
            <dd class="usa-summary-list__value">{day(status.decidedAt)}</dd>
          </div>
        ) : (
          <div class="usa-summary-list__row">
            <dt class="usa-summary-list__key">{t.t('apply.statusDue')}</dt>
            <dd class="usa-summary-list__value">{day(status.decisionDueOn)}</dd>
          </div>
        )}
      </dl>
      {status.infoRequests.length === 0 ? (
        <p>{t.t('apply.statusNoRequests')}</p>
      ) : (
        <section class="usa-alert usa-alert--warning" aria-labelledby="status-requests-heading">
          <h2 id="status-requests-heading" class="usa-alert__heading">
            {t.t('apply.statusRequestsTitle')}
          </h2>
          {status.infoRequests.map((request) => (
            <div class="usa-alert__body">
              <p class="usa-alert__text">{request.message}</p>
              <p>{t.t('apply.statusRequestDue', { date: day(request.dueOn) })}</p>
            </div>
          ))}
          <p>{t.t('apply.statusRequestHow')}</p>
        </section>
      )}
    </>
  );
}
