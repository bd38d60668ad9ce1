import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatDay } from '../../engine/dates.ts';
import { todayInWashington } from '../screening/screening.service.ts';
import {
  type BacklogRow,
  type DecidedRow,
  type GroupKey,
  ProcessingTimesRepository,
} from './processing-times.repository.ts';

/**
 * The smallest group whose median, 90th percentile or oldest age is shown.
 * A figure computed from a handful of cases can describe one person: the
 * median of one decided case is that person's wait. Belong follows the
 * small-cell rule of the U.S. Centers for Medicare & Medicaid Services,
 * which HHS publishes as its guidance: "no cell … containing a value of 1
 * to 10 can be reported directly" (CMS Cell Size Suppression Policy,
 * https://www.hhs.gov/guidance/document/cms-cell-suppression-policy, and
 * ResDAC's current version, https://resdac.org/node/1506). So a figure is
 * computed from 11 cases or more, and from fewer it is withheld. Counts are
 * still shown, because the page exists to say how many wait; a count says
 * how many, not anything about any one of them.
 */
export const minimumCellSize = 11;

/** Decisions in this many days before today are counted, unless a caller says otherwise. */
export const defaultWindowDays = 365;

const dayMs = 24 * 60 * 60 * 1000;

export interface ProcessingFigures {
  /** Cases decided in the window. */
  decided: number;
  /**
   * Days from submission to decision; null when too few were decided to
   * show it, or when it would give a smaller group away (see suppressComplements).
   */
  medianDays: number | null;
  p90Days: number | null;
  /** Cases waiting for a decision now. */
  open: number;
  /** Open cases whose decision was due before today. */
  overdue: number;
  /** Days the oldest open case has waited; null when too few are open, or to protect a smaller group. */
  oldestDays: number | null;
}

export interface ProgramTimes extends ProcessingFigures {
  program: string;
}

export interface OrganisationTimes extends ProcessingFigures {
  program: string;
  /** Null for cases not yet with an organisation. */
  organisationId: string | null;
  organisationName: string | null;
}

export interface ProcessingTimesReport {
  /** Decisions made from `from` (inclusive) to `to` (exclusive) are counted. */
  from: Date;
  to: Date;
  /** Washington's date when the report was made (YYYY-MM-DD): "overdue" is before it. */
  today: string;
  minimumCellSize: number;
  /** One entry a program with any case decided in the window or open, by program id. */
  programs: ProgramTimes[];
  /** The same figures for each organisation's cases of each program. */
  organisations: OrganisationTimes[];
}

const emptyFigures: ProcessingFigures = {
  decided: 0,
  medianDays: null,
  p90Days: null,
  open: 0,
  overdue: 0,
  oldestDays: null,
};

/** The date in Washington at `now` (YYYY-MM-DD): a case is overdue the day after its due date there. */
export function washingtonDate(now: Date): string {
  return formatDay(todayInWashington(now));
}

function keyOf(group: GroupKey): string {
  return `${group.program}\u0000${group.organisationId === undefined ? '*' : (group.organisationId ?? '')}`;
}

/**
 * How long cases take, as aggregates only: for the public page
 * (`/impact/processing-times`) and the staff console. The "no
 * backlog" principle needs the wait measured and published; the people who
 * wait must not be identifiable in the numbers, so small groups show
 * counts but no figure computed from their cases.
 */
export class ProcessingTimesService {
  private readonly repository: ProcessingTimesRepository;
  private readonly now: () => Date;

  constructor(db: Kysely<Database>, options: { now?: () => Date } = {}) {
    this.repository = new ProcessingTimesRepository(db);
    this.now = options.now ?? (() => new Date());
  }

  async report(options: { windowDays?: number } = {}): Promise<ProcessingTimesReport> {
    const windowDays = options.windowDays ?? defaultWindowDays;
    if (!Number.isInteger(windowDays) || windowDays < 1) {
      throw new RangeError('windowDays must be a whole number of days, at least 1');
    }
    const to = this.now();
    const from = new Date(to.getTime() - windowDays * dayMs);
    const today = washingtonDate(to);
    const [decided, backlog] = await Promise.all([
      this.repository.decided({ from, to }, minimumCellSize),
      this.repository.backlog(to, today, minimumCellSize),
    ]);
    const groups = mergeGroups(decided, backlog);
    const organisationIds = [
      ...new Set(
        [...groups.values()]
          .map((group) => group.key.organisationId)
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    const names = await this.repository.organisationNames(organisationIds);

    const programs: ProgramTimes[] = [];
    const organisations: OrganisationTimes[] = [];
    for (const { key, figures } of groups.values()) {
      if (key.organisationId === undefined) {
        programs.push({ program: key.program, ...figures });
      } else {
        organisations.push({
          program: key.program,
          organisationId: key.organisationId,
          organisationName:
            key.organisationId === null ? null : (names.get(key.organisationId) ?? null),
          ...figures,
        });
      }
    }
    programs.sort((a, b) => compareText(a.program, b.program));
    // Cases without an organisation last, then by name, then by program.
    organisations.sort(
      (a, b) =>
        Number(a.organisationId === null) - Number(b.organisationId === null) ||
        compareText(a.organisationName ?? '', b.organisationName ?? '') ||
        compareText(a.organisationId ?? '', b.organisationId ?? '') ||
        compareText(a.program, b.program),
    );
    suppressComplements(programs, organisations);
    return { from, to, today, minimumCellSize, programs, organisations };
  }
}

/**
 * Complementary suppression: a withheld figure must not be recoverable from
 * the figures shown beside it (the CMS policy cited above: no cell "can be
 * reported that allows a value of 1 to 10 to be derived from other
 * reported cells"). Two cases give one away here:
 *
 * - A program whose cases sit in one organisation shown and one or more
 *   withheld: the program's median and the shown organisation's median,
 *   side by side, can pin the withheld cases down (one hidden case `x`
 *   between the shown group's 5th and 6th values makes the program's
 *   median `(x + a6) / 2`). The shown organisation's times are withheld
 *   too, leaving only the program's pooled figure.
 * - A program's oldest open case that is older than every shown
 *   organisation's oldest: it must belong to a withheld group, and would
 *   give that group's age away. The program's oldest is withheld then.
 *
 * With two shown organisations or more, the program's figure pools cases
 * whose values are not published, and none can be solved for.
 */
export function suppressComplements(
  programs: readonly ProgramTimes[],
  organisations: readonly OrganisationTimes[],
): void {
  for (const program of programs) {
    const groups = organisations.filter((group) => group.program === program.program);
    const timesWithheld = groups.some((group) => group.decided > 0 && group.medianDays === null);
    const timesShown = groups.filter((group) => group.medianDays !== null);
    const onlyShown = timesShown[0];
    if (timesWithheld && timesShown.length === 1 && onlyShown) {
      onlyShown.medianDays = null;
      onlyShown.p90Days = null;
    }
    const oldestWithheld = groups.some((group) => group.open > 0 && group.oldestDays === null);
    if (oldestWithheld && program.oldestDays !== null) {
      const oldestShown = Math.max(-1, ...groups.map((group) => group.oldestDays ?? -1));
      if (program.oldestDays > oldestShown) program.oldestDays = null;
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mergeGroups(
  decided: readonly DecidedRow[],
  backlog: readonly BacklogRow[],
): Map<string, { key: GroupKey; figures: ProcessingFigures }> {
  const groups = new Map<string, { key: GroupKey; figures: ProcessingFigures }>();
  const entry = (key: GroupKey) => {
    const id = keyOf(key);
    let group = groups.get(id);
    if (!group) {
      group = {
        key: { program: key.program, organisationId: key.organisationId },
        figures: { ...emptyFigures },
      };
      groups.set(id, group);
    }
    return group.figures;
  };
  for (const row of decided) {
    const figures = entry(row);
    figures.decided = row.decided;
    // The repository withholds them already; this keeps the rule true if a query changes.
    figures.medianDays = row.decided >= minimumCellSize ? row.medianDays : null;
    figures.p90Days = row.decided >= minimumCellSize ? row.p90Days : null;
  }
  for (const row of backlog) {
    const figures = entry(row);
    figures.open = row.open;
    figures.overdue = row.overdue;
    figures.oldestDays = row.open >= minimumCellSize ? row.oldestDays : null;
  }
  return groups;
}
