import { type Kysely, sql } from 'kysely';
import type { Database, Job } from '../../db/schema.ts';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * The jobs table is the one queue every Belong process shares. A job is
 * claimed with `FOR UPDATE SKIP LOCKED`, so any number of workers on any
 * number of machines can poll it and no job runs twice at once.
 */
export class JobsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<Job> {
    return this.db
      .insertInto('jobs')
      .values({
        kind,
        payload: JSON.stringify(payload ?? {}),
        ...(options.runAt ? { run_at: options.runAt } : {}),
        ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Makes sure one job of a recurring kind is waiting: inserts it to run at
   * `runAt` unless one is already queued or running (a partial unique index
   * decides, so several processes starting at once make one job). True
   * when this call inserted it.
   */
  async ensureRecurring(kind: string, runAt: Date): Promise<boolean> {
    const inserted = await this.db
      .insertInto('jobs')
      .values({ kind, payload: '{}', run_at: runAt, recurring: true })
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /** Claims up to `limit` due jobs of the given kinds for `workerId`. */
  async claim(workerId: string, kinds: readonly string[], limit = 1): Promise<Job[]> {
    if (kinds.length === 0 || limit < 1) return [];
    return this.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        locked_at: sql<Date>`now()`,
        attempts: sql<number>`attempts + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('run_at', '<=', sql<Date>`now()`)
          .where('kind', 'in', kinds)
          .orderBy('run_at')
          .orderBy('created_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
  }

  async complete(id: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'done', locked_by: null, locked_at: null, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Records a failure. The job runs again after `retryAfterMs` unless it has
   * used all its attempts. `errorLabel` must be a code or class name, never a
   * message: messages can echo personal data.
   */
  async fail(id: string, errorLabel: string, retryAfterMs: number): Promise<Job | undefined> {
    return this.db
      .updateTable('jobs')
      .set({
        status: sql`CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END`,
        run_at: sql<Date>`now() + make_interval(secs => ${retryAfterMs / 1000})`,
        last_error: errorLabel.slice(0, 200),
        locked_by: null,
        locked_at: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Returns to the queue the jobs whose worker died while running them. */
  async requeueStale(lockedBeforeMs: number): Promise<number> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, locked_at: null, updated_at: sql<Date>`now()` })
      .where('status', '=', 'running')
      .where('locked_at', '<', sql<Date>`now() - make_interval(secs => ${lockedBeforeMs / 1000})`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async findById(id: string): Promise<Job | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }
}
