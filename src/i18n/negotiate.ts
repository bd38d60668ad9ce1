import { defaultLocale, type Locale } from './locales.ts';

// A language, then an optional script (`zh-Hans`) or region (`en-XA`)
// subtag, in the case the codes are served with: `/zh-hans/` is not a prefix.
const prefixPattern = /^\/([a-z]{2,3}(?:-(?:[A-Z][a-z]{3}|[A-Z]{2}))?)(?=\/|$)/;

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
    const candidate = servedCodeFor(tag);
    if (served(candidate)) return candidate;
  }
  return undefined;
}

// Chinese written with traditional characters: Taiwan, Hong Kong, Macao.
const traditionalChineseRegions = new Set(['tw', 'hk', 'mo']);

/**
 * The code Belong serves for a lower-case `Accept-Language` tag. Most
 * languages are matched on their primary subtag (`es-MX` → `es`). Chinese is
 * served by script, so the script subtag decides, and without one the region
 * does: browsers send `zh-TW`, `zh-HK` or `zh-CN` far more often than
 * `zh-Hant`. Bare `zh`, `zh-CN` and `zh-SG` read Simplified. Cantonese (`yue`)
 * is written in Traditional characters. Browsers name Tagalog by its
 * standardised form, Filipino (`fil`), which Belong serves as `tl`.
 */
function servedCodeFor(tag: string): string {
  const [language = '', ...subtags] = tag.split('-');
  if (language === 'zh') {
    if (subtags.includes('hant')) return 'zh-Hant';
    if (subtags.includes('hans')) return 'zh-Hans';
    return subtags.some((subtag) => traditionalChineseRegions.has(subtag)) ? 'zh-Hant' : 'zh-Hans';
  }
  if (language === 'yue') return subtags.includes('hans') ? 'zh-Hans' : 'zh-Hant';
  if (language === 'fil') return 'tl';
  return language;
}

/** The link to `path` in `locale`: every language, English too, has its prefix. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path === '/' ? '/' : path}`;
}

export { defaultLocale };
