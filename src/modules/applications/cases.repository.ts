import { type Kysely, sql, type Transaction } from 'kysely';
import type { CaseStatus, Database } from '../../db/schema.ts';

export interface NewCase {
  id: string;
  reference: string;
  claimHash: string;
  claimCode: string;
  personId: string;
  organisationId: string | null;
  program: string;
  answers: string;
  requestDigest: string | null;
  screeningOutcome: 'yes' | 'no' | 'maybe' | null;
  rulesVersion: string;
  flowVersion: string;
  idempotencyKey: string;
  language: string;
  channel: 'web' | 'api';
  decisionDueOn: string;
}

/** What the status page may show: no answer, no name, nothing personal. */
export interface CaseStatusRow {
  reference: string;
  program: string;
  status: CaseStatus;
  submittedAt: Date;
  decisionDueOn: string;
  decidedAt: Date | null;
  /** Requests for information not yet answered, with what they ask (opened for the claim-code holder). */
  infoRequests: { message: string; dueOn: string }[];
}

export class CasesRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Inserts the case; false when its idempotency key or reference already exists. */
  async insert(row: NewCase): Promise<boolean> {
    const inserted = await this.db
      .insertInto('cases')
      .values({
        id: row.id,
        reference: row.reference,
        claim_hash: row.claimHash,
        claim_code: row.claimCode,
        person_id: row.personId,
        organisation_id: row.organisationId,
        program: row.program,
        answers: row.answers,
        request_digest: row.requestDigest,
        screening_outcome: row.screeningOutcome,
        rules_version: row.rulesVersion,
        flow_version: row.flowVersion,
        idempotency_key: row.idempotencyKey,
        language: row.language,
        channel: row.channel,
        decision_due_on: row.decisionDueOn,
      })
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /**
   * Inserts a submitted case and everything that goes with it in ONE
   * statement (data-modifying CTEs run atomically): the case, the blind
   * indexes of its applicant, the end of the draft's retention date (an
   * open case is kept until decided) and, for a draft, the link from the
   * draft with its answers emptied. One round trip and one commit, instead
   * of seven statements in a transaction: on a small machine each round
   * trip costs more than the work. False when the idempotency key (or,
   * rarely, the reference) exists already.
   */
  async insertSubmitted(
    row: NewCase,
    extras: {
      indexes: readonly { domain: string; value: string }[];
      draft: { id: string; answers: string } | null;
    },
  ): Promise<boolean> {
    const indexes =
      extras.indexes.length > 0
        ? sql`, indexed AS (
            INSERT INTO person_blind_indexes (person_id, organisation_id, domain, value)
            SELECT inserted.person_id, inserted.organisation_id, v.domain, v.value
            FROM inserted, (VALUES ${sql.join(
              extras.indexes.map((entry) => sql`(${entry.domain}, ${entry.value})`),
            )}) AS v (domain, value)
            ON CONFLICT DO NOTHING)`
        : sql``;
    const draft = extras.draft
      ? sql`, drafted AS (
          UPDATE application_drafts SET case_id = (SELECT id FROM inserted), answers = ${extras.draft.answers}
          WHERE id = ${extras.draft.id} AND EXISTS (SELECT 1 FROM inserted))`
      : sql``;
    const result = await sql<{ id: string }>`
      WITH inserted AS (
        INSERT INTO cases (id, reference, claim_hash, claim_code, person_id, organisation_id,
          program, answers, request_digest, screening_outcome, rules_version, flow_version,
          idempotency_key, language, channel, decision_due_on)
        VALUES (${row.id}, ${row.reference}, ${row.claimHash}, ${row.claimCode}, ${row.personId},
          -- The organisation that takes the program's new cases; the first
          -- by id when several do (a coalition's routing rules come later).
          COALESCE(${row.organisationId}::uuid, (SELECT organisation_id FROM organisation_programs
            WHERE program = ${row.program} ORDER BY organisation_id LIMIT 1)),
          ${row.program}, ${row.answers}, ${row.requestDigest},
          ${row.screeningOutcome}, ${row.rulesVersion}, ${row.flowVersion}, ${row.idempotencyKey},
          ${row.language}, ${row.channel}, ${row.decisionDueOn})
        ON CONFLICT DO NOTHING
        RETURNING id, person_id, organisation_id
      ), held AS (
        DELETE FROM retention_schedule
        WHERE person_id = (SELECT person_id FROM inserted) AND program = ${row.program}
      )${indexes}${draft}
      SELECT id FROM inserted`.execute(this.db);
    return result.rows.length > 0;
  }

  /** The sealed messages of a case's open requests for information, oldest first. */
  openInfoRequests(caseId: string) {
    return this.db
      .selectFrom('info_requests')
      .select(['id', 'message', 'due_on'])
      .where('case_id', '=', caseId)
      .where('answered_at', 'is', null)
      .orderBy('created_at')
      .execute();
  }

  findByIdempotencyKey(key: string) {
    return this.db
      .selectFrom('cases')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async statusByReference(reference: string): Promise<
    | (Omit<CaseStatusRow, 'infoRequests'> & {
        claimHash: string;
        caseId: string;
        personId: string;
      })
    | undefined
  > {
    const row = await this.db
      .selectFrom('cases')
      .select([
        'reference',
        'program',
        'status',
        'submitted_at',
        'decision_due_on',
        'decided_at',
        'claim_hash',
        'id',
        'person_id',
      ])
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      reference: row.reference,
      program: row.program,
      status: row.status,
      submittedAt: row.submitted_at,
      decisionDueOn: row.decision_due_on,
      decidedAt: row.decided_at,
      claimHash: row.claim_hash,
      caseId: row.id,
      personId: row.person_id,
    };
  }
}
