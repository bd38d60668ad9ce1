import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';

/** The confirmation a bulk action needs, stating how many cases it touches (issue 6, item 4). */
export function CaseworkBulkConfirmPage(props: {
  t: Translator;
  kind: 'assign' | 'approve' | 'request_info';
  caseIds: readonly string[];
  message: string;
  dueOn: string;
  action: string;
  cancelHref: string;
  csrfToken: string;
}) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('casework.bulkConfirmTitle')}</h1>
      <p>
        {t.t(`casework.bulkConfirm_${props.kind}` as MessageKey, { count: props.caseIds.length })}
      </p>
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="kind" value={props.kind} />
        <input type="hidden" name="confirm" value="yes" />
        <input type="hidden" name="message" value={props.message} />
        <input type="hidden" name="dueOn" value={props.dueOn} />
        {props.caseIds.map((id) => (
          <input type="hidden" name="case" value={id} />
        ))}
        <button type="submit" class="usa-button">
          {t.t('casework.bulkConfirmButton')}
        </button>{' '}
        <a href={localePath(t.locale, props.cancelHref)}>{t.t('casework.bulkCancel')}</a>
      </form>
    </>
  );
}
