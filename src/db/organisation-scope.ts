import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `work` in a transaction whose row-level security shows only the rows
 * of `organisationIds` (src/db/migrations/20261125200000-row-level-security.ts).
 * `set_config(…, true)` lasts until the transaction ends, so a pooled
 * connection never carries one staff member's scope into another's request.
 */
export function withOrganisationScope<T>(
  db: Kysely<Database>,
  organisationIds: readonly string[],
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('belong.scope', 'staff', true),
      set_config('belong.organisations', ${organisationIds.join(',')}, true)`.execute(trx);
    return work(trx);
  });
}
