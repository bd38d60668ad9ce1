import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { TestFormat } from '../../modules/civics/civics-session.ts';

export interface CivicsStartProps {
  t: Translator;
  /** The first N-400 filing date of the 2025 test, formatted. */
  date2025: string;
  format2025: TestFormat;
  format2008: TestFormat;
  senior: TestFormat;
  sourceHref: string;
}

/**
 * Which test applies and a choice of test and question set. The form is a
 * GET: a practice session is not a change to anything, and its state lives
 * in the address, so reload and back both work.
 */
export function CivicsStartPage(props: CivicsStartProps) {
  const { t, format2025: f25, format2008: f08, senior } = props;
  const date = props.date2025;
  return (
    <div class="civics">
      <h1>{t.t('civics.title')}</h1>
      <p class="usa-intro">{t.t('civics.lead')}</p>
      <p>{t.t('civics.privacy')}</p>
      <h2>{t.t('civics.whichTestTitle')}</h2>
      <p>
        {t.t('civics.whichTest2025', {
          date,
          bank: f25.bank,
          asked: f25.asked,
          pass: f25.pass,
          wrong: f25.stopAfterWrong,
        })}
      </p>
      <p>
        {t.t('civics.whichTest2008', { date, bank: f08.bank, asked: f08.asked, pass: f08.pass })}
      </p>
      <h2>{t.t('civics.seniorTitle')}</h2>
      <p>
        {t.t('civics.seniorBody', { bank: senior.bank, asked: senior.asked, pass: senior.pass })}
      </p>
      <h2>{t.t('civics.chooseTitle')}</h2>
      <form method="get" action={localePath(t.locale, '/civics/practice')}>
        <fieldset class="civics-fieldset">
          <legend>{t.t('civics.chooseTest')}</legend>
          <div class="civics-choice">
            <input type="radio" id="test-2025" name="test" value="2025" checked />
            <label for="test-2025">{t.t('civics.test2025', { date })}</label>
          </div>
          <div class="civics-choice">
            <input type="radio" id="test-2008" name="test" value="2008" />
            <label for="test-2008">{t.t('civics.test2008', { date })}</label>
          </div>
        </fieldset>
        <fieldset class="civics-fieldset">
          <legend>{t.t('civics.chooseSet')}</legend>
          <div class="civics-choice">
            <input type="radio" id="set-all" name="set" value="all" checked />
            <label for="set-all">{t.t('civics.setAll')}</label>
          </div>
          <div class="civics-choice">
            <input type="radio" id="set-senior" name="set" value="senior" />
            <label for="set-senior">{t.t('civics.setSenior')}</label>
          </div>
        </fieldset>
        <button type="submit" class="civics-button">
          {t.t('civics.start')}
        </button>
      </form>
      <h2>{t.t('civics.studyTitle')}</h2>
      <ul>
        <li>
          <a href={`${localePath(t.locale, '/civics/questions')}?test=2025`}>
            {t.t('civics.study2025')}
          </a>
        </li>
        <li>
          <a href={`${localePath(t.locale, '/civics/questions')}?test=2008`}>
            {t.t('civics.study2008')}
          </a>
        </li>
      </ul>
      <p>
        {t.t('civics.sourceNote')} <a href={props.sourceHref}>{t.t('civics.sourceLink')}</a>
      </p>
    </div>
  );
}
