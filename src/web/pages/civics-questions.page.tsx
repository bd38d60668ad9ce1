import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { BankStatus, ShownQuestion } from '../../modules/civics/civics.service.ts';
import { CivicsAnswers, CivicsBankNote, type ShowText } from './civics-answers.tsx';

/** Every question of a test with its answers, to study from (and to print). */
export function CivicsQuestionsPage(props: {
  t: Translator;
  version: string;
  questions: ShownQuestion[];
  status: BankStatus;
  show: ShowText;
  formatDay: (day: number) => string;
  today: number;
}) {
  const { t, show } = props;
  return (
    <div class="civics">
      <h1>{t.t('civics.questionsTitle', { version: props.version })}</h1>
      <CivicsBankNote t={t} status={props.status} />
      <ol class="civics-list">
        {props.questions.map((question) => (
          <li value={question.number}>
            <h2
              class="civics-list__question"
              lang={question.language === t.locale ? undefined : question.language}
            >
              {show(question.text)}
            </h2>
            {question.senior ? <p class="civics-tag">{t.t('civics.seniorMark')}</p> : null}
            <CivicsAnswers
              t={t}
              question={question}
              show={show}
              formatDay={props.formatDay}
              today={props.today}
            />
          </li>
        ))}
      </ol>
      <p>
        <a href={localePath(t.locale, '/civics')}>{t.t('civics.backToStart')}</a>
      </p>
    </div>
  );
}
