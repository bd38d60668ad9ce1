import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { DecisionOutcome } from '../../modules/casework/case-state-machine.ts';
import { programTitle } from './program-title.ts';

/** The decision letter, in the applicant's language (issue 6, item 5); printable. */
export function CaseworkLetterPage(props: {
  t: Translator;
  reference: string;
  program: string;
  outcome: DecisionOutcome;
  name: string;
  reasons: readonly { rule: string; message: string; citation: string }[];
  text: string | null;
  decidedAt: Date;
  organisation: string;
}) {
  const { t } = props;
  return (
    <article class="belong-letter" lang={t.locale} dir={t.dir}>
      <h1>{t.t('casework.letterTitle')}</h1>
      <p translate="no">{t.t('casework.letterReference', { reference: props.reference })}</p>
      <p>
        {t.t('casework.letterDate', {
          date: t.formatDate(props.decidedAt, { year: 'numeric', month: 'long', day: 'numeric' }),
        })}
      </p>
      <p>{t.t('casework.letterGreeting', { name: props.name })}</p>
      <p>
        {t.t(`casework.letter_${props.outcome}` as MessageKey, {
          program: t.t(programTitle(props.program)),
        })}
      </p>
      {props.reasons.length > 0 || props.text ? (
        <>
          <h2>{t.t('casework.letterReasonsTitle')}</h2>
          <ul>
            {props.reasons.map((reason) => (
              <li>
                {reason.message} <small>({reason.citation})</small>
              </li>
            ))}
          </ul>
          {props.text ? <p>{props.text}</p> : null}
        </>
      ) : null}
      <p>{t.t('casework.letterHelp')}</p>
      <p>{t.t('casework.letterSignature', { organisation: props.organisation })}</p>
    </article>
  );
}
