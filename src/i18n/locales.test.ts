import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMessages } from './catalogue.ts';
import { isSupportedLocale, pseudoLocale, supportedLocales, textDirection } from './locales.ts';

describe('supportedLocales', () => {
  it('lists the twelve languages in the order the switcher shows them', () => {
    assert.deepEqual(
      [...supportedLocales],
      ['en', 'es', 'vi', 'zh-Hans', 'zh-Hant', 'ru', 'uk', 'ko', 'so', 'tl', 'am', 'ar'],
    );
  });

  it('uses well-formed BCP 47 tags, as <html lang> and hreflang need', () => {
    for (const locale of [...supportedLocales, pseudoLocale]) {
      // CLDR maps the IANA-registered `tl` to its standardised form `fil`;
      // every other code is already in canonical form.
      assert.deepEqual(Intl.getCanonicalLocales(locale), [locale === 'tl' ? 'fil' : locale]);
    }
  });

  it('has formatting data for every language, so dates are not English', () => {
    for (const locale of supportedLocales) {
      const resolved = new Intl.DateTimeFormat(locale).resolvedOptions().locale;
      assert.equal(resolved, locale === 'tl' ? 'fil' : locale, locale);
    }
  });

  it('names each language in itself', () => {
    const names = supportedLocales.map((locale) => loadMessages(locale)['common.languageName']);
    assert.deepEqual(names, [
      'English',
      'Español',
      'Tiếng Việt',
      '简体中文',
      '繁體中文',
      'Русский',
      'Українська',
      '한국어',
      'Soomaali',
      'Tagalog',
      'አማርኛ',
      'العربية',
    ]);
  });
});

describe('textDirection', () => {
  it('is right-to-left for Arabic only', () => {
    assert.deepEqual(
      supportedLocales.filter((locale) => textDirection(locale) === 'rtl'),
      ['ar'],
    );
  });
});

describe('isSupportedLocale', () => {
  it('accepts the served codes exactly as written', () => {
    assert.equal(isSupportedLocale('zh-Hant'), true);
    assert.equal(isSupportedLocale('zh-hant'), false);
    assert.equal(isSupportedLocale('zh'), false);
    assert.equal(isSupportedLocale('fil'), false);
  });
});
