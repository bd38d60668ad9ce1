import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';
import { programTitle } from './program-title.ts';

/**
 * The front door of an application: what is asked, who sees it, how long it
 * is kept — said before anything is typed (issue 5: people fear what their
 * answers could be used for).
 */
export function ApplyStartPage(props: {
  t: Translator;
  program: string;
  draftDays: number;
  csrfToken: string;
  /** A draft this browser already holds for the program. */
  hasDraft: boolean;
}) {
  const { t, program } = props;
  const base = `/apply/${program}`;
  return (
    <>
      <h1>{t.t('apply.startTitle', { program: t.t(programTitle(program)) })}</h1>
      <p class="usa-intro">{t.t('apply.startLead')}</p>
      <h2>{t.t('apply.startWhatTitle')}</h2>
      <p>{t.t('apply.startWhat')}</p>
      <section class="usa-summary-box" aria-labelledby="apply-privacy-heading">
        <h2 id="apply-privacy-heading" class="usa-summary-box__heading">
          {t.t('apply.startPrivacyTitle')}
        </h2>
        <p>{t.t('apply.startPrivacy')}</p>
        <p>{t.t('apply.startSharedDevice')}</p>
      </section>
      <h2>{t.t('apply.startKeepTitle')}</h2>
      <p>{t.t('apply.startKeep', { days: props.draftDays })}</p>
      <p>{t.t('apply.notLegalAdvice')}</p>
      {props.hasDraft ? (
        <p>
          <a class="usa-button" href={localePath(t.locale, `${base}/continue`)}>
            {t.t('apply.continueButton')}
          </a>
        </p>
      ) : null}
      <form method="post" action={localePath(t.locale, `${base}/start`)}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <button
          type="submit"
          class={props.hasDraft ? 'usa-button usa-button--outline' : 'usa-button'}
        >
          {t.t('apply.startButton')}
        </button>
      </form>
      <p>
        {/* A control in its own right, sized as one: a short word in
            Vietnamese, Chinese or Arabic made a text link too small a
            target (axe target-size, WCAG 2.5.8). */}
        <a class="usa-button usa-button--outline" href={localePath(t.locale, `${base}/resume`)}>
          {t.t('apply.resumeLink')}
        </a>
      </p>
    </>
  );
}
