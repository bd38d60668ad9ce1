import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseHandle, Engine } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/database.ts';
import type { KeyStoreHandle } from '../../src/db/key-store.ts';
import { openKeyStore } from '../../src/db/key-store.ts';
import { migrateKeyStoreToLatest, migrateToLatest } from '../../src/db/migrate.ts';
import { ensureTemplate } from '../../src/db/pglite-template.ts';
import type { KeyProvider } from '../../src/privacy/key-provider.ts';
import { PersonKeysRepository } from '../../src/privacy/person-keys.repository.ts';
import { PersonKeysService } from '../../src/privacy/person-keys.service.ts';
import { adminQuery } from '../support/engines.ts';

/**
 * The canary test's databases, opened here rather than through
 * `describeEachEngine` because the test must know where the data lives (the
 * PGlite folders to grep, the PostgreSQL schemas to dump) and must close the
 * databases itself before reading their files. Everything that depends on
 * how Belong wires its stores — where person keys are kept, how the key
 * store is opened and migrated — is in this file, so a wiring change
 * touches only this file.
 */
export interface CanaryStores {
  /** The main database, migrated. */
  main: DatabaseHandle;
  /** The person's data keys, through the public service. */
  keys: PersonKeysService;
  /** The key store itself, for the services a server builds on it. */
  keyStore: KeyStoreHandle;
  /** Every row of the key store, each as text, for the plaintext search. */
  keyStoreRowsAsText(): Promise<string[]>;
  /** Where the data is: PGlite folders to grep, or PostgreSQL schemas to dump. */
  location:
    | { engine: 'pglite'; directories: string[] }
    | { engine: 'postgres'; databaseUrl: string; schemas: string[] };
  /** Closes both databases (idempotent), so their files can be read whole. */
  close(): Promise<void>;
  /** Closes and removes everything the test created. */
  dispose(): Promise<void>;
}

export async function openCanaryStores(
  engine: Engine,
  provider: KeyProvider,
): Promise<CanaryStores> {
  let main: DatabaseHandle;
  let keyStore: Awaited<ReturnType<typeof openKeyStore>>;
  let location: CanaryStores['location'];
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    await ensureTemplate();
    const folder = mkdtempSync(path.join(tmpdir(), 'belong-canary-'));
    const dataDir = path.join(folder, 'data');
    main = await openDatabase({ dataDir });
    keyStore = await openKeyStore({ dataDir });
    location = { engine, directories: [dataDir, path.join(folder, 'keys')] };
    cleanup = async () => rmSync(folder, { recursive: true, force: true });
  } else {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set');
    const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
    const schemas = [`canary_${suffix}`, `canary_keys_${suffix}`] as const;
    for (const schema of schemas) await adminQuery(databaseUrl, `CREATE SCHEMA ${schema}`);
    main = await openDatabase({ databaseUrl, dataDir: 'unused', schema: schemas[0], poolSize: 3 });
    keyStore = await openKeyStore({
      databaseUrl,
      keysDatabaseUrl: databaseUrl,
      dataDir: 'unused',
      schema: schemas[1],
    });
    location = { engine, databaseUrl, schemas: [...schemas] };
    cleanup = async () => {
      for (const schema of schemas) await adminQuery(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
    };
  }
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= Promise.all([main.close(), keyStore.close()]).then(() => {});
    return closed;
  };
  try {
    await migrateToLatest(main.db);
    await migrateKeyStoreToLatest(keyStore.db);
  } catch (error) {
    // The caller never gets a handle to dispose: leave nothing behind.
    await close().catch(() => {});
    await cleanup();
    throw error;
  }
  return {
    main,
    keyStore,
    keys: new PersonKeysService(new PersonKeysRepository(keyStore.db), provider),
    keyStoreRowsAsText: async () =>
      (await keyStore.db.selectFrom('person_keys').selectAll().execute()).map((row) =>
        JSON.stringify(row),
      ),
    location,
    close,
    dispose: async () => {
      await close();
      await cleanup();
    },
  };
}
