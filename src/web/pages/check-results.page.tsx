import type { Citation } from '../../engine/citation.ts';
import type { CheckAnswerRow } from '../../flow/flow.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { LegalHelp } from '../../modules/screening/legal-help.repository.ts';
import type {
  ProgramScreening,
  Screening,
  ScreeningReason,
} from '../../modules/screening/screening.service.ts';
import { formatAnswer } from '../components/flow-page.tsx';
import { csrfFieldName } from '../middleware/csrf.ts';
import { type CarriedState, carriedFields, showFieldName } from './check-question.page.tsx';

/** The screener question that supplies an answer, and whether the person can reach it now. */
export interface QuestionRef {
  pageKey: string;
  label: MessageKey;
  visible: boolean;
}

export interface CheckResultsProps {
  t: Translator;
  screening: Screening;
  help: LegalHelp;
  rows: readonly CheckAnswerRow[];
  /** The question asking each answer path, for "what would change" and Change buttons. */
  questionFor: (path: string) => QuestionRef | undefined;
  state: CarriedState;
  csrfToken: string;
}

const outcomeKeys = {
  yes: 'check.outcomeYes',
  no: 'check.outcomeNo',
  maybe: 'check.outcomeMaybe',
} as const satisfies Record<string, MessageKey>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` date in the person's language. */
function formatDate(t: Translator, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return t.formatDate(new Date(Date.UTC(year, month - 1, day)), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

function money(t: Translator, amount: number): string {
  return t.formatNumber(amount, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
}

/** A rule's message with its dates written the person's way. */
function reasonText(
  t: Translator,
  reason: { messageKey: MessageKey; messageValues: Record<string, string | number> },
) {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.messageValues)) {
    values[name] = typeof value === 'string' && isoDate.test(value) ? formatDate(t, value) : value;
  }
  return t.t(reason.messageKey, values);
}

function Citations(props: { t: Translator; citations: readonly Citation[] }) {
  if (props.citations.length === 0) return null;
  return (
    <ul class="check-sources">
      {props.citations.map((citation) => (
        <li>
          <a href={citation.href}>{props.t.t('check.source', { title: citation.title })}</a>
        </li>
      ))}
    </ul>
  );
}

function Reason(props: { t: Translator; reason: ScreeningReason }) {
  const { t, reason } = props;
  const met = reason.met === null ? 'unknown' : String(reason.met);
  return (
    <li class={`check-reason check-reason--${met}`}>
      <strong>{t.t('check.reasonStatus', { met })}: </strong>
      {reasonText(t, reason)}
      <Citations t={t} citations={reason.citations} />
    </li>
  );
}

/** A button that opens the question asking `path`, carrying the answers (posted by the page's form). */
function AskButton(props: { t: Translator; question: QuestionRef; label: string }) {
  const { t, question } = props;
  return (
    <button
      type="submit"
      class="usa-button usa-button--unstyled"
      formaction={localePath(t.locale, `/check/${question.pageKey}`)}
      name={showFieldName}
      value="1"
    >
      {props.label}
    </button>
  );
}

function Changes(props: CheckResultsProps & { result: ProgramScreening }) {
  const { t, result } = props;
  if (result.changes.length === 0) return null;
  return (
    <>
      <h3>{t.t('check.changesTitle')}</h3>
      <ul>
        {result.changes.map((change) => {
          const questions = change.missing
            .map((path) => props.questionFor(path))
            .filter((question): question is QuestionRef => question !== undefined);
          const unasked = change.missing.length > questions.length;
          return (
            <li>
              {reasonText(t, change)}
              {questions.length > 0 || unasked ? (
                <ul>
                  {questions.map((question) => {
                    const label = t.t('check.answerThis', { question: t.t(question.label) });
                    return (
                      <li>
                        {question.visible ? (
                          <AskButton t={t} question={question} label={label} />
                        ) : (
                          label
                        )}
                      </li>
                    );
                  })}
                  {unasked ? <li>{t.t('check.missingOther')}</li> : null}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Facts(props: { t: Translator; result: ProgramScreening }) {
  const { t, result } = props;
  const items: string[] = [];
  if (result.earliestFilingDate) {
    items.push(t.t('check.earliestFilingDate', { date: formatDate(t, result.earliestFilingDate) }));
  }
  const fee = result.fee;
  if (fee) {
    if (fee.amount !== null && fee.option) {
      items.push(
        t.t('check.feeOption', {
          option: fee.option,
          amount: money(t, fee.amount),
          method: fee.filingMethod ?? 'online',
        }),
      );
    } else {
      items.push(t.t('check.feeUnknown'));
    }
    if (fee.fullFee) {
      items.push(
        t.t('check.feeFull', {
          online: money(t, fee.fullFee.online),
          paper: money(t, fee.fullFee.paper),
        }),
      );
    }
  }
  const children = result.derivedCitizenship;
  if (children) {
    items.push(
      children.count === null
        ? t.t('check.childrenUndetermined')
        : t.t('check.childrenCount', { count: children.count }),
    );
  }
  if (result.tps?.dataReviewedOn) {
    items.push(t.t('check.tpsDataReviewed', { date: formatDate(t, result.tps.dataReviewedOn) }));
  }
  if (items.length === 0) return null;
  return (
    <ul class="check-facts">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}

function ProgramCard(props: CheckResultsProps & { result: ProgramScreening }) {
  const { t, result } = props;
  const headingId = `check-${result.program}`;
  const status = result.reasons.find((reason) => reason.rule === 'designation-status');
  const mainReasons = result.reasons.filter((reason) => !reason.informational);
  const notes = result.reasons.filter((reason) => reason.informational);
  return (
    <section class={`check-result check-result--${result.outcome}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.t(result.title)}</h2>
      <p class="check-outcome">
        {t.t('check.outcomeLabel', { outcome: t.t(outcomeKeys[result.outcome]) })}
      </p>
      {result.tps && status ? (
        <div class="usa-summary-box">
          <h3 class="usa-summary-box__heading">
            {t.t('check.tpsTitle', { date: formatDate(t, props.screening.asOf) })}
          </h3>
          <p>{reasonText(t, status)}</p>
        </div>
      ) : null}
      <Facts t={t} result={result} />
      <h3>{t.t('check.nextTitle')}</h3>
      <ul>
        {result.nextSteps.map((step) => (
          <li>{t.t(step)}</li>
        ))}
        {result.outcome !== 'yes' ? (
          <li>
            <a href="#legal-help">{t.t('check.helpTitle')}</a>
          </li>
        ) : null}
      </ul>
      {result.applyPath && result.outcome !== 'no' ? (
        <a class="usa-button" href={localePath(t.locale, result.applyPath)}>
          {t.t('check.applyButton')}
          <span class="usa-sr-only"> {t.t('check.applyFor', { program: t.t(result.title) })}</span>
        </a>
      ) : null}
      <Changes {...props} />
      <h3>{t.t('check.reasonsTitle')}</h3>
      <ul class="check-reasons">
        {[...mainReasons, ...notes].map((reason) => (
          <Reason t={t} reason={reason} />
        ))}
      </ul>
    </section>
  );
}

function HelpSection(props: { t: Translator; help: LegalHelp }) {
  const { t, help } = props;
  return (
    <section id="legal-help" class="usa-summary-box" aria-labelledby="legal-help-heading">
      <h2 id="legal-help-heading" class="usa-summary-box__heading">
        {t.t('check.helpTitle')}
      </h2>
      <p>{t.t('check.helpLead')}</p>
      <ul>
        {help.providers.map((provider) => (
          <li>
            <strong>{t.t(provider.name)}</strong>
            <p>{t.t(provider.body)}</p>
            {provider.phone ? (
              <p>
                <a href={`tel:+1${provider.phone.replace(/^1-/, '').replace(/-/g, '')}`}>
                  {t.t('check.helpCall', { phone: provider.phone })}
                </a>
              </p>
            ) : null}
            <p>
              <a href={provider.href}>{t.t('check.helpWebsite', { name: t.t(provider.name) })}</a>
            </p>
          </li>
        ))}
      </ul>
      <p>{t.t('check.helpReviewed', { date: formatDate(t, help.reviewedOn) })}</p>
      <h3>{t.t('check.helpSources')}</h3>
      <Citations t={t} citations={help.providers.flatMap((provider) => provider.references)} />
    </section>
  );
}

/**
 * Every program's answer on one page, inside one form that carries the
 * answers, so that each "Change" and "Answer" button can post them to the
 * question it opens (nothing is stored on the server).
 */
export function CheckResultsPage(props: CheckResultsProps) {
  const { t, screening } = props;
  const laws = screening.results.filter((result) => result.kind !== 'proposal');
  const proposals = screening.results.filter((result) => result.kind === 'proposal');
  return (
    <form method="post" action={localePath(t.locale, '/check/results')} class="check-results">
      <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
      {/* A question opened from here comes back here once answered. */}
      {Object.entries(carriedFields({ ...props.state, returnToResults: true })).map(
        ([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ),
      )}
      <h1>{t.t('check.resultsTitle')}</h1>
      <p class="usa-intro">{t.t('check.resultsLead', { date: formatDate(t, screening.asOf) })}</p>
      <p>{t.t('check.resultsStored')}</p>
      {laws.map((result) => (
        <ProgramCard {...props} result={result} />
      ))}
      <HelpSection t={t} help={props.help} />
      {proposals.length > 0 ? (
        <section aria-labelledby="check-proposals">
          <h2 id="check-proposals">{t.t('check.proposalsTitle')}</h2>
          <p>{t.t('check.proposalsLead')}</p>
          {proposals.map((result) => (
            <ProgramCard {...props} result={result} />
          ))}
        </section>
      ) : null}
      <h2>{t.t('check.answersTitle')}</h2>
      <p>{t.t('check.answersLead')}</p>
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
                <button
                  type="submit"
                  class="usa-button usa-button--unstyled"
                  formaction={localePath(t.locale, `/check/${row.pageKey}`)}
                  name={showFieldName}
                  value="1"
                >
                  {t.t('check.change')}
                  <span class="usa-sr-only"> {question}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      <p>
        <a href={localePath(t.locale, '/check')}>{t.t('check.startAgain')}</a>
      </p>
    </form>
  );
}
