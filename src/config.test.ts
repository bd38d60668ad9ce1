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
});
