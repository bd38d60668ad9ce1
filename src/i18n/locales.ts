/**
 * The languages Belong speaks. English is the source of every message key;
 * each other language must translate every key (test/meta/locales.test.ts).
 * The order is the order of the language switcher. Each code is a BCP 47
 * tag used as it is in `<html lang>`, `hreflang` and the `/xx/` URL prefix:
 * Chinese is split by script (`zh-Hans` Simplified, `zh-Hant` Traditional)
 * rather than by country, and Tagalog is `tl` (browsers may send `fil`,
 * which negotiate.ts maps to it).
 */
export const supportedLocales = [
  'en',
  'es',
  'vi',
  'zh-Hans',
  'zh-Hant',
  'ru',
  'uk',
  'ko',
  'so',
  'tl',
  'am',
  'ar',
] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/**
 * A pseudo-locale (accented, bracketed English) that shows at a glance any
 * text that did not come from `locales/`. Served only when configured.
 */
export const pseudoLocale = 'en-XA';
export type Locale = SupportedLocale | typeof pseudoLocale;

export const defaultLocale: SupportedLocale = 'en';

const rightToLeft = new Set<Locale>(['ar']);

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

export function isSupportedLocale(value: string): value is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(value);
}
