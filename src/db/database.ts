import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { copyTemplateTo } from './pglite-template.ts';
import type { Database } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

/** An open database; `DB` is its tables (the main database's, or the key store's). */
export interface DatabaseHandle<DB = Database> {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** True when this open created the embedded database (its first run). */
  readonly created: boolean;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server; when absent, the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** The embedded database's directory, or `memory://`. */
  dataDir: string;
  /** PostgreSQL only: a schema to work in (tests give each run its own). */
  schema?: string;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number;
}

export function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return openDatabaseOf<Database>(options);
}

/** Opens a database with other tables the same way (the key store: src/db/key-store.ts). */
export async function openDatabaseOf<DB>(
  options: OpenDatabaseOptions,
): Promise<DatabaseHandle<DB>> {
  return options.databaseUrl
    ? openPostgres<DB>(options.databaseUrl, options)
    : openPglite<DB>(options.dataDir);
}

/**
 * PostgreSQL's DATE type (oid 1082) as the `YYYY-MM-DD` text it is. Left to
 * the drivers, node-postgres makes it a Date at local midnight and PGlite a
 * Date at UTC midnight, so the same day could read back as two different
 * days depending on the engine and the server's time zone.
 */
const dateOid = 1082;
const keepText = (value: string) => value;

function openPostgres<DB>(databaseUrl: string, options: OpenDatabaseOptions): DatabaseHandle<DB> {
  if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error('schema must be a plain lower-case identifier');
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === dateOid
          ? keepText
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the
  // next query reports the failure to its caller instead.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', created: false, close: () => db.destroy() };
}

/**
 * PGlite is one PostgreSQL session in this process. Kysely's PGlite dialect
 * reports that it cannot hold several connections, so Kysely serialises every
 * query and keeps a transaction's connection to itself until it ends: no
 * other request's statement can slip into an open transaction.
 */
async function openPglite<DB>(dataDir: string): Promise<DatabaseHandle<DB>> {
  const inMemory = dataDir === 'memory://';
  let lock: DirectoryLock | undefined;
  let created = inMemory;
  if (!inMemory) {
    // The folder holds personal data (sealed, but still): only this user may enter it.
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o700 });
    lock = acquireDirectoryLock(dataDir);
    created = !existsSync(path.join(dataDir, 'PG_VERSION'));
    if (created) {
      copyTemplateTo(dataDir);
      mkdirSync(dataDir, { recursive: true });
      chmodSync(dataDir, 0o700);
    }
  }
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
      parsers: { [dateOid]: keepText },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      engine: 'pglite',
      created,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
