import { type Kysely, sql } from 'kysely';

/**
 * Staff sign-in (issue 6, item 1): lockout counters on the account, a second
 * factor sealed under the staff member's own data key, and server-side
 * sessions found by the SHA-256 of the cookie's secret, never the secret.
 * SQL here must run on PostgreSQL 15 (production) and PGlite (PostgreSQL 18).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_accounts')
    .addColumn('failed_sign_ins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('first_failed_at', 'timestamptz')
    .addColumn('locked_until', 'timestamptz')
    .execute();

  await db.schema
    .createTable('staff_second_factors')
    .addColumn('staff_id', 'uuid', (col) =>
      col.primaryKey().references('staff_accounts.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('totp')`))
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('staff_id', 'uuid', (col) =>
      col.notNull().references('staff_accounts.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('second_factor_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('staff_sessions_staff_id_idx')
    .on('staff_sessions')
    .column('staff_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_sessions').execute();
  await db.schema.dropTable('staff_second_factors').execute();
  await db.schema
    .alterTable('staff_accounts')
    .dropColumn('failed_sign_ins')
    .dropColumn('first_failed_at')
    .dropColumn('locked_until')
    .execute();
}
