import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locale } from './locales.ts';
import { localePath, preferredLocale, splitLocalePrefix } from './negotiate.ts';

const served = (candidate: string): candidate is Locale => ['en', 'es', 'ar'].includes(candidate);

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
});

describe('localePath', () => {
  it('prefixes every language, English included', () => {
    assert.equal(localePath('en', '/'), '/en/');
    assert.equal(localePath('es', '/status'), '/es/status');
  });
});
