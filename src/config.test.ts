import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, path.resolve('.belong/data'));
    assert.equal(config.trustProxy, false);
    assert.ok(config.secret.length >= 32);
  });

  it('reads PORT and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/d' });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgres://u@h:5432/d');
  });

  it('reports one clear line for a bad value', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }),
      /DATABASE_URL must start with postgres/,
    );
  });

  it('requires a shared secret in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /BELONG_SECRET is required/);
    const secret = 'x'.repeat(32);
    assert.equal(loadConfig({ NODE_ENV: 'production', BELONG_SECRET: secret }).secret, secret);
  });

  it('refuses a malformed key in one line that never echoes it, and treats empty as unset', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    assert.doesNotThrow(() => loadConfig({ BELONG_KEK: key, BELONG_INDEX_KEY: key }));
    assert.doesNotThrow(() => loadConfig({ BELONG_KEK: '', DATABASE_URL: '' }));
    assert.doesNotThrow(() => loadConfig({ BELONG_KEK_PREVIOUS: `${key},${key}` }));
    for (const [name, value] of [
      ['BELONG_KEK', 'secret-kek-typo'],
      ['BELONG_INDEX_KEY', key.slice(1)],
      ['BELONG_KEK_PREVIOUS', `${key};secret-kek-typo`],
      ['BELONG_KEYS_DATABASE_URL', 'mysql://keys'],
      ['BELONG_METRICS_TOKEN', 'short'],
    ] as const) {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: Error) => error.message.startsWith(name) && !error.message.includes('secret-kek'),
        name,
      );
    }
  });
});
