import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { IntlMessageFormat } from 'intl-messageformat';
import { type FlatMessages, loadMessages } from './catalogue.ts';
import {
  defaultLocale,
  type Locale,
  pseudoLocale,
  type SupportedLocale,
  supportedLocales,
  textDirection,
} from './locales.ts';
import type { MessageKey } from './message-key.ts';
import { pseudoLocalise } from './pseudo-locale.ts';

export type MessageValues = Record<string, string | number | Date>;

export interface Translator {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  /** The message for `key` in this language, with ICU plural and select rules applied. */
  t(key: MessageKey, values?: MessageValues): string;
  formatDate(date: Date, options?: Parameters<IntlShape<string>['formatDate']>[1]): string;
  formatNumber(value: number, options?: Parameters<IntlShape<string>['formatNumber']>[1]): string;
}

/**
 * One translator per language, built once at start: `@formatjs/intl` caches
 * compiled messages, so formatting on a request costs a map lookup.
 */
export class Translations {
  private readonly translators = new Map<Locale, Translator>();

  constructor(options: { pseudoLocale?: boolean } = {}) {
    const cache = createIntlCache();
    const source = loadMessages(defaultLocale);
    for (const locale of supportedLocales) {
      const messages = locale === defaultLocale ? source : loadMessages(locale);
      this.translators.set(locale, buildTranslator(locale, messages, cache));
    }
    if (options.pseudoLocale) {
      const pseudo = Object.fromEntries(
        Object.entries(source).map(([key, message]) => [key, pseudoLocalise(message)]),
      );
      this.translators.set(pseudoLocale, buildTranslator(pseudoLocale, pseudo, cache));
    }
  }

  get locales(): Locale[] {
    return [...this.translators.keys()];
  }

  has(locale: string): locale is Locale {
    return this.translators.has(locale as Locale);
  }

  for(locale: Locale): Translator {
    return this.translators.get(locale) ?? (this.translators.get(defaultLocale) as Translator);
  }
}

function buildTranslator(
  locale: Locale,
  messages: FlatMessages,
  cache: ReturnType<typeof createIntlCache>,
): Translator {
  const intl: IntlShape<string> = createIntl(
    {
      locale: locale === pseudoLocale ? 'en' : locale,
      defaultLocale,
      messages,
      // A missing translation is a failed test, not a runtime log line.
      onError: () => {},
    },
    cache,
  );
  // Each message is compiled once, on first use, and a message without
  // placeholders is formatted once: @formatjs/intl's own memoiser serialises
  // its arguments on every call, which made it the slowest part of a page.
  const compiled = new Map<string, IntlMessageFormat>();
  const plain = new Map<string, string>();
  const formatLocale = locale === pseudoLocale ? 'en' : locale;
  return {
    locale,
    dir: textDirection(locale),
    t: (key, values) => {
      if (values === undefined) {
        const cached = plain.get(key);
        if (cached !== undefined) return cached;
      }
      let format = compiled.get(key);
      if (!format) {
        const message = messages[key];
        if (message === undefined) return intl.formatMessage({ id: key }, values) as string;
        format = new IntlMessageFormat(message, formatLocale);
        compiled.set(key, format);
      }
      const text = String(format.format(values));
      if (values === undefined) plain.set(key, text);
      return text;
    },
    formatDate: (date, options) => intl.formatDate(date, options),
    formatNumber: (value, options) => intl.formatNumber(value, options),
  };
}

export type { SupportedLocale };
