import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResult, Migrator } from 'kysely/migration';
import { keyStoreMigrations } from './key-store-migrations/index.ts';
import { migrations } from './migrations/index.ts';
import type { Database, KeyStoreDatabase } from './schema.ts';

export interface MigrateReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Brings the schema up to date. On PostgreSQL, Kysely holds an advisory lock
 * while it works, so several processes starting at once migrate exactly once.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  onApplied: (name: string) => void = () => {},
): Promise<MigrateReport> {
  return runMigrations(db, migrations, onApplied);
}

/**
 * Brings the key store (src/db/key-store.ts) up to date with its own,
 * separate list of migrations.
 */
export async function migrateKeyStoreToLatest(
  db: Kysely<KeyStoreDatabase>,
  onApplied: (name: string) => void = () => {},
): Promise<MigrateReport> {
  return runMigrations(db, keyStoreMigrations, onApplied);
}

async function runMigrations<DB>(
  db: Kysely<DB>,
  set: Record<string, Migration>,
  onApplied: (name: string) => void,
): Promise<MigrateReport> {
  // Kysely looks for its migration table in every schema of the database
  // unless told which one: a database (or a test server) whose other schema
  // has been migrated would look migrated already. Name the current one.
  const current = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => set },
    ...(current.rows[0]?.schema ? { migrationTableSchema: current.rows[0].schema } : {}),
  });
  const before = (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).length;
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? [])
    .filter((result: MigrationResult) => result.status === 'Success')
    .map((result) => result.migrationName);
  for (const name of applied) onApplied(name);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? '(unknown)'} failed`, { cause: error });
  }
  return { applied, alreadyApplied: before };
}

export function listMigrations(): string[] {
  return Object.keys(migrations).sort();
}
