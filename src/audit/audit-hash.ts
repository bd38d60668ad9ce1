import { createHash } from 'node:crypto';

/** The previous hash of the first event of every chain. */
export const genesisHash = '0'.repeat(64);

/**
 * Names the encoding below. Hashed in front of every event so that a future
 * encoding can never produce a hash that collides with one of this version's.
 */
const encodingVersion = 'belong.audit.v1';

/** Every field of an event that its hash covers: all of them, and the link to the one before. */
export interface HashedAuditFields {
  id: string;
  organisationId: string | null;
  sequence: number;
  eventType: string;
  actor: string;
  subject: string | null;
  details: Record<string, unknown>;
  occurredAt: Date;
  previousHash: string;
}

/**
 * SHA-256, as lower-case hex, of `belong.audit.v1\n` followed by the
 * canonical JSON of the event: keys in code-unit order at every depth, no
 * white space, the time as ISO 8601 UTC with milliseconds.
 */
export function hashAuditEvent(fields: HashedAuditFields): string {
  const encoded = canonicalJson({
    actor: fields.actor,
    details: fields.details,
    event_type: fields.eventType,
    id: fields.id,
    occurred_at: fields.occurredAt.toISOString(),
    organisation_id: fields.organisationId,
    previous_hash: fields.previousHash,
    sequence: fields.sequence,
    subject: fields.subject,
  });
  return createHash('sha256').update(`${encodingVersion}\n${encoded}`, 'utf8').digest('hex');
}

/**
 * JSON with a single spelling for a value: object keys sorted, no spacing.
 * Only what JSONB keeps exactly is accepted (strings, booleans, null, safe
 * integers, arrays and plain objects), so a value read back from the database
 * encodes to the same bytes as the value written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('audit values must be safe integers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`audit values cannot hold a ${typeof value}`);
}
