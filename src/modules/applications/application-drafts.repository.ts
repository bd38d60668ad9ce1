import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type DraftRow = Awaited<ReturnType<ApplicationDraftsRepository['findById']>> & object;

/** Drafts as stored: sealed columns stay sealed here; the service opens them. */
export class ApplicationDraftsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: {
    id: string;
    personId: string;
    program: string;
    flowVersion: string;
    accessHash: string;
    resumeHash: string;
    resumeCode: string;
    answers: string;
  }): Promise<void> {
    await this.db
      .insertInto('application_drafts')
      .values({
        id: row.id,
        person_id: row.personId,
        program: row.program,
        flow_version: row.flowVersion,
        access_hash: row.accessHash,
        resume_hash: row.resumeHash,
        resume_code: row.resumeCode,
        answers: row.answers,
      })
      .execute();
  }

  findById(id: string) {
    return this.db
      .selectFrom('application_drafts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByResumeHash(resumeHash: string) {
    return this.db
      .selectFrom('application_drafts')
      .selectAll()
      .where('resume_hash', '=', resumeHash)
      .executeTakeFirst();
  }

  async saveAnswers(id: string, answers: string): Promise<void> {
    await this.db
      .updateTable('application_drafts')
      .set({ answers, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('case_id', 'is', null)
      .execute();
  }

  /** A resume that matched: a new cookie secret, and the failure count back to zero. */
  async grantAccess(id: string, accessHash: string): Promise<void> {
    await this.db
      .updateTable('application_drafts')
      .set({ access_hash: accessHash, failed_resumes: 0 })
      .where('id', '=', id)
      .execute();
  }

  /** Counts a failed resume; returns the new count. */
  async recordFailedResume(id: string): Promise<number> {
    const row = await this.db
      .updateTable('application_drafts')
      .set({ failed_resumes: sql<number>`failed_resumes + 1` })
      .where('id', '=', id)
      .returning('failed_resumes')
      .executeTakeFirst();
    return row?.failed_resumes ?? 0;
  }
}
