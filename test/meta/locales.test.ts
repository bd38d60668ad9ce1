import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { loadMessages, localesDirectory } from '../../src/i18n/catalogue.ts';
import { messageArguments } from '../../src/i18n/icu.ts';
import { defaultLocale, pseudoLocale, supportedLocales } from '../../src/i18n/locales.ts';
import { messageAreas } from '../../src/i18n/message-key.ts';
import { testAppWithStores } from '../support/app-with-stores.ts';
import { publicPages } from '../support/public-pages.ts';

const source = loadMessages(defaultLocale);

describe('locales', () => {
  it('has a folder for each supported language and no other', () => {
    const folders = readdirSync(localesDirectory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    assert.deepEqual(folders, [...supportedLocales].sort());
  });

  it('types exactly the message files English has', () => {
    const files = readdirSync(`${localesDirectory}${defaultLocale}`)
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    assert.deepEqual(files, [...messageAreas].sort());
  });

  for (const locale of supportedLocales.filter((l) => l !== defaultLocale)) {
    describe(locale, () => {
      const messages = loadMessages(locale);

      it('translates every English key and has no key English lacks', () => {
        const missing = Object.keys(source).filter((key) => !(key in messages));
        const extra = Object.keys(messages).filter((key) => !(key in source));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      });

      it('uses the same placeholders as English in every message', () => {
        for (const [key, english] of Object.entries(source)) {
          const translated = messages[key];
          if (translated === undefined) continue;
          assert.deepEqual(
            [...messageArguments(translated)].sort(),
            [...messageArguments(english)].sort(),
            `${locale} ${key}`,
          );
        }
      });

      it('leaves no message empty', () => {
        for (const [key, translated] of Object.entries(messages)) {
          assert.ok(translated.trim().length > 0, `${locale} ${key} is empty`);
        }
      });
    });
  }
});

/**
 * Renders every public page in the pseudo-locale, where every translated
 * letter is accented and bracketed. Any plain English word left in the text
 * or in a user-visible attribute was written into a view instead of locales/.
 */
describe('no hard-coded user-facing text', () => {
  let web: Awaited<ReturnType<typeof testAppWithStores>>;
  before(async () => {
    web = await testAppWithStores({ pseudoLocale: true });
  });
  after(() => web.dispose());
  const app = { request: (path: string) => web.app.request(path) };
  // Language names are shown in their own language on purpose, and codes
  // and ids are values, not words.
  const allowed = new Set([
    ...supportedLocales.map((locale) => loadMessages(locale)['common.languageName'] ?? ''),
  ]);

  for (const page of publicPages) {
    it(`${page.name} (${page.path}) shows only translated text`, async () => {
      const response = await app.request(`/${pseudoLocale}${page.path}`);
      assert.equal(response.status, page.status);
      const html = await response.text();
      const visible = [
        ...html
          .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
          .split(/<[^>]+>/)
          .filter(Boolean),
        ...[...html.matchAll(/\s(?:alt|title|aria-label|placeholder|content)="([^"]*)"/g)].map(
          (m) => m[1] ?? '',
        ),
      ];
      const untranslated = visible
        .map((text) => text.replace(/&[a-z#0-9]+;/gi, ' ').trim())
        .filter((text) => text && !allowed.has(text))
        .map((text) => text.replace(/⟦[^⟧]*⟧/g, ' '))
        .flatMap((text) => text.match(/\b[A-Za-z]{2,}\b/g) ?? [])
        // Values inside translated messages: error codes and request ids.
        .filter((word) => !/^BLG_|^[A-Z_]+$/.test(word));
      const viewport = 'width=device-width, initial-scale=1';
      assert.deepEqual(
        untranslated.filter((word) => !viewport.includes(word)),
        [],
        `untranslated words on ${page.path}`,
      );
    });
  }
});
