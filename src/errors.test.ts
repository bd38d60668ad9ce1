import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, errorCatalogue } from './errors.ts';
import { loadMessages } from './i18n/catalogue.ts';
import { supportedLocales } from './i18n/locales.ts';

describe('error catalogue', () => {
  it('names every code BLG_ in capitals and gives it an error status', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      assert.match(code, /^BLG_[A-Z][A-Z_]*$/);
      assert.ok(entry.status >= 400 && entry.status < 600, code);
      assert.ok(entry.description.length > 10, `${code} needs a description`);
    }
  });

  it('has a title and a message in every language for every code', () => {
    for (const locale of supportedLocales) {
      const messages = loadMessages(locale);
      for (const [code, entry] of Object.entries(errorCatalogue)) {
        assert.ok(messages[entry.titleKey], `${locale}: ${code} has no title`);
        assert.ok(messages[entry.messageKey], `${locale}: ${code} has no message`);
      }
    }
  });

  it('carries the status of its code', () => {
    const error = new AppError('BLG_PAYLOAD_TOO_LARGE', { details: { limit: 1 } });
    assert.equal(error.status, 413);
    assert.equal(error.code, 'BLG_PAYLOAD_TOO_LARGE');
    assert.deepEqual(error.details, { limit: 1 });
  });
});
