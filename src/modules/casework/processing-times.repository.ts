import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * One group of cases: a program across every organisation
 * (`organisationId` undefined), or a program at one organisation
 * (`organisationId` a uuid, or null for cases not yet with one).
 */
export interface GroupKey {
  program: string;
  organisationId: string | null | undefined;
}

export interface DecidedRow extends GroupKey {
  decided: number;
  /** Null when the group has fewer decided cases than the minimum cell size. */
  medianDays: number | null;
  p90Days: number | null;
}

export interface BacklogRow extends GroupKey {
  open: number;
  overdue: number;
  /** Null when the group has fewer open cases than the minimum cell size. */
  oldestDays: number | null;
}

interface GroupedRow {
  program: string;
  organisation_id: string | null;
  /** 1 for the program's row over every organisation (GROUPING() of the organisation). */
  all_organisations: number;
}

function groupKey(row: GroupedRow): GroupKey {
  return {
    program: row.program,
    organisationId: Number(row.all_organisations) === 1 ? undefined : row.organisation_id,
  };
}

/** Statuses of a case no longer waiting for a decision, whatever its `decided_at`. */
const finishedStatuses = ['decided', 'closed', 'paid'] as const;

/**
 * SQL only: the aggregates behind the processing-times page. Each query
 * reads the plain columns of `cases` (program, organisation, status and
 * three dates), never a sealed one. Figures computed from a group's own
 * values (median, 90th percentile, oldest age) are withheld here, in the
 * database, when the group is smaller than `minimumCellSize`: a suppressed
 * value never leaves the query.
 */
export class ProcessingTimesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Cases decided in [from, to), by program and by program × organisation:
   * how many, and the median and 90th-percentile days from submission to
   * decision. `percentile_cont` interpolates between the two nearest
   * values, as PostgreSQL 15 and PGlite (PostgreSQL 18) both compute it.
   */
  async decided(window: { from: Date; to: Date }, minimumCellSize: number): Promise<DecidedRow[]> {
    const days = sql`EXTRACT(EPOCH FROM (decided_at - submitted_at))::float8 / 86400`;
    const result = await sql<
      GroupedRow & { decided: number; median_days: number | null; p90_days: number | null }
    >`
      SELECT program, organisation_id,
        GROUPING(organisation_id) AS all_organisations,
        count(*)::int AS decided,
        CASE WHEN count(*) >= ${minimumCellSize}
          THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) END AS median_days,
        CASE WHEN count(*) >= ${minimumCellSize}
          THEN percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) END AS p90_days
      FROM cases
      WHERE decided_at >= CAST(${window.from.toISOString()} AS timestamptz)
        AND decided_at < CAST(${window.to.toISOString()} AS timestamptz)
      GROUP BY GROUPING SETS ((program), (program, organisation_id))
      ORDER BY program, all_organisations DESC, organisation_id`.execute(this.db);
    return result.rows.map((row) => ({
      ...groupKey(row),
      decided: Number(row.decided),
      medianDays: row.median_days === null ? null : Number(row.median_days),
      p90Days: row.p90_days === null ? null : Number(row.p90_days),
    }));
  }

  /**
   * Cases still waiting for a decision at `now`, by program and by program
   * × organisation: how many, how many are past the date their decision
   * was due (`today`, Washington's date), and how many days the oldest has
   * waited. A case with `decided_at` set (an award waiting for payment) is
   * not waiting for a decision.
   */
  async backlog(now: Date, today: string, minimumCellSize: number): Promise<BacklogRow[]> {
    const result = await sql<
      GroupedRow & { open: number; overdue: number; oldest_days: number | null }
    >`
      SELECT program, organisation_id,
        GROUPING(organisation_id) AS all_organisations,
        count(*)::int AS open,
        (count(*) FILTER (WHERE decision_due_on < CAST(${today} AS date)))::int AS overdue,
        CASE WHEN count(*) >= ${minimumCellSize}
          THEN EXTRACT(EPOCH FROM (CAST(${now.toISOString()} AS timestamptz) - min(submitted_at)))::float8 / 86400
        END AS oldest_days
      FROM cases
      WHERE decided_at IS NULL
        AND status NOT IN (${sql.join(finishedStatuses.map((status) => sql`${status}`))})
      GROUP BY GROUPING SETS ((program), (program, organisation_id))
      ORDER BY program, all_organisations DESC, organisation_id`.execute(this.db);
    return result.rows.map((row) => ({
      ...groupKey(row),
      open: Number(row.open),
      overdue: Number(row.overdue),
      oldestDays: row.oldest_days === null ? null : Number(row.oldest_days),
    }));
  }

  /** The names of the given organisations, by id. */
  async organisationNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
