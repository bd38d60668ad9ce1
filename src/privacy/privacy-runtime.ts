import { type KeyStoreHandle, openKeyStore, resolveKeyStore } from '../db/key-store.ts';
import { migrateKeyStoreToLatest } from '../db/migrate.ts';
import { BlindIndexer } from './blind-index.ts';
import type { KeyProvider } from './key-provider.ts';
import { loadKey, loadKeyProvider } from './key-source.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { PersonKeysService } from './person-keys.service.ts';

/** The key material a process serves with, as the environment gives it. */
export interface KeyValues {
  /** BELONG_KEK */
  kek?: string | undefined;
  /** BELONG_KEK_PREVIOUS */
  kekPrevious?: string | undefined;
  /** BELONG_INDEX_KEY */
  index?: string | undefined;
}

export interface PrivacyRuntimeOptions {
  /** DATABASE_URL, when the main database is PostgreSQL. */
  databaseUrl?: string | undefined;
  /** BELONG_KEYS_DATABASE_URL. */
  keysDatabaseUrl?: string | undefined;
  /** The embedded database's folder (key files and the key store go beside it), or `memory://`. */
  dataDir: string;
  keys: KeyValues;
  /** Tests only: a schema of the test server's database to keep the key store in. */
  keyStoreSchema?: string;
  onMigration?: (name: string) => void;
}

/**
 * What a running Belong needs to seal and open personal data: the KEK
 * (through a KeyProvider), the blind-index key, and the key store holding
 * each person's wrapped data key. Opened once per process and shared.
 */
export interface PrivacyRuntime {
  readonly provider: KeyProvider;
  readonly keyStore: KeyStoreHandle;
  readonly personKeys: PersonKeysService;
  readonly indexer: BlindIndexer;
  close(): Promise<void>;
}

/** Unwrapped data keys held in memory at most this long, and at most this many. */
const keyCacheSize = 1024;
const keyCacheMaxAgeMs = 5_000;

/**
 * Loads both keys and opens and migrates the key store. A misconfiguration
 * (no key store for PostgreSQL, a malformed key, a key file others can read)
 * is one coded error before anything is served.
 */
export async function openPrivacyRuntime(options: PrivacyRuntimeOptions): Promise<PrivacyRuntime> {
  const keyStoreOptions = {
    databaseUrl: options.databaseUrl,
    keysDatabaseUrl: options.keysDatabaseUrl,
    dataDir: options.dataDir,
    ...(options.keyStoreSchema ? { schema: options.keyStoreSchema } : {}),
  };
  resolveKeyStore(keyStoreOptions);
  const source = { databaseUrl: options.databaseUrl, dataDir: options.dataDir };
  const [provider, indexKey] = await Promise.all([
    loadKeyProvider({
      ...source,
      value: options.keys.kek,
      previousValue: options.keys.kekPrevious,
    }),
    loadKey('index', { ...source, value: options.keys.index }),
  ]);
  const keyStore = await openKeyStore(keyStoreOptions);
  try {
    await migrateKeyStoreToLatest(keyStore.db, options.onMigration);
  } catch (error) {
    await keyStore.close();
    throw error;
  }
  return {
    provider,
    keyStore,
    personKeys: new PersonKeysService(new PersonKeysRepository(keyStore.db), provider, {
      cacheSize: keyCacheSize,
      cacheMaxAgeMs: keyCacheMaxAgeMs,
    }),
    indexer: new BlindIndexer(indexKey),
    close: () => keyStore.close(),
  };
}
