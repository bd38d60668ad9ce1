import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type AuditEvent, AuditRepository } from './audit.repository.ts';
import {
  type AuditEventDetails,
  type AuditEventType,
  auditEventTypes,
  isAuditEventType,
} from './audit-events.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface RecordAuditEvent<T extends AuditEventType> {
  /** The organisation whose chain records the event; null for system events. */
  organisationId: string | null;
  type: T;
  /** The staff account that acted, or 'system' for Belong itself. */
  actor: string;
  /** The person or case the event is about, by id; omitted for events about no one. */
  subject?: string;
  details: AuditEventDetails<T>;
}

/**
 * Thrown when an event does not fit its type's allow-list. A programming
 * mistake, not bad input: the message names the offending keys, never values,
 * since a value that does not fit might be exactly the personal data the
 * allow-list keeps out.
 */
export class AuditEventRejected extends Error {
  override name = 'AuditEventRejected';
}

/**
 * Records one audit event. Pass a transaction as `db` to record the event
 * atomically with the change it describes.
 */
export async function recordAuditEvent<T extends AuditEventType>(
  db: Kysely<Database>,
  event: RecordAuditEvent<T>,
): Promise<AuditEvent> {
  if (!isAuditEventType(event.type)) throw new AuditEventRejected('unknown audit event type');
  const definition = auditEventTypes[event.type];
  if (event.actor !== 'system' && !uuid.test(event.actor)) {
    throw new AuditEventRejected(`${event.type}: actor must be a staff id or 'system'`);
  }
  if (event.organisationId !== null && !uuid.test(event.organisationId)) {
    throw new AuditEventRejected(`${event.type}: organisation must be an id`);
  }
  const subject = event.subject ?? null;
  if (definition.subject === 'none' ? subject !== null : subject === null || !uuid.test(subject)) {
    throw new AuditEventRejected(
      definition.subject === 'none'
        ? `${event.type}: takes no subject`
        : `${event.type}: subject must be a ${definition.subject} id`,
    );
  }
  const parsed = definition.details.safeParse(event.details);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(all)',
    );
    throw new AuditEventRejected(`${event.type}: details not allowed: ${where.join('; ')}`);
  }
  return new AuditRepository(db).append({
    organisationId: event.organisationId,
    eventType: event.type,
    actor: event.actor,
    subject,
    details: parsed.data,
  });
}
