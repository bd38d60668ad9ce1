import { type Kysely, sql } from 'kysely';

/**
 * Row-level security on the tables a case's organisation owns (issue 6,
 * item 2), forced so that the tables' owner is held to it too. The service
 * layer already names the staff member's organisations in every query;
 * this is the second line, in the database, for the day a query forgets.
 *
 * A staff request runs in a transaction that sets `belong.scope` to
 * `staff` and `belong.organisations` to the organisation ids it may see
 * (src/db/organisation-scope.ts); rows of any other organisation are then
 * invisible and cannot be changed. Belong's own paths — the public
 * journey (a person sees their own case by its claim code), the retention
 * sweep, the data report — run with the scope unset, which is `all`.
 * Superusers bypass row-level security in PostgreSQL whatever is forced,
 * so production connects as a role that is not one (docs/decisions/0029).
 */
const tables = ['cases', 'case_events', 'info_requests'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY ${sql.id(`${table}_by_organisation`)} ON ${sql.table(table)}
      USING (
        coalesce(current_setting('belong.scope', true), '') IN ('', 'all')
        OR organisation_id::text = ANY (
          string_to_array(coalesce(current_setting('belong.organisations', true), ''), ',')
        )
      )`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await sql`DROP POLICY ${sql.id(`${table}_by_organisation`)} ON ${sql.table(table)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} NO FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DISABLE ROW LEVEL SECURITY`.execute(db);
  }
}
