import type { Translator } from '../../i18n/translator.ts';
import type { ApplicationSummary } from '../apply-summary.ts';

/**
 * The summary a navigator reviews with the applicant: made to be printed
 * (site.css, "apply summary: print"), with the same content as a PDF.
 */
export function ApplySummaryPage(props: {
  t: Translator;
  summary: ApplicationSummary;
  pdfHref: string;
  backHref: string;
}) {
  const { t, summary } = props;
  return (
    <div class="belong-summary">
      <a class="usa-back-link" href={props.backHref}>
        {t.t('apply.backToApplication')}
      </a>
      <h1>{t.t('documents.title')}</h1>
      <p>{t.t('documents.lead')}</p>
      <p class="belong-screen-only">
        {t.t('documents.printHint')} <a href={props.pdfHref}>{t.t('documents.pdfLink')}</a>
      </p>
      <dl class="usa-summary-list">
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('documents.programLabel')}</dt>
          <dd class="usa-summary-list__value">{summary.program}</dd>
        </div>
        <div class="usa-summary-list__row">
          <dt class="usa-summary-list__key">{t.t('documents.referenceLabel')}</dt>
          {summary.reference ? (
            <dd class="usa-summary-list__value belong-code" translate="no">
              {summary.reference}
            </dd>
          ) : (
            <dd class="usa-summary-list__value">{t.t('documents.notSent')}</dd>
          )}
        </div>
      </dl>
      <h2>{t.t('documents.documentsTitle')}</h2>
      {summary.documents.length === 0 ? (
        <p>{t.t('documents.none')}</p>
      ) : (
        <>
          <p>{t.t('documents.documentsLead')}</p>
          <ul class="belong-checklist">
            {summary.documents.map((item) => (
              <li>
                <strong>{item.label}</strong>
                {item.hint ? <span class="usa-hint">{item.hint}</span> : null}
                <small>{t.t('documents.source', { source: item.source })}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t.t('documents.answersTitle')}</h2>
      {summary.groups.map((group) => (
        <section class="belong-summary__group">
          <h3>{group.title}</h3>
          <dl class="usa-summary-list">
            {group.rows.map((row) => (
              <div class="usa-summary-list__row">
                <dt class="usa-summary-list__key">{row.question}</dt>
                <dd class="usa-summary-list__value">{row.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p>
        <small>{t.t('documents.madeOn', { date: summary.madeOn })}</small>
      </p>
    </div>
  );
}
