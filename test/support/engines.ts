import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { type DatabaseHandle, type Engine, openDatabase } from '../../src/db/database.ts';
import { type KeyStoreHandle, openKeyStore } from '../../src/db/key-store.ts';
import { migrateKeyStoreToLatest, migrateToLatest } from '../../src/db/migrate.ts';
import { ensureTemplate } from '../../src/db/pglite-template.ts';

/** The engines this run tests on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** Closes the database and removes everything the test created. */
  dispose(): Promise<void>;
}

export interface TestKeyStore extends KeyStoreHandle {
  /** Closes the key store and removes everything the test created. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file: on PGlite a copy
 * of the install-time template in a temporary folder; on PostgreSQL a new
 * schema, dropped afterwards, so files can run side by side on one server.
 */
export async function openTestDatabase(
  engine: Engine,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  return openFresh(engine, 'data', {
    open: (target) =>
      target.databaseUrl
        ? openDatabase({ ...target, dataDir: 'unused', poolSize: 5 })
        : openDatabase({ dataDir: target.dataDir }),
    migrate: options.migrate === false ? undefined : (db) => migrateToLatest(db),
  });
}

/**
 * A fresh, migrated key store of its own (src/db/key-store.ts), opened the
 * way Belong opens one: on PGlite a second database in its own temporary
 * folder (`…/keys`, as `.belong/keys` sits beside `.belong/data`); on
 * PostgreSQL a schema of its own, standing in for the separate database
 * BELONG_KEYS_DATABASE_URL names.
 */
export async function openTestKeyStore(engine: Engine): Promise<TestKeyStore> {
  return openFresh(engine, 'keys', {
    open: (target) =>
      openKeyStore(
        target.databaseUrl
          ? { ...target, keysDatabaseUrl: target.databaseUrl, dataDir: 'unused' }
          : { dataDir: path.join(target.dataDir, '..', 'data') },
      ),
    migrate: (db) => migrateKeyStoreToLatest(db),
  });
}

interface FreshTarget {
  /** PGlite: the directory to open. */
  dataDir: string;
  /** PostgreSQL: the server, and a new schema on it. */
  databaseUrl?: string;
  schema?: string;
}

async function openFresh<DB>(
  engine: Engine,
  folderName: string,
  how: {
    open: (target: FreshTarget) => Promise<DatabaseHandle<DB>>;
    migrate: ((db: DatabaseHandle<DB>['db']) => Promise<unknown>) | undefined;
  },
): Promise<DatabaseHandle<DB> & { dispose(): Promise<void> }> {
  let handle: DatabaseHandle<DB>;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    await ensureTemplate();
    const folder = mkdtempSync(path.join(tmpdir(), 'belong-test-'));
    handle = await how.open({ dataDir: path.join(folder, folderName) });
    cleanup = async () => rmSync(folder, { recursive: true, force: true });
  } else {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set');
    const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(databaseUrl, `CREATE SCHEMA ${schema}`);
    handle = await how.open({ dataDir: 'unused', databaseUrl, schema });
    cleanup = () => adminQuery(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
  }
  if (how.migrate) await how.migrate(handle.db);
  return {
    ...handle,
    close: () => handle.close(),
    dispose: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

/** Runs one statement on a PostgreSQL server, outside any test's schema. */
export async function adminQuery(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Declares the same suite once per engine. The suite reads its database
 * through `database()`, opened before its first test and disposed after;
 * with `{ keyStore: true }` it also gets a key store of its own through
 * `keyStore()`.
 */
export function describeEachEngine(
  title: string,
  suite: (database: () => TestDatabase, engine: Engine, keyStore: () => TestKeyStore) => void,
  options: { keyStore?: boolean } = {},
): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let current: TestDatabase | undefined;
      let keys: TestKeyStore | undefined;
      before(async () => {
        current = await openTestDatabase(engine);
        if (options.keyStore) keys = await openTestKeyStore(engine);
      });
      after(async () => {
        await keys?.dispose();
        await current?.dispose();
      });
      suite(
        () => {
          if (!current) throw new Error('database not open yet');
          return current;
        },
        engine,
        () => {
          if (!keys) throw new Error('key store not open (pass { keyStore: true })');
          return keys;
        },
      );
    });
  }
}
