import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Locale, supportedLocales } from './locales.ts';
import { localePath, preferredLocale, splitLocalePrefix } from './negotiate.ts';

const served = (candidate: string): candidate is Locale => ['en', 'es', 'ar'].includes(candidate);
const allServed = (candidate: string): candidate is Locale =>
  (supportedLocales as readonly string[]).includes(candidate) || candidate === 'en-XA';

describe('splitLocalePrefix', () => {
  it('takes a served language off the front of the path', () => {
    assert.deepEqual(splitLocalePrefix('/es/check', served), { locale: 'es', path: '/check' });
    assert.deepEqual(splitLocalePrefix('/ar', served), { locale: 'ar', path: '/' });
    assert.deepEqual(splitLocalePrefix('/es/', served), { locale: 'es', path: '/' });
  });

  it('leaves paths alone whose first segment is not a served language', () => {
    assert.deepEqual(splitLocalePrefix('/fr/check', served), {
      locale: undefined,
      path: '/fr/check',
    });
    assert.deepEqual(splitLocalePrefix('/esx', served), { locale: undefined, path: '/esx' });
    assert.deepEqual(splitLocalePrefix('/', served), { locale: undefined, path: '/' });
  });

  it('takes language codes with a script or region subtag, as they are served', () => {
    assert.deepEqual(splitLocalePrefix('/zh-Hans/check', allServed), {
      locale: 'zh-Hans',
      path: '/check',
    });
    assert.deepEqual(splitLocalePrefix('/zh-Hant', allServed), { locale: 'zh-Hant', path: '/' });
    assert.deepEqual(splitLocalePrefix('/en-XA/', allServed), { locale: 'en-XA', path: '/' });
    assert.deepEqual(splitLocalePrefix('/tl/check', allServed), { locale: 'tl', path: '/check' });
  });

  it('leaves alone codes in another case, unserved scripts and bare zh', () => {
    for (const path of ['/zh-hans/check', '/ZH-HANT/', '/zh/check', '/zh-Latn/', '/zh-Hansx/']) {
      assert.deepEqual(splitLocalePrefix(path, allServed), { locale: undefined, path });
    }
  });

  it('accepts every supported language as a prefix', () => {
    for (const locale of supportedLocales) {
      assert.deepEqual(splitLocalePrefix(`/${locale}/status`, allServed), {
        locale,
        path: '/status',
      });
    }
  });
});

describe('preferredLocale', () => {
  it('follows q-values, then order, and matches on the primary subtag', () => {
    assert.equal(preferredLocale('fr-FR, es-MX;q=0.8, en;q=0.5', served), 'es');
    assert.equal(preferredLocale('en;q=0.4, ar;q=0.9', served), 'ar');
    assert.equal(preferredLocale('ES', served), 'es');
  });

  it('ignores languages refused with q=0, malformed weights and missing headers', () => {
    assert.equal(preferredLocale('es;q=0, fr', served), undefined);
    assert.equal(preferredLocale('es;q=abc', served), undefined);
    assert.equal(preferredLocale(undefined, served), undefined);
  });

  it('serves Simplified Chinese to zh, zh-CN, zh-SG and zh-Hans tags', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-cn', 'zh-Hans', 'zh-Hans-HK', 'zh-MY']) {
      assert.equal(preferredLocale(tag, allServed), 'zh-Hans', tag);
    }
  });

  it('serves Traditional Chinese to zh-TW, zh-HK, zh-MO, zh-Hant and Cantonese', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-hk', 'zh-Hant', 'zh-Hant-CN', 'yue']) {
      assert.equal(preferredLocale(tag, allServed), 'zh-Hant', tag);
    }
  });

  it('serves Tagalog to Filipino', () => {
    assert.equal(preferredLocale('fil-PH, en;q=0.5', allServed), 'tl');
    assert.equal(preferredLocale('fil', allServed), 'tl');
    assert.equal(preferredLocale('tl-PH', allServed), 'tl');
  });

  it('matches the other new languages on their primary subtag, by q-value', () => {
    assert.equal(preferredLocale('vi-VN', allServed), 'vi');
    assert.equal(preferredLocale('ru-RU, uk;q=0.9', allServed), 'ru');
    assert.equal(preferredLocale('ru;q=0.8, uk-UA', allServed), 'uk');
    assert.equal(preferredLocale('ko-KR', allServed), 'ko');
    assert.equal(preferredLocale('so-SO', allServed), 'so');
    assert.equal(preferredLocale('am-ET', allServed), 'am');
    assert.equal(preferredLocale('en-US;q=0.5, zh-TW', allServed), 'zh-Hant');
  });

  it('does not serve Chinese when only another language is served', () => {
    assert.equal(preferredLocale('zh-TW, es;q=0.5', served), 'es');
    assert.equal(preferredLocale('fil', served), undefined);
  });
});

describe('localePath', () => {
  it('prefixes every language, English included', () => {
    assert.equal(localePath('en', '/'), '/en/');
    assert.equal(localePath('es', '/status'), '/es/status');
    assert.equal(localePath('zh-Hant', '/'), '/zh-Hant/');
  });
});
