import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase, testEngines } from '../../test/support/engines.ts';
import { listMigrations, migrateToLatest } from './migrate.ts';

for (const engine of testEngines()) {
  describe(`migrations [${engine}]`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(engine, { migrate: false });
    });
    after(() => database.dispose());

    it('applies every migration in order on an empty database, then nothing more', async () => {
      const applied: string[] = [];
      const first = await migrateToLatest(database.db, (name) => applied.push(name));
      assert.deepEqual(applied, listMigrations());
      assert.deepEqual(first.applied, listMigrations());
      const second = await migrateToLatest(database.db);
      assert.deepEqual(second.applied, []);
      assert.equal(second.alreadyApplied, listMigrations().length);
    });

    it('creates the foundation tables', async () => {
      const { rows } = await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() ORDER BY table_name`.execute(database.db);
      const tables = rows.map((row) => row.table_name);
      for (const table of ['jobs', 'organisations', 'staff_accounts', 'staff_memberships']) {
        assert.ok(tables.includes(table), `${table} is missing from ${tables.join(', ')}`);
      }
    });

    it('names migrations with a sortable timestamp and kebab-case', () => {
      for (const name of listMigrations()) assert.match(name, /^\d{14}-[a-z0-9]+(-[a-z0-9]+)*$/);
    });
  });
}
