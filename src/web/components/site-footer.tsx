import type { Translator } from '../../i18n/translator.ts';

export function SiteFooter(props: { t: Translator }) {
  const { t } = props;
  return (
    <footer class="usa-footer">
      <div class="grid-container">
        <p>{t.t('common.footerAbout')}</p>
        <p>{t.t('common.footerLicence')}</p>
      </div>
    </footer>
  );
}
