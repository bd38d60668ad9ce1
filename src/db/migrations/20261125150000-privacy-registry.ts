import { type Kysely, sql } from 'kysely';

/**
 * What the privacy core keeps about people beside their sealed fields:
 * blind indexes (to find a person or a duplicate without plaintext) and the
 * retention schedule (when their personal data is forgotten). Neither holds
 * a personal value; both are deleted when the person is forgotten.
 *
 * Jobs gain `recurring`: a recurring kind (the retention sweep) has at most
 * one job waiting or running at a time, however many processes start it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_blind_indexes')
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('organisation_id', 'uuid', (col) => col.references('organisations.id'))
    .addColumn('domain', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('person_blind_indexes_pkey', ['domain', 'value', 'person_id'])
    .execute();
  await sql`CREATE INDEX person_blind_indexes_person_idx ON person_blind_indexes (person_id)`.execute(
    db,
  );

  await db.schema
    .createTable('retention_schedule')
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('program', 'text', (col) => col.notNull())
    .addColumn('basis', 'text', (col) =>
      col.notNull().check(sql`basis IN ('draft-saved', 'final-decision', 'payment')`),
    )
    .addColumn('basis_at', 'timestamptz', (col) => col.notNull())
    .addColumn('forget_after', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('retention_schedule_pkey', ['person_id', 'program'])
    .execute();
  await sql`CREATE INDEX retention_schedule_due_idx ON retention_schedule (forget_after)`.execute(
    db,
  );

  await db.schema
    .alterTable('jobs')
    .addColumn('recurring', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await sql`CREATE UNIQUE INDEX jobs_recurring_kind_key ON jobs (kind) WHERE recurring AND status IN ('queued', 'running')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX jobs_recurring_kind_key`.execute(db);
  await db.schema.alterTable('jobs').dropColumn('recurring').execute();
  await db.schema.dropTable('retention_schedule').execute();
  await db.schema.dropTable('person_blind_indexes').execute();
}
