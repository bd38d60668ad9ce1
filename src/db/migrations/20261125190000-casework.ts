import { type Kysely, sql } from 'kysely';

/**
 * Casework (issue 6): which organisation takes which program's cases, who
 * holds a case, its decision, the history of its transitions, and requests
 * for information the applicant sees on the status page. Texts written
 * about a person (a note, a request, a decision's reasons) are sealed under
 * that person's key, like their answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_programs')
    .addColumn('organisation_id', 'uuid', (col) =>
      col.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('program', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('organisation_programs_pkey', ['organisation_id', 'program'])
    .execute();

  await db.schema
    .alterTable('cases')
    .addColumn('assigned_to', 'uuid', (col) => col.references('staff_accounts.id'))
    .addColumn('assigned_at', 'timestamptz')
    .addColumn('outcome', 'text', (col) =>
      col.check(sql`outcome IN ('approved', 'denied', 'withdrawn')`),
    )
    // Clinic mode: where an applicant sitting with a navigator is in the workshop.
    .addColumn('station', 'text', (col) =>
      col.check(sql`station IN ('screening', 'preparation', 'legal-review', 'done')`),
    )
    .execute();

  // The queue: an organisation's open cases, most urgent first, read a page
  // at a time straight off this index however long the backlog grows.
  await sql`CREATE INDEX cases_open_queue_idx ON cases (organisation_id, decision_due_on, submitted_at)
    WHERE status IN ('submitted', 'screening', 'in_review', 'info_requested')`.execute(db);

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id'))
    .addColumn('organisation_id', 'uuid', (col) => col.references('organisations.id'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind IN ('transition', 'assignment', 'note', 'decision', 'station')`),
    )
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('reason_codes', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('text', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX case_events_case_idx ON case_events (case_id, created_at)`.execute(db);

  await db.schema
    .createTable('info_requests')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (col) => col.notNull().references('cases.id'))
    .addColumn('organisation_id', 'uuid', (col) => col.references('organisations.id'))
    .addColumn('requested_by', 'uuid', (col) => col.notNull())
    .addColumn('document_code', 'text')
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('due_on', 'date', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await sql`CREATE INDEX info_requests_case_idx ON info_requests (case_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX cases_open_queue_idx`.execute(db);
  await db.schema.dropTable('info_requests').execute();
  await db.schema.dropTable('case_events').execute();
  await db.schema.alterTable('cases').dropColumn('station').execute();
  await db.schema.alterTable('cases').dropColumn('outcome').execute();
  await db.schema.alterTable('cases').dropColumn('assigned_at').execute();
  await db.schema.alterTable('cases').dropColumn('assigned_to').execute();
  await db.schema.dropTable('organisation_programs').execute();
}
