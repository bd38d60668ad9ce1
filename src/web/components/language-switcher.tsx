import type { Translator } from '../../i18n/translator.ts';
import { localePath, type SiteInfo } from '../site.ts';

/**
 * Plain links, one per language, each named in its own language and marked
 * with `lang` so screen readers pronounce it right. No script: a link works
 * on every phone.
 */
export function LanguageSwitcher(props: { t: Translator; site: SiteInfo; path: string }) {
  const { t, site, path } = props;
  return (
    <nav class="usa-language-container" aria-label={t.t('common.languageSwitcherLabel')}>
      <ul class="usa-language__list">
        {site.languages.map((language) => (
          <li class="usa-language__item">
            <a
              href={localePath(language.locale, path)}
              lang={language.locale}
              hreflang={language.locale}
              aria-current={language.locale === t.locale ? 'true' : undefined}
            >
              {language.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
