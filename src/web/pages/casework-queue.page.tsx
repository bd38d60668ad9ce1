import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { QueueRow } from '../../modules/casework/casework.service.ts';
import { programTitle } from './program-title.ts';

/** A queue with a clock (issue 6, item 4): age, due date, why each case waits. */
export function CaseworkQueuePage(props: {
  t: Translator;
  organisation: { id: string; name: string };
  organisations: { id: string; name: string }[];
  programs: readonly string[];
  program: string | undefined;
  rows: readonly QueueRow[];
  /** Names of the organisation's staff, by id: who has each case. */
  staffNames: ReadonlyMap<string, string>;
  csrfToken: string;
  canClaim: boolean;
  canExport: boolean;
  canExportPersonal: boolean;
  nothingToClaim: boolean;
  bulk: { assign: boolean; approve: boolean; requestInfo: boolean };
  /** The outcome of a bulk action just taken. */
  bulkResult?: { done: number; skipped: number } | undefined;
  bulkNoneSelected?: boolean;
}) {
  const { t, organisation } = props;
  const path = (rest: string) => localePath(t.locale, rest);
  const day = (iso: string) =>
    t.formatDate(new Date(`${iso}T12:00:00Z`), {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
  const query = `organisation=${organisation.id}${props.program ? `&program=${props.program}` : ''}`;
  const anyBulk = props.bulk.assign || props.bulk.approve || props.bulk.requestInfo;
  return (
    <>
      <h1>{t.t('casework.queueTitle')}</h1>
      <p>{t.t('casework.queueLead', { organisation: organisation.name })}</p>
      <form method="get" action={path('/staff/queue')} class="usa-form">
        <label class="usa-label" for="queue-organisation">
          {t.t('casework.queueOrganisation')}
        </label>
        <select class="usa-select" id="queue-organisation" name="organisation">
          {props.organisations.map((candidate) => (
            <option value={candidate.id} selected={candidate.id === organisation.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <label class="usa-label" for="queue-program">
          {t.t('casework.queueProgram')}
        </label>
        <select class="usa-select" id="queue-program" name="program">
          <option value="">{t.t('casework.queueAllPrograms')}</option>
          {props.programs.map((program) => (
            <option value={program} selected={program === props.program}>
              {t.t(programTitle(program))}
            </option>
          ))}
        </select>
        <button type="submit" class="usa-button usa-button--outline">
          {t.t('casework.queueFilter')}
        </button>
      </form>
      {props.canClaim ? (
        <form method="post" action={path(`/staff/queue/claim?${query}`)}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit" class="usa-button">
            {t.t('casework.claimNext')}
          </button>
          {props.nothingToClaim ? <p role="status">{t.t('casework.claimNothing')}</p> : null}
        </form>
      ) : null}
      {props.bulkResult ? (
        <p role="status" class="usa-alert usa-alert--info">
          {t.t('casework.bulkDone', props.bulkResult)}
        </p>
      ) : null}
      {props.bulkNoneSelected ? <p role="alert">{t.t('casework.bulkNoneSelected')}</p> : null}
      {props.rows.length === 0 ? (
        <p>{t.t('casework.queueEmpty')}</p>
      ) : (
        <form method="post" action={path(`/staff/queue/bulk?${query}`)}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <table class="usa-table usa-table--borderless belong-queue">
            <thead>
              <tr>
                {anyBulk ? <td /> : null}
                <th scope="col">{t.t('casework.queueReference')}</th>
                <th scope="col">{t.t('casework.queueProgram')}</th>
                <th scope="col">{t.t('casework.queueStatus')}</th>
                <th scope="col">{t.t('casework.queueAge')}</th>
                <th scope="col">{t.t('casework.queueDue')}</th>
                <th scope="col">{t.t('casework.queueWaitingFor')}</th>
                <th scope="col">{t.t('casework.queueAssignedTo')}</th>
                <th scope="col">{t.t('casework.queueScreened')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  {anyBulk ? (
                    <td>
                      <input
                        type="checkbox"
                        name="case"
                        value={row.caseId}
                        id={`select-${row.caseId}`}
                        aria-label={t.t('casework.bulkSelect', { reference: row.reference })}
                      />
                    </td>
                  ) : null}
                  <th scope="row">
                    <a href={path(`/staff/cases/${row.caseId}`)} translate="no">
                      {row.reference}
                    </a>
                  </th>
                  <td>{t.t(programTitle(row.program))}</td>
                  <td>{t.t(`apply.status_${row.status}` as MessageKey)}</td>
                  <td>{t.t('casework.queueAgeDays', { days: row.ageDays })}</td>
                  <td>
                    {day(row.decisionDueOn)}
                    {row.overdue ? <strong> {t.t('casework.queueOverdue')}</strong> : null}
                  </td>
                  <td>{t.t(`casework.waiting_${row.waitingFor}` as MessageKey)}</td>
                  <td>
                    {row.assignedTo
                      ? (props.staffNames.get(row.assignedTo) ?? '–')
                      : t.t('casework.unassigned')}
                  </td>
                  <td>
                    {row.screeningOutcome
                      ? t.t(`apply.outcome_${row.screeningOutcome}` as MessageKey)
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {anyBulk ? (
            <fieldset class="usa-fieldset">
              <legend class="usa-legend">{t.t('casework.bulkTitle')}</legend>
              {props.bulk.assign ? (
                <button
                  type="submit"
                  name="kind"
                  value="assign"
                  class="usa-button usa-button--outline"
                >
                  {t.t('casework.bulkAssignMe')}
                </button>
              ) : null}
              {props.bulk.approve ? (
                <button
                  type="submit"
                  name="kind"
                  value="approve"
                  class="usa-button usa-button--outline"
                >
                  {t.t('casework.bulkApprove')}
                </button>
              ) : null}
              {props.bulk.requestInfo ? (
                <>
                  <label class="usa-label" for="bulk-message">
                    {t.t('casework.requestMessage')}
                  </label>
                  <textarea
                    class="usa-textarea"
                    id="bulk-message"
                    name="message"
                    maxlength={2000}
                  />
                  <label class="usa-label" for="bulk-due">
                    {t.t('casework.requestDue')}
                  </label>
                  <input class="usa-input" type="date" id="bulk-due" name="dueOn" />
                  <button
                    type="submit"
                    name="kind"
                    value="request_info"
                    class="usa-button usa-button--outline"
                  >
                    {t.t('casework.bulkRequest')}
                  </button>
                </>
              ) : null}
            </fieldset>
          ) : null}
        </form>
      )}
      {props.canExport ? (
        <section aria-labelledby="export-heading">
          <h2 id="export-heading">{t.t('casework.exportTitle')}</h2>
          <p>
            <a href={path(`/staff/export.csv?${query}`)}>{t.t('casework.exportPlain')}</a>
          </p>
          {props.canExportPersonal ? (
            <p>
              <a href={path(`/staff/export.csv?${query}&personal=1`)}>
                {t.t('casework.exportPersonal')}
              </a>
            </p>
          ) : null}
          <p>{t.t('casework.exportPersonalNote')}</p>
        </section>
      ) : null}
    </>
  );
}
