import type { Translator } from '../../i18n/translator.ts';
import type { ShownQuestion } from '../../modules/civics/civics.service.ts';

/** Text from a question bank or office-holders.yaml, as the page shows it. */
export type ShowText = (text: string) => string;

/**
 * The accepted answers to one question: the bank's list, or the dated answer
 * for a question about who holds office or about the state, with the date it
 * holds from and a link to check it, since it changes after an election.
 */
export function CivicsAnswers(props: {
  t: Translator;
  question: ShownQuestion;
  show: ShowText;
  formatDay: (day: number) => string;
  /** The day the answer is given for: office holders change. */
  today: number;
  speak?: boolean;
}) {
  const { t, question, show } = props;
  const lang = question.language === t.locale ? undefined : question.language;
  const speak = props.speak ? { 'data-speak': '' } : {};
  const office = question.office;
  if (!office) {
    return (
      <>
        <p>{t.t('civics.acceptedAnswers')}</p>
        <ul class="civics-answers" lang={lang} {...speak}>
          {question.answers.map((answer) => (
            <li>{show(answer)}</li>
          ))}
        </ul>
        {question.english ? (
          <details class="civics-english">
            <summary>{t.t('civics.inEnglish')}</summary>
            <ul lang="en">
              {question.english.answers.map((answer) => (
                <li>{show(answer)}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </>
    );
  }
  const answer = office.answer;
  const check = (
    <p>
      <a href={office.href}>
        {t.t(answer.kind === 'varies' ? 'civics.representativeLink' : 'civics.officeCheck')}
      </a>
    </p>
  );
  if (answer.kind === 'unknown') {
    return (
      <>
        <p>{t.t('civics.officeUnknown')}</p>
        {check}
      </>
    );
  }
  if (answer.kind === 'varies') {
    return (
      <>
        <p>{t.t('civics.representativeVaries')}</p>
        {check}
      </>
    );
  }
  const items =
    answer.kind === 'names'
      ? answer.names.map(show)
      : answer.kind === 'party'
        ? [t.t(answer.party === 'republican' ? 'civics.partyRepublican' : 'civics.partyDemocratic')]
        : [t.formatNumber(answer.value)];
  return (
    <>
      <p>{t.t('civics.acceptedAnswers')}</p>
      <ul class="civics-answers" {...speak}>
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <p class="civics-note">
        {t.t('civics.officeAsOf', { date: props.formatDay(props.today) })}
        {office.stale ? ` ${t.t('civics.officeStale')}` : ''}
      </p>
      {check}
    </>
  );
}

/** Says when the questions are a machine draft or not translated at all. */
export function CivicsBankNote(props: { t: Translator; status: string }) {
  const { t, status } = props;
  if (status === 'not-translated') {
    return <p class="civics-notice">{t.t('civics.notTranslated')}</p>;
  }
  if (status === 'machine-drafted') {
    return <p class="civics-notice">{t.t('civics.machineDrafted')}</p>;
  }
  return null;
}
