import type { Translator } from '../../i18n/translator.ts';
import { localePath, type SiteInfo } from '../site.ts';
import { LanguageSwitcher } from './language-switcher.tsx';

export function SiteHeader(props: { t: Translator; site: SiteInfo; path: string }) {
  const { t } = props;
  return (
    <header class="usa-header usa-header--basic">
      <div class="usa-nav-container">
        <div class="usa-navbar">
          <div class="usa-logo">
            <em class="usa-logo__text">
              <a href={localePath(t.locale, '/')} aria-label={t.t('common.homeLink')}>
                {t.t('common.brand')}
              </a>
            </em>
            <p class="usa-logo__tagline">{t.t('common.tagline')}</p>
          </div>
        </div>
        <LanguageSwitcher {...props} />
      </div>
    </header>
  );
}
