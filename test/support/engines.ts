import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { type DatabaseHandle, type Engine, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ensureTemplate } from '../../src/db/pglite-template.ts';

/** The engines this run tests on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** Closes the database and removes everything the test created. */
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
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    await ensureTemplate();
    const folder = mkdtempSync(path.join(tmpdir(), 'belong-test-'));
    handle = await openDatabase({ dataDir: path.join(folder, 'data') });
    cleanup = async () => rmSync(folder, { recursive: true, force: true });
  } else {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set');
    const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(databaseUrl, `CREATE SCHEMA ${schema}`);
    handle = await openDatabase({ databaseUrl, dataDir: 'unused', schema, poolSize: 5 });
    cleanup = () => adminQuery(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    close: () => handle.close(),
    dispose: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

async function adminQuery(databaseUrl: string, statement: string): Promise<void> {
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
 * through `database()`, opened before its first test and disposed after.
 */
export function describeEachEngine(
  title: string,
  suite: (database: () => TestDatabase, engine: Engine) => void,
): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let current: TestDatabase | undefined;
      before(async () => {
        current = await openTestDatabase(engine);
      });
      after(async () => {
        await current?.dispose();
      });
      suite(() => {
        if (!current) throw new Error('database not open yet');
        return current;
      }, engine);
    });
  }
}
