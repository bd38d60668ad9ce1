import type { Kysely } from 'kysely';
import { type Database, type TranslationProblem, translationProblems } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { isSupportedLocale } from '../../i18n/locales.ts';
import { TranslationReportsRepository } from './translation-reports.repository.ts';

/**
 * A page path as the report keeps it: the site's own address shape, no
 * query, nothing else. Addresses of Belong's pages never carry personal
 * data; an unknown address might, so one that does not look like ours is
 * refused rather than stored.
 */
const pagePathPattern = /^\/[a-z0-9-]+(\/[a-z0-9-]+)*$|^\/$/;

export function isTranslationProblem(value: string): value is TranslationProblem {
  return (translationProblems as readonly string[]).includes(value);
}

export class TranslationReportsService {
  private readonly reports: TranslationReportsRepository;

  constructor(db: Kysely<Database>) {
    this.reports = new TranslationReportsRepository(db);
  }

  /** Records a report; BLG_BAD_REQUEST for a page, language or problem that cannot be ours. */
  async report(locale: string, pagePath: string, problem: string): Promise<void> {
    if (
      !isSupportedLocale(locale) ||
      pagePath.length > 200 ||
      !pagePathPattern.test(pagePath) ||
      !isTranslationProblem(problem)
    ) {
      throw new AppError('BLG_BAD_REQUEST', { details: { reason: 'translation-report' } });
    }
    await this.reports.insert({ locale, pagePath, problem });
  }

  openCounts() {
    return this.reports.openCounts();
  }
}
