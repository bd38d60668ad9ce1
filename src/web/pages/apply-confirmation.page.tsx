import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { Receipt } from '../../modules/applications/applications.service.ts';

/** The receipt: reference and claim code (printable), what happens next and when. */
export function ApplyConfirmationPage(props: { t: Translator; receipt: Receipt }) {
  const { t, receipt } = props;
  const due = new Date(`${receipt.decisionDueOn}T12:00:00Z`);
  return (
    <>
      <div class="usa-alert usa-alert--success">
        <h1 class="usa-alert__heading">{t.t('apply.confirmationTitle')}</h1>
      </div>
      <dl class="usa-summary-list">
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('apply.confirmationReference')}</dt>
          <dd class="usa-summary-list__value belong-code" translate="no">
            {receipt.reference}
          </dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('apply.confirmationClaimCode')}</dt>
          <dd class="usa-summary-list__value belong-code" translate="no">
            {receipt.claimCode}
          </dd>
        </div>
      </dl>
      <p>{t.t('apply.confirmationKeep')}</p>
      <p>{t.t('apply.confirmationPrint')}</p>
      <p>
        <a href={localePath(t.locale, `/apply/${receipt.program}/summary`)}>
          {t.t('apply.summaryLink')}
        </a>
      </p>
      <h2>{t.t('apply.confirmationNextTitle')}</h2>
      <p>{t.t('apply.confirmationNext')}</p>
      <p>
        {t.t('apply.confirmationDue', {
          date: t.formatDate(due, {
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            timeZone: 'UTC',
          }),
        })}
      </p>
      {receipt.screeningOutcome ? (
        <p>
          {t.t('apply.confirmationScreened', {
            outcome: t.t(`apply.outcome_${receipt.screeningOutcome}` as MessageKey),
          })}
        </p>
      ) : null}
      <p>
        <a href={localePath(t.locale, '/status')}>{t.t('apply.confirmationStatusLink')}</a>
      </p>
    </>
  );
}
