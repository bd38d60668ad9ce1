import type { Kysely, Transaction } from 'kysely';
import type { Database, RetentionBasis } from '../db/schema.ts';
import { dayOf } from '../engine/dates.ts';
import type { ParameterSet } from '../engine/parameters.ts';
import { isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { PersonPrivacyService } from './person-privacy.service.ts';
import { RetentionRepository } from './retention.repository.ts';

/** The job kind of the retention sweep, run from the jobs table. */
export const retentionJobKind = 'privacy.retention-sweep';
/** How often the sweep runs. Retention is counted in days; hourly is ample. */
export const retentionSweepEveryMs = 60 * 60 * 1000;

const dayMs = 24 * 60 * 60 * 1000;
/** People forgotten per sweep batch; the sweep takes batches until none is due. */
const batchSize = 100;

/**
 * Retention rules per program (DESIGN.md: "delete on a schedule"): when a
 * draft is saved, a case is decided or a payment made, the feature calls
 * `schedule`, which sets the day the person's data is forgotten from the
 * program's dated parameter under rules/parameters/belong/retention/. The
 * sweep, a recurring job, forgets every person whose dates have all passed:
 * their data key is destroyed and each module erases its personal fields,
 * leaving only what aggregate statistics need.
 */
export class RetentionService {
  private readonly schedules: RetentionRepository;

  constructor(
    db: Kysely<Database>,
    private readonly parameters: ParameterSet,
    private readonly privacy: PersonPrivacyService,
  ) {
    this.schedules = new RetentionRepository(db);
  }

  /** How many days the program keeps data after `basis`, as the parameters say today. */
  retentionDays(program: string, basis: RetentionBasis, today: Date = new Date()): number {
    const day = dayOf(today);
    if (basis === 'draft-saved') return this.parameters.number('belong/retention/draft-saved', day);
    const value = this.parameters.get(`belong/retention/${program}`, day);
    const days =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Readonly<Record<string, unknown>>)[basis]
        : undefined;
    if (typeof days !== 'number') {
      throw new TypeError(`belong/retention/${program} sets no days after ${basis}`);
    }
    return days;
  }

  /**
   * Records that the person's data for `program` is to be forgotten
   * `retentionDays` after `basisAt`. A later call for the same program
   * replaces the date (a draft saved again, a decision after the draft).
   */
  async schedule(
    personId: string,
    program: string,
    basis: RetentionBasis,
    basisAt: Date = new Date(),
  ): Promise<Date> {
    // The policy in force when the date is set, not on the basis date: a
    // schedule set today follows today's parameter.
    const forgetAfter = new Date(basisAt.getTime() + this.retentionDays(program, basis) * dayMs);
    await this.schedules.upsert({ personId, program, basis, basisAt, forgetAfter });
    return forgetAfter;
  }

  /**
   * Holds the person's data for `program` with no date: a submitted case
   * is kept while it is open, and its decision or payment sets the next date.
   */
  async hold(personId: string, program: string, trx?: Transaction<Database>): Promise<void> {
    await (trx ? new RetentionRepository(trx) : this.schedules).deleteFor(personId, program);
  }

  /** Forgets every person whose retention dates have all passed; returns how many. */
  async sweep(now: Date = new Date(), logger?: Logger): Promise<number> {
    let forgotten = 0;
    for (;;) {
      const due = await this.schedules.duePeople(now, batchSize);
      if (due.length === 0) break;
      for (const personId of due) {
        try {
          await this.privacy.forget(personId, { reason: 'retention' });
          forgotten++;
        } catch (error) {
          // Scheduled but never given a key (a draft that failed half-way):
          // forget has already removed the entry and whatever was stored.
          if (!(isAppError(error) && error.code === 'BLG_PERSON_KEY_NOT_FOUND')) throw error;
        }
      }
    }
    // A count only: the ids are in the audit log, where they belong.
    if (forgotten > 0) logger?.info({ forgotten }, 'retention sweep');
    return forgotten;
  }
}
