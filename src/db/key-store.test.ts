import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { rejectsWith } from '../../test/support/app-errors.ts';
import { DatabaseLockedError } from './directory-lock.ts';
import { keyStoreDir, openKeyStore, resolveKeyStore, sameDatabase } from './key-store.ts';
import { migrateKeyStoreToLatest } from './migrate.ts';
import { ensureTemplate } from './pglite-template.ts';

describe('key store', () => {
  it('sits beside the embedded database, never inside it', () => {
    assert.equal(keyStoreDir('/srv/belong/.belong/data'), '/srv/belong/.belong/keys');
    assert.equal(keyStoreDir('memory://'), 'memory://');
    assert.deepEqual(resolveKeyStore({ dataDir: '/srv/.belong/data' }), {
      dataDir: '/srv/.belong/keys',
    });
  });

  it('needs its own PostgreSQL database when the main one is PostgreSQL', () => {
    const databaseUrl = 'postgres://app@db.example:5432/belong';
    assert.throws(
      () => resolveKeyStore({ databaseUrl, dataDir: 'unused' }),
      rejectsWith('BLG_KEY_STORE_NOT_CONFIGURED'),
    );
    assert.throws(
      () => resolveKeyStore({ databaseUrl, keysDatabaseUrl: 'mysql://x/y', dataDir: 'unused' }),
      rejectsWith('BLG_KEY_STORE_NOT_CONFIGURED'),
    );
    assert.throws(
      () =>
        resolveKeyStore({
          databaseUrl,
          keysDatabaseUrl: 'postgresql://keys:pw@DB.example/belong?sslmode=require',
          dataDir: 'unused',
        }),
      rejectsWith('BLG_KEY_STORE_SHARES_DATABASE'),
    );
    const keysDatabaseUrl = 'postgres://keys@db.example:5432/belong_keys';
    assert.deepEqual(resolveKeyStore({ databaseUrl, keysDatabaseUrl, dataDir: 'unused' }), {
      databaseUrl: keysDatabaseUrl,
      dataDir: keyStoreDir('unused'),
    });
  });

  it('tells databases apart by server, port and name', () => {
    assert.equal(sameDatabase('postgres://a@h/db', 'postgres://b:pw@H:5432/db'), true);
    assert.equal(sameDatabase('postgres://a@h/db', 'postgres://a@h/db_keys'), false);
    assert.equal(sameDatabase('postgres://a@h/db', 'postgres://a@h:5433/db'), false);
    assert.equal(sameDatabase('postgres://a@h/db', 'postgres://a@other/db'), false);
  });

  it('holds its own lock, so a second process cannot open it', async () => {
    await ensureTemplate();
    const folder = mkdtempSync(path.join(tmpdir(), 'belong-key-store-'));
    const dataDir = path.join(folder, 'data');
    try {
      const keyStore = await openKeyStore({ dataDir });
      try {
        assert.equal(keyStore.engine, 'pglite');
        assert.equal(keyStore.created, true);
        await migrateKeyStoreToLatest(keyStore.db);
        await assert.rejects(openKeyStore({ dataDir }), DatabaseLockedError);
      } finally {
        await keyStore.close();
      }
      const reopened = await openKeyStore({ dataDir });
      try {
        assert.equal(reopened.created, false);
        assert.deepEqual((await migrateKeyStoreToLatest(reopened.db)).applied, []);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
