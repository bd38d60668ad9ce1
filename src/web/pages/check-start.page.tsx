import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';

/**
 * The screener's front door: what it is, that nothing is stored, how long it
 * takes. The first question is a plain link: no answer exists yet to carry.
 */
export function CheckStartPage(props: { t: Translator; firstPageKey: string }) {
  const { t } = props;
  return (
    <>
      <h1>{t.t('check.startTitle')}</h1>
      <p class="usa-intro">{t.t('check.startLead')}</p>
      <p>{t.t('check.startTime')}</p>
      <section class="usa-summary-box" aria-labelledby="check-privacy-heading">
        <h2 id="check-privacy-heading" class="usa-summary-box__heading">
          {t.t('check.startPrivacyTitle')}
        </h2>
        <p>{t.t('check.startPrivacy')}</p>
        <p>{t.t('check.startSharedDevice')}</p>
      </section>
      <p>{t.t('check.startNotAdvice')}</p>
      <a class="usa-button" href={localePath(t.locale, `/check/${props.firstPageKey}`)}>
        {t.t('check.startButton')}
      </a>
    </>
  );
}
