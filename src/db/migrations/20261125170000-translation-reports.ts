import { type Kysely, sql } from 'kysely';

/**
 * Reports of a bad translation (issue 5, item 8): the page, the language
 * and the kind of problem — deliberately no free text, so nobody can leave
 * personal data in a report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('translation_reports')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('page_path', 'text', (col) => col.notNull())
    .addColumn('problem', 'text', (col) =>
      col
        .notNull()
        .check(sql`problem IN ('meaning', 'unclear', 'offensive', 'untranslated', 'other')`),
    )
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('translation_reports').execute();
}
