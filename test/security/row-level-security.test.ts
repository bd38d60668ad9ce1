import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, it } from 'node:test';
import { sql } from 'kysely';
import { withOrganisationScope } from '../../src/db/organisation-scope.ts';
import { describeEachEngine } from '../support/engines.ts';

/**
 * Cross-organisation reads fail in the database itself (issue 6, item 2):
 * tested as an ordinary role — not the tables' owner, not a superuser,
 * which PostgreSQL lets past row-level security whatever is forced.
 */
describeEachEngine('row-level security, as the application role', (database) => {
  const role = `belong_app_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let organisationA = '';
  let organisationB = '';

  after(async () => {
    const db = database().db;
    await sql`DROP OWNED BY ${sql.id(role)}`.execute(db).catch(() => {});
    await sql`DROP ROLE IF EXISTS ${sql.id(role)}`.execute(db).catch(() => {});
  });

  it('shows and changes only the scoped organisations’ cases', async () => {
    const db = database().db;
    await sql`CREATE ROLE ${sql.id(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS`.execute(db);
    await sql`GRANT USAGE ON SCHEMA ${sql.id(await currentSchema())} TO ${sql.id(role)}`.execute(
      db,
    );
    await sql`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${sql.id(await currentSchema())} TO ${sql.id(role)}`.execute(
      db,
    );
    const ids = await Promise.all(
      ['a', 'b'].map(async (slug) => {
        const row = await db
          .insertInto('organisations')
          .values({ slug: `${slug}-${randomUUID().slice(0, 8)}`, name: slug })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      }),
    );
    organisationA = ids[0] ?? '';
    organisationB = ids[1] ?? '';
    for (const [organisation, reference] of [
      [organisationA, 'BLG-AAAA-0001'],
      [organisationB, 'BLG-BBBB-0001'],
    ] as const) {
      await db
        .insertInto('cases')
        .values({
          id: randomUUID(),
          reference,
          claim_hash: 'x',
          claim_code: null,
          person_id: randomUUID(),
          organisation_id: organisation,
          program: 'tps',
          answers: null,
          request_digest: null,
          screening_outcome: 'yes',
          rules_version: 'v',
          flow_version: '1',
          idempotency_key: `rls:${reference}`,
          language: 'en',
          channel: 'api',
          decision_due_on: '2027-01-01',
        })
        .execute();
    }

    const seen = await withOrganisationScope(db, [organisationA], async (trx) => {
      await sql`SET LOCAL ROLE ${sql.id(role)}`.execute(trx);
      // A query that forgets the organisation filter still sees only A.
      const rows = await trx.selectFrom('cases').select('reference').orderBy('reference').execute();
      const changed = await trx
        .updateTable('cases')
        .set({ status: 'closed' })
        .where('reference', '=', 'BLG-BBBB-0001')
        .executeTakeFirst();
      return {
        references: rows.map((row) => row.reference),
        changed: Number(changed.numUpdatedRows),
      };
    });
    assert.deepEqual(seen.references, ['BLG-AAAA-0001']);
    assert.equal(seen.changed, 0, "another organisation's case cannot be changed");

    const none = await withOrganisationScope(db, [], async (trx) => {
      await sql`SET LOCAL ROLE ${sql.id(role)}`.execute(trx);
      return trx.selectFrom('cases').select('reference').execute();
    });
    assert.deepEqual(none, [], 'a staff scope with no organisation sees nothing');

    // The owner is held too (FORCE), where the scope is set.
    const asOwner = await withOrganisationScope(db, [organisationB], (trx) =>
      trx.selectFrom('cases').select('reference').execute(),
    );
    const isSuperuser = (
      await sql<{
        rolsuper: boolean;
      }>`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`.execute(db)
    ).rows[0]?.rolsuper;
    if (!isSuperuser)
      assert.deepEqual(
        asOwner.map((row) => row.reference),
        ['BLG-BBBB-0001'],
      );
  });

  async function currentSchema(): Promise<string> {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(
      database().db,
    );
    return rows[0]?.schema ?? 'public';
  }
});
