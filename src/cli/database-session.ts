import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { DatabaseLockedError } from '../db/directory-lock.ts';
import {
  type KeyStoreHandle,
  type KeyStoreOptions,
  openKeyStore,
  resolveKeyStore,
} from '../db/key-store.ts';
import { migrateKeyStoreToLatest, migrateToLatest } from '../db/migrate.ts';
import { errorCatalogue, isAppError } from '../errors.ts';
import { type CommandIo, line } from './command.ts';

/** Says which database a command is about to use, before the slow part starts. */
export function describeDatabase(config: Config, io: CommandIo): void {
  if (config.databaseUrl) {
    line(io.stderr, `Database: PostgreSQL (${redactUrl(config.databaseUrl)})`);
  } else {
    line(io.stderr, `Database: embedded PGlite in ${config.dataDir}`);
    line(
      io.stderr,
      '  The embedded database is for trying Belong and for small deployments; production uses PostgreSQL (set DATABASE_URL).',
    );
  }
}

/** Opens the configured database and migrates it, reporting progress on stderr. */
export async function openMigratedDatabase(config: Config, io: CommandIo): Promise<DatabaseHandle> {
  describeDatabase(config, io);
  const started = Date.now();
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw new CommandFailure(error.message);
    throw error;
  }
  if (database.created && database.engine === 'pglite' && config.dataDir !== 'memory://') {
    line(io.stderr, `  Created a new database (${Date.now() - started} ms).`);
  }
  try {
    await migrateToLatest(database.db, (name) => line(io.stderr, `  Applied migration ${name}`));
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Where the per-person data keys are: BELONG_KEYS_DATABASE_URL, or beside the embedded database. */
export function keyStoreOptions(config: Config, env: NodeJS.ProcessEnv): KeyStoreOptions {
  return {
    databaseUrl: config.databaseUrl,
    keysDatabaseUrl: env.BELONG_KEYS_DATABASE_URL,
    dataDir: config.dataDir,
  };
}

/**
 * Opens the main database and the key store, both migrated, runs `work`
 * and closes both. The key store's configuration is checked before either
 * is opened, so a missing BELONG_KEYS_DATABASE_URL is one coded line.
 */
export async function withPersonalData<T>(
  config: Config,
  io: CommandIo,
  work: (database: DatabaseHandle, keyStore: KeyStoreHandle) => Promise<T>,
): Promise<T> {
  const options = keyStoreOptions(config, io.env);
  const target = explainAppErrors(() => resolveKeyStore(options));
  const database = await openMigratedDatabase(config, io);
  try {
    line(
      io.stderr,
      target.databaseUrl
        ? `Key store: PostgreSQL (${redactUrl(target.databaseUrl)})`
        : `Key store: embedded PGlite in ${target.dataDir}`,
    );
    let keyStore: KeyStoreHandle;
    try {
      keyStore = await openKeyStore(options);
    } catch (error) {
      if (error instanceof DatabaseLockedError) throw new CommandFailure(error.message);
      throw error;
    }
    try {
      await migrateKeyStoreToLatest(keyStore.db, (name) =>
        line(io.stderr, `  Applied key store migration ${name}`),
      );
      return await work(database, keyStore);
    } finally {
      await keyStore.close();
    }
  } finally {
    await database.close();
  }
}

/** Runs `work`, turning a coded error into one line: its code and what it means (exit 1). */
export function explainAppErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asCommandFailure(error);
  }
}

/** A coded error as a CommandFailure (code and description, never details); anything else as is. */
export function asCommandFailure(error: unknown): unknown {
  return isAppError(error)
    ? new CommandFailure(`${error.code}: ${errorCatalogue[error.code].description}`)
    : error;
}

/** A failure the command explains in one line (exit 1) rather than with a stack trace. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

/** Hides the password in a connection string before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
