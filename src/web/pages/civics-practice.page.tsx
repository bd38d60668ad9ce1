import type { Translator } from '../../i18n/translator.ts';
import type { BankStatus, ShownQuestion } from '../../modules/civics/civics.service.ts';
import type { SessionState, TestFormat } from '../../modules/civics/civics-session.ts';
import { CivicsAnswers, CivicsBankNote, type ShowText } from './civics-answers.tsx';

export interface CivicsPracticeProps {
  t: Translator;
  state: SessionState;
  format: TestFormat;
  question: ShownQuestion;
  status: BankStatus;
  /** The session as hidden fields: the next request carries all of it. */
  fields: Record<string, string>;
  action: string;
  scriptHref: string;
  show: ShowText;
  formatDay: (day: number) => string;
  today: number;
}

/**
 * One question. The person answers out loud or in the text box (which has no
 * name, so it is never sent), opens "Show the answer" (a details element:
 * no script, no round trip on a slow connection) and marks themselves.
 */
export function CivicsPracticePage(props: CivicsPracticeProps) {
  const { t, state, format, question, show } = props;
  const lang = question.language === t.locale ? undefined : question.language;
  return (
    <div class="civics" data-listen-label={t.t('civics.listen')}>
      <p class="civics-progress">
        {t.t('civics.questionHeading', { current: state.index + 1, asked: format.asked })}
      </p>
      <p>{t.t('civics.score', { right: state.right, wrong: state.wrong, pass: format.pass })}</p>
      <CivicsBankNote t={t} status={props.status} />
      <h1 class="civics-question" lang={lang} data-speak="">
        {show(question.text)}
      </h1>
      {question.english ? (
        <p class="civics-english">
          {t.t('civics.inEnglish')}: <span lang="en">{show(question.english.text)}</span>
        </p>
      ) : null}
      <label for="civics-answer" class="civics-label">
        {t.t('civics.yourAnswer')}
      </label>
      <textarea id="civics-answer" class="civics-textarea" rows={3}></textarea>
      <details class="civics-reveal">
        <summary class="civics-button">{t.t('civics.showAnswer')}</summary>
        <CivicsAnswers
          t={t}
          question={question}
          show={show}
          formatDay={props.formatDay}
          today={props.today}
          speak={true}
        />
        <form method="get" action={props.action}>
          {Object.entries(props.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <fieldset class="civics-fieldset">
            <legend>{t.t('civics.markPrompt')}</legend>
            <button type="submit" name="result" value="right" class="civics-button">
              {t.t('civics.gotRight')}
            </button>{' '}
            <button
              type="submit"
              name="result"
              value="wrong"
              class="civics-button civics-button--secondary"
            >
              {t.t('civics.gotWrong')}
            </button>
          </fieldset>
        </form>
      </details>
      <script src={props.scriptHref} defer></script>
    </div>
  );
}
