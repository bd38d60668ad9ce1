import type { Kysely } from 'kysely';

/**
 * Passkeys as a second factor for staff (issue 6, item 1; decision 0032).
 * A staff member may hold several (a phone, a security key); each public key
 * is sealed under the staff member's own data key, so forgetting the account
 * makes every one of them useless. The challenge of a ceremony in progress
 * lives on the session that asked for it, so it is single-use and dies with
 * the session. SQL here must run on PostgreSQL 15 and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_passkeys')
    // The authenticator's credential id, base64url: random, chosen by the device.
    .addColumn('credential_id', 'text', (col) => col.primaryKey())
    .addColumn('staff_id', 'uuid', (col) =>
      col.notNull().references('staff_accounts.id').onDelete('cascade'),
    )
    .addColumn('public_key', 'text', (col) => col.notNull())
    .addColumn('sign_count', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('transports', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('staff_passkeys_staff_id_idx')
    .on('staff_passkeys')
    .column('staff_id')
    .execute();

  await db.schema
    .alterTable('staff_sessions')
    .addColumn('passkey_challenge', 'text')
    .addColumn('passkey_challenge_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_sessions')
    .dropColumn('passkey_challenge')
    .dropColumn('passkey_challenge_at')
    .execute();
  await db.schema.dropTable('staff_passkeys').execute();
}
