import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { DatabaseLockedError } from '../db/directory-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
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
