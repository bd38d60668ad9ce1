import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEventsTable, Database } from '../db/schema.ts';
import {
  canonicalJson,
  genesisHash,
  type HashedAuditFields,
  hashAuditEvent,
} from './audit-hash.ts';

/** One event as read back: every field its hash covers, and the hash. */
export interface AuditEvent extends HashedAuditFields {
  hash: string;
}

/** What the caller supplies; the place in the chain and the hashes are the repository's. */
export interface NewAuditEvent {
  organisationId: string | null;
  eventType: string;
  actor: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface ChainHead {
  sequence: number;
  hash: string;
}

/**
 * First key of the two-key advisory lock on a chain; the second is the chain's
 * hashtext. Kysely's migration lock uses the one-key (bigint) space, so the
 * two never meet.
 */
const chainLockNamespace = 0x61756474; // 'audt'

/**
 * The audit log's SQL. It can append and read, nothing else: there is no
 * update or delete here, and the database refuses them anyway (a trigger on
 * every engine, revoked grants for the application role on PostgreSQL).
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Appends one event to its organisation's chain (or the system chain, for
   * organisation null) and moves the chain's head, in one transaction.
   * Appends to one chain are serialised by a transaction-scoped advisory lock,
   * so concurrent appends from any number of processes never fork it. Joins
   * the caller's transaction when given one, so an event commits or rolls
   * back with the change it records.
   */
  append(event: NewAuditEvent): Promise<AuditEvent> {
    return this.db.isTransaction
      ? appendIn(this.db, event)
      : this.db.transaction().execute((trx) => appendIn(trx, event));
  }

  /** Events of one chain after `afterSequence`, in chain order, at most `limit`. */
  async listChain(
    organisationId: string | null,
    afterSequence: number,
    limit: number,
  ): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organisation_id', chainOperator(organisationId), organisationId)
      .where('sequence', '>', afterSequence)
      .orderBy('sequence')
      .limit(limit)
      .execute();
    return rows.map(toAuditEvent);
  }

  /** The recorded head of a chain, or undefined for a chain never written. */
  async findHead(organisationId: string | null): Promise<ChainHead | undefined> {
    const row = await this.db
      .selectFrom('audit_heads')
      .select(['sequence', 'hash'])
      .where('organisation_id', chainOperator(organisationId), organisationId)
      .executeTakeFirst();
    return row && { sequence: Number(row.sequence), hash: row.hash };
  }

  /** Every chain that has a head or an event (null is the system chain). */
  async listChains(): Promise<(string | null)[]> {
    const rows = await sql<{ organisation_id: string | null }>`
      SELECT organisation_id FROM audit_heads
      UNION
      SELECT DISTINCT organisation_id FROM audit_events
      ORDER BY organisation_id NULLS FIRST`.execute(this.db);
    return rows.rows.map((row) => row.organisation_id);
  }

  /** Every event about one person or case, oldest first: who looked, and when. */
  async listForSubject(subject: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject', '=', subject)
      .orderBy('occurred_at')
      .orderBy('sequence')
      .execute();
    return rows.map(toAuditEvent);
  }
}

async function appendIn(trx: Kysely<Database>, event: NewAuditEvent): Promise<AuditEvent> {
  const chainKey = event.organisationId ?? 'system';
  await sql`SELECT pg_advisory_xact_lock(${chainLockNamespace}, hashtext(${chainKey}))`.execute(
    trx,
  );
  const head = await trx
    .selectFrom('audit_heads')
    .select(['sequence', 'hash'])
    .where('organisation_id', chainOperator(event.organisationId), event.organisationId)
    .executeTakeFirst();
  const unhashed = {
    id: randomUUID(),
    organisationId: event.organisationId,
    sequence: head ? Number(head.sequence) + 1 : 1,
    eventType: event.eventType,
    actor: event.actor,
    subject: event.subject,
    details: event.details,
    // Milliseconds: what a JavaScript Date carries, so the time read back hashes the same.
    occurredAt: new Date(),
    previousHash: head?.hash ?? genesisHash,
  };
  const appended: AuditEvent = { ...unhashed, hash: hashAuditEvent(unhashed) };
  await trx
    .insertInto('audit_events')
    .values({
      id: appended.id,
      organisation_id: appended.organisationId,
      sequence: appended.sequence,
      event_type: appended.eventType,
      actor: appended.actor,
      subject: appended.subject,
      details: canonicalJson(appended.details),
      occurred_at: appended.occurredAt,
      previous_hash: appended.previousHash,
      hash: appended.hash,
    })
    .execute();
  if (head) {
    await trx
      .updateTable('audit_heads')
      .set({ sequence: appended.sequence, hash: appended.hash, updated_at: sql<Date>`now()` })
      .where('organisation_id', chainOperator(event.organisationId), event.organisationId)
      .execute();
  } else {
    await trx
      .insertInto('audit_heads')
      .values({
        organisation_id: event.organisationId,
        sequence: appended.sequence,
        hash: appended.hash,
      })
      .execute();
  }
  return appended;
}

/** NULL names the system chain, and NULL is matched with IS, not =. */
function chainOperator(organisationId: string | null): 'is' | '=' {
  return organisationId === null ? 'is' : '=';
}

function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    sequence: Number(row.sequence),
    eventType: row.event_type,
    actor: row.actor,
    subject: row.subject,
    details: row.details,
    occurredAt: row.occurred_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
