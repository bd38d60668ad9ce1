import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { SessionState, TestFormat } from '../../modules/civics/civics-session.ts';

export function CivicsResultsPage(props: {
  t: Translator;
  state: SessionState;
  format: TestFormat;
  passed: boolean;
}) {
  const { t, state, format } = props;
  const again = `${localePath(t.locale, '/civics/practice')}?${new URLSearchParams({
    test: state.version,
    set: state.set,
  })}`;
  return (
    <div class="civics">
      <h1>{t.t('civics.resultsTitle')}</h1>
      <p class={props.passed ? 'usa-intro civics-passed' : 'usa-intro'}>
        {props.passed
          ? t.t('civics.resultPassed', { right: state.right, wrong: state.wrong })
          : t.t('civics.resultFailed', {
              right: state.right,
              wrong: state.wrong,
              pass: format.pass,
            })}
      </p>
      <p>
        <a class="civics-button" href={again}>
          {t.t('civics.practiseAgain')}
        </a>
      </p>
      <p>
        <a href={localePath(t.locale, '/civics')}>{t.t('civics.backToStart')}</a>
      </p>
    </div>
  );
}
