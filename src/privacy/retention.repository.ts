import { type Kysely, sql } from 'kysely';
import type { Database, RetentionBasis } from '../db/schema.ts';

export interface RetentionEntry {
  personId: string;
  program: string;
  basis: RetentionBasis;
  basisAt: Date;
  forgetAfter: Date;
}

/** The retention schedule: when each person's data is forgotten, per program. */
export class RetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sets (or moves) the date a person's data for one program is forgotten. */
  async upsert(entry: RetentionEntry): Promise<void> {
    await this.db
      .insertInto('retention_schedule')
      .values({
        person_id: entry.personId,
        program: entry.program,
        basis: entry.basis,
        basis_at: entry.basisAt,
        forget_after: entry.forgetAfter,
      })
      .onConflict((conflict) =>
        conflict.columns(['person_id', 'program']).doUpdateSet({
          basis: entry.basis,
          basis_at: entry.basisAt,
          forget_after: entry.forgetAfter,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }

  /**
   * People all of whose entries are due: a person with a draft that expired
   * but a case still open elsewhere keeps their key until the case's own
   * date comes.
   */
  async duePeople(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('retention_schedule')
      .select('person_id')
      .groupBy('person_id')
      .having((eb) => eb.fn.max('forget_after'), '<=', now)
      .orderBy('person_id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.person_id);
  }

  async listFor(personId: string): Promise<RetentionEntry[]> {
    const rows = await this.db
      .selectFrom('retention_schedule')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('program')
      .execute();
    return rows.map((row) => ({
      personId: row.person_id,
      program: row.program,
      basis: row.basis,
      basisAt: row.basis_at,
      forgetAfter: row.forget_after,
    }));
  }

  /** Deletes the person's entries: all of them, or one program's. */
  async deleteFor(personId: string, program?: string): Promise<void> {
    let query = this.db.deleteFrom('retention_schedule').where('person_id', '=', personId);
    if (program !== undefined) query = query.where('program', '=', program);
    await query.execute();
  }
}
