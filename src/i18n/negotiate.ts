import { defaultLocale, type Locale } from './locales.ts';

const prefixPattern = /^\/([a-z]{2}(?:-[A-Z]{2})?)(?=\/|$)/;

/**
 * Splits `/es/check` into the language `es` and the path `/check`, when the
 * first segment names a language that is served. Other paths are unchanged.
 */
export function splitLocalePrefix(
  pathname: string,
  served: (candidate: string) => candidate is Locale,
): { locale: Locale | undefined; path: string } {
  const match = prefixPattern.exec(pathname);
  const candidate = match?.[1];
  if (!match || !candidate || !served(candidate)) return { locale: undefined, path: pathname };
  return { locale: candidate, path: pathname.slice(match[0].length) || '/' };
}

/** The served language a browser's `Accept-Language` prefers, by q-value then order. */
export function preferredLocale(
  acceptLanguage: string | undefined,
  served: (candidate: string) => candidate is Locale,
): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split('-')[0] ?? '';
    if (served(language)) return language;
  }
  return undefined;
}

/** The link to `path` in `locale`: every language, English too, has its prefix. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path === '/' ? '/' : path}`;
}

export { defaultLocale };
