/**
 * The languages Belong speaks. English is the source of every message key;
 * each other language must translate every key (test/meta/locales.test.ts).
 */
export const supportedLocales = ['en', 'es', 'ar'] as const;
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
