import path from 'node:path';
import { AppError } from '../errors.ts';
import { type DatabaseHandle, openDatabaseOf } from './database.ts';
import type { KeyStoreDatabase } from './schema.ts';

/**
 * The key store: per-person data keys (wrapped by the KEK) in a database of
 * their own, apart from the main database and its backups. Restoring a dump
 * of the main database taken before a person was forgotten brings back their
 * sealed fields, but not the key that opened them
 * (docs/decisions/0023-key-store-apart-from-data.md).
 *
 * - Embedded default: a second PGlite database in `.belong/keys`, beside
 *   `.belong/data`, opened exactly as the main one is (template copy,
 *   directory lock `.belong/keys.lock`), by the same code (`openDatabaseOf`).
 * - PostgreSQL: the database named by BELONG_KEYS_DATABASE_URL, required
 *   whenever DATABASE_URL is set, and refused when it names the main database.
 */
export type KeyStoreHandle = DatabaseHandle<KeyStoreDatabase>;

export interface KeyStoreOptions {
  /** DATABASE_URL: the main database's server, when it is PostgreSQL. */
  databaseUrl?: string | undefined;
  /** BELONG_KEYS_DATABASE_URL: the key store's database. */
  keysDatabaseUrl?: string | undefined;
  /** The main embedded database's directory (the key store goes beside it), or `memory://`. */
  dataDir: string;
  /**
   * PostgreSQL only, tests only: a schema to work in. A test key store is a
   * schema of the test server's database, so the same-database check is
   * skipped when a schema is given.
   */
  schema?: string;
  poolSize?: number;
}

/** Where the embedded key store lives: `.belong/data` → `.belong/keys`. */
export function keyStoreDir(dataDir: string): string {
  if (dataDir === 'memory://') return 'memory://';
  return path.join(path.dirname(path.resolve(dataDir)), 'keys');
}

/**
 * Which database holds the keys, decided before anything is opened, so a
 * misconfiguration is one coded error rather than a half-started process.
 * Returns the options for `openDatabaseOf`.
 */
export function resolveKeyStore(options: KeyStoreOptions): {
  databaseUrl?: string;
  dataDir: string;
} {
  const keysUrl = options.keysDatabaseUrl === '' ? undefined : options.keysDatabaseUrl;
  if (keysUrl !== undefined && !/^postgres(ql)?:\/\//.test(keysUrl)) {
    throw new AppError('BLG_KEY_STORE_NOT_CONFIGURED', { details: { reason: 'not-postgres-url' } });
  }
  if (options.databaseUrl && keysUrl === undefined) {
    throw new AppError('BLG_KEY_STORE_NOT_CONFIGURED', { details: { reason: 'unset' } });
  }
  if (keysUrl === undefined) return { dataDir: keyStoreDir(options.dataDir) };
  if (options.databaseUrl && !options.schema && sameDatabase(options.databaseUrl, keysUrl)) {
    throw new AppError('BLG_KEY_STORE_SHARES_DATABASE');
  }
  return { databaseUrl: keysUrl, dataDir: keyStoreDir(options.dataDir) };
}

/** Opens the key store (not migrated: see `migrateKeyStoreToLatest`). */
export function openKeyStore(options: KeyStoreOptions): Promise<KeyStoreHandle> {
  const target = resolveKeyStore(options);
  return openDatabaseOf<KeyStoreDatabase>({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
}

/**
 * True when two connection strings name the same database on the same
 * server (host, port and database name; user and options do not matter).
 * A different host name for the same server is not caught: this is a guard
 * against the obvious mistake of copying DATABASE_URL, not a proof.
 */
export function sameDatabase(a: string, b: string): boolean {
  const left = databaseIdentity(a);
  const right = databaseIdentity(b);
  return left !== undefined && left === right;
}

function databaseIdentity(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase() || parsed.searchParams.get('host') || 'localhost';
    const port = parsed.port || '5432';
    const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username;
    return `${host}:${port}/${name}`;
  } catch {
    return undefined;
  }
}
