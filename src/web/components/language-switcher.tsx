import type { Translator } from '../../i18n/translator.ts';
import { localePath, type SiteInfo } from '../site.ts';

/**
 * Plain links, one per language, each named in its own language and marked
 * with `lang` so screen readers pronounce it right. No script: a link works
 * on every phone.
 *
 * Twelve names take three or four rows on a small phone, pushing the page
 * below the fold, so the list sits in a `<details>` disclosure (which needs
 * no script either): on a narrow screen only a globe and the current
 * language's own name show until it is opened. The globe is there because
 * someone who cannot read the current language still has to find the switch.
 * On a wide screen the stylesheet hides the toggle and shows the list
 * open (site.css, "Language switcher"); a browser that cannot do that shows
 * the disclosure there too, which still works.
 */
export function LanguageSwitcher(props: { t: Translator; site: SiteInfo; path: string }) {
  const { t, site, path } = props;
  return (
    <nav class="usa-language-container" aria-label={t.t('common.languageSwitcherLabel')}>
      <details class="usa-language">
        <summary class="usa-language__toggle">
          <svg
            class="usa-language__globe"
            aria-hidden="true"
            focusable="false"
            viewBox="0 0 24 24"
            width="24"
            height="24"
          >
            <circle cx="12" cy="12" r="10" />
            <path d="M2 12h20M12 2c3 3 4 6.5 4 10s-1 7-4 10c-3-3-4-6.5-4-10s1-7 4-10z" />
          </svg>
          <span>{t.t('common.languageName')}</span>
        </summary>
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
      </details>
    </nav>
  );
}
