import { localePath } from '../../i18n/negotiate.ts';
import type { Translator } from '../../i18n/translator.ts';

/** The resume code, shown to the browser that holds the draft, with how to come back. */
export function ApplySavedPage(props: {
  t: Translator;
  program: string;
  resumeCode: string;
  draftDays: number;
  origin: string;
  returnHref: string;
}) {
  const { t } = props;
  const resumePath = localePath(t.locale, `/apply/${props.program}/resume`);
  return (
    <>
      <h1>{t.t('apply.savedTitle')}</h1>
      <p class="usa-intro">{t.t('apply.savedLead')}</p>
      <div class="usa-summary-box">
        <p class="usa-summary-box__heading">{t.t('apply.resumeCodeLabel')}</p>
        <p class="belong-code" translate="no">
          {props.resumeCode}
        </p>
      </div>
      <p>{t.t('apply.savedWriteDown')}</p>
      <p>{t.t('apply.savedExpiry', { days: props.draftDays })}</p>
      <p>{t.t('apply.savedHowToReturn')}</p>
      <p class="belong-code" translate="no">
        {`${props.origin}${resumePath}`}
      </p>
      <p>
        <a class="usa-button" href={props.returnHref}>
          {t.t('apply.backToApplication')}
        </a>
      </p>
    </>
  );
}
