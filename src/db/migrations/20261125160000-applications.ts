import { type Kysely, sql } from 'kysely';

/**
 * Application drafts and submitted cases (issue 5). Every answer is sealed
 * under the applicant's data key (the `answers` columns); the plain columns
 * say only what a queue, a clock and the aggregate reports need. Codes a
 * person holds (resume, claim, the draft cookie's secret) are stored as
 * SHA-256 hashes for lookup; the resume and claim codes are also kept
 * sealed, so they can be shown again to the browser or partner that holds
 * the draft or the idempotency key, and to nobody else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_drafts')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('program', 'text', (col) => col.notNull())
    .addColumn('flow_version', 'text', (col) => col.notNull())
    .addColumn('access_hash', 'text', (col) => col.notNull())
    .addColumn('resume_hash', 'text', (col) => col.notNull().unique())
    .addColumn('resume_code', 'text', (col) => col.notNull())
    .addColumn('answers', 'text', (col) => col.notNull())
    .addColumn('failed_resumes', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('case_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX application_drafts_person_idx ON application_drafts (person_id)`.execute(
    db,
  );

  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('claim_hash', 'text', (col) => col.notNull())
    .addColumn('claim_code', 'text')
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('organisation_id', 'uuid', (col) => col.references('organisations.id'))
    .addColumn('program', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('submitted')
        .check(
          sql`status IN ('submitted', 'screening', 'in_review', 'info_requested', 'decided', 'awarded', 'paid', 'closed')`,
        ),
    )
    .addColumn('answers', 'text')
    .addColumn('request_digest', 'text')
    .addColumn('screening_outcome', 'text', (col) =>
      col.check(sql`screening_outcome IN ('yes', 'no', 'maybe')`),
    )
    .addColumn('rules_version', 'text', (col) => col.notNull())
    .addColumn('flow_version', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel IN ('web', 'api')`))
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('decision_due_on', 'date', (col) => col.notNull())
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await sql`CREATE INDEX cases_person_idx ON cases (person_id)`.execute(db);
  await sql`CREATE INDEX cases_queue_idx ON cases (organisation_id, program, status, decision_due_on)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cases').execute();
  await db.schema.dropTable('application_drafts').execute();
}
