import type { Kysely } from 'kysely';
import { type MigrationResult, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

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
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
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
