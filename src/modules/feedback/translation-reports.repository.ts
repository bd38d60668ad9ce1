import type { Kysely } from 'kysely';
import type { Database, TranslationProblem } from '../../db/schema.ts';

export class TranslationReportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(report: { locale: string; pagePath: string; problem: TranslationProblem }) {
    await this.db
      .insertInto('translation_reports')
      .values({ locale: report.locale, page_path: report.pagePath, problem: report.problem })
      .execute();
  }

  /** Reports not yet reviewed, by language and page, most reported first. */
  async openCounts(): Promise<
    { locale: string; pagePath: string; problem: string; count: number }[]
  > {
    const rows = await this.db
      .selectFrom('translation_reports')
      .select(['locale', 'page_path', 'problem', (eb) => eb.fn.countAll<string>().as('count')])
      .where('reviewed_at', 'is', null)
      .groupBy(['locale', 'page_path', 'problem'])
      .orderBy('count', 'desc')
      .execute();
    return rows.map((row) => ({
      locale: row.locale,
      pagePath: row.page_path,
      problem: row.problem,
      count: Number(row.count),
    }));
  }
}
