import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseStatus, Database } from '../../db/schema.ts';

/**
 * Cases for the processing-times tests (the service's and the page's),
 * inserted straight into the table: only the plain columns matter to the
 * report, so no person, key or answer is made.
 */
export interface FixtureCase {
  program: string;
  organisationId?: string | null;
  /** In review when open, decided when it has a decision, unless given. */
  status?: CaseStatus;
  submittedAt: Date;
  decidedAt?: Date;
  decisionDueOn?: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The instant `days` days before `from`. */
export function daysBefore(from: Date, days: number): Date {
  return new Date(from.getTime() - days * dayMs);
}

export async function insertFixtureCases(
  db: Kysely<Database>,
  cases: readonly FixtureCase[],
): Promise<void> {
  if (cases.length === 0) return;
  await db
    .insertInto('cases')
    .values(
      cases.map((entry) => {
        const id = randomUUID();
        return {
          id,
          reference: `T-${id.slice(0, 13)}`,
          claim_hash: 'fixture',
          person_id: randomUUID(),
          organisation_id: entry.organisationId ?? null,
          program: entry.program,
          status: entry.status ?? (entry.decidedAt === undefined ? 'in_review' : 'decided'),
          rules_version: 'fixture',
          flow_version: 'fixture',
          idempotency_key: id,
          language: 'en',
          channel: 'web' as const,
          submitted_at: entry.submittedAt,
          decided_at: entry.decidedAt ?? null,
          decision_due_on: entry.decisionDueOn ?? '2099-01-01',
        };
      }),
    )
    .execute();
}

/**
 * `count` cases decided `decidedDaysAgo` days before `now`, taking `first`,
 * `first + 1`, … days from submission to decision.
 */
export function decidedRun(
  now: Date,
  program: string,
  organisationId: string | null,
  count: number,
  first: number,
  decidedDaysAgo = 10,
): FixtureCase[] {
  return Array.from({ length: count }, (_, i) => ({
    program,
    organisationId,
    submittedAt: daysBefore(now, decidedDaysAgo + first + i),
    decidedAt: daysBefore(now, decidedDaysAgo),
  }));
}
