import { type Kysely, sql } from 'kysely';

/**
 * Per-person data keys, stored only wrapped by the key-encryption key, in
 * the key store (never in the main database: see
 * docs/decisions/0023-key-store-apart-from-data.md).
 * Forgetting a person sets `wrapped_key` to NULL and `destroyed_at`
 * (crypto-shredding); the row stays so the id cannot be given a new key and
 * so the fact of forgetting is kept without any personal field.
 * No foreign key, ever: people, household members and supporters live in
 * the main database, another database; they refer to this table by id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_keys')
    .addColumn('person_id', 'uuid', (col) => col.primaryKey())
    .addColumn('wrapped_key', 'bytea')
    .addColumn('kek_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('destroyed_at', 'timestamptz')
    .addCheckConstraint(
      'person_keys_destroyed_has_no_key',
      sql`(wrapped_key IS NULL) = (destroyed_at IS NOT NULL)`,
    )
    .execute();
  // KEK rotation walks the keys still wrapped under an old KEK, in id order.
  await sql`CREATE INDEX person_keys_kek_id_idx ON person_keys (kek_id, person_id) WHERE destroyed_at IS NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_keys').execute();
}
