import { type Locale, pseudoLocale } from '../i18n/locales.ts';
import { localePath } from '../i18n/negotiate.ts';
import type { Translations } from '../i18n/translator.ts';

export interface LanguageLink {
  locale: Locale;
  /** The language's name in itself ("Español"), from its own locale file. */
  name: string;
}

/** What every page shares: the stylesheet's address and the languages on offer. */
export interface SiteInfo {
  cssHref: string;
  languages: LanguageLink[];
}

export function buildSiteInfo(translations: Translations, cssHref: string): SiteInfo {
  return {
    cssHref,
    // The pseudo-locale is a testing tool, not a language to offer people.
    languages: translations.locales
      .filter((locale) => locale !== pseudoLocale)
      .map((locale) => ({
        locale,
        name: translations.for(locale).t('common.languageName'),
      })),
  };
}

export { localePath };
