import { z } from 'zod';
import { caseStatuses } from '../db/schema.ts';

/**
 * The closed list of audit event types. An event type is never renamed or
 * reused: verification of old chains depends on what each one meant. Every
 * type is documented in docs/audit-events.md (a test keeps the two equal).
 *
 * `subject` says what the event is about: a person or a case, by opaque id
 * only, or nothing. `details` is an allow-list: a strict schema per type whose
 * values are codes, counts, column names and ids — never a value typed by or
 * about a person, so no audit row can hold personal data.
 */

/** A code or a column name: lower-case, no spaces, short. Cannot carry a sentence. */
const code = z.string().regex(/^[a-z][a-z0-9_.:-]{0,63}$/);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const fieldNames = z.array(code).min(1).max(64);
const hexDigest = z.string().regex(/^[0-9a-f]{8,128}$/);

export const auditEventTypes = {
  'case.viewed': {
    description: 'A staff member opened a case.',
    subject: 'case',
    details: z.object({ view: z.enum(['summary', 'full']).optional() }).strict(),
  },
  'case.transitioned': {
    description:
      'A case moved along its state machine (claimed, information requested, decided, paid, closed).',
    subject: 'case',
    details: z
      .object({
        from: z.enum(caseStatuses),
        to: z.enum(caseStatuses),
        action: code,
      })
      .strict(),
  },
  'case.station_moved': {
    description: 'In clinic mode, a navigator moved an applicant to another workshop station.',
    subject: 'case',
    details: z
      .object({ station: z.enum(['screening', 'preparation', 'legal-review', 'done']) })
      .strict(),
  },
  'case.assigned': {
    description: 'A case was assigned to a staff member by someone else.',
    subject: 'case',
    details: z.object({}).strict(),
  },
  'person.data_read': {
    description: "A staff member or process opened (decrypted) a person's sealed fields.",
    subject: 'person',
    details: z.object({ fields: fieldNames, purpose: code.optional() }).strict(),
  },
  'person.data_written': {
    description: "A person's sealed fields were created or changed.",
    subject: 'person',
    details: z.object({ fields: fieldNames }).strict(),
  },
  'decision.made': {
    description: 'A decision was recorded on a case.',
    subject: 'case',
    details: z
      .object({
        programId: code,
        outcome: z.enum(['approved', 'denied', 'withdrawn', 'referred']),
        rulesVersion: hexDigest.optional(),
      })
      .strict(),
  },
  'export.created': {
    description: 'Records left Belong in an export file.',
    subject: 'none',
    details: z.object({ kind: code, format: code, rows: count }).strict(),
  },
  'person.forgotten': {
    description: "A person's data key was destroyed (crypto-shredding).",
    subject: 'person',
    details: z.object({ reason: z.enum(['request', 'retention']) }).strict(),
  },
  'person.report_created': {
    description: 'A report of everything Belong holds about a person was produced.',
    subject: 'person',
    details: z.object({}).strict(),
  },
  'staff.signed_in': {
    description: 'A staff member signed in.',
    subject: 'none',
    details: z
      .object({
        method: z.enum(['password']),
        secondFactor: z.enum(['totp', 'passkey']).optional(),
      })
      .strict(),
  },
  'staff.signed_out': {
    description: "A staff member's session ended.",
    subject: 'none',
    details: z
      .object({
        reason: z.enum(['user', 'expired', 'revoked', 'everywhere']),
        sessions: count.optional(),
      })
      .strict(),
  },
  'staff.sign_in_failed': {
    description:
      'Sign-in or a password change refused: wrong password, code or passkey, or a locked account.',
    subject: 'none',
    details: z
      .object({
        stage: z.enum(['password', 'second_factor']),
        reason: z.enum([
          'unknown_account',
          'wrong_password',
          'wrong_current_password',
          'locked',
          'disabled',
          'wrong_code',
          'replayed_code',
          'wrong_passkey',
        ]),
      })
      .strict(),
  },
  'staff.locked_out': {
    description: 'A staff account was locked after too many failed sign-ins.',
    subject: 'none',
    details: z.object({ failures: count, minutes: count }).strict(),
  },
  'staff.password_changed': {
    description: 'A staff member chose a new password.',
    subject: 'none',
    details: z.object({ reason: z.enum(['one_time_password', 'user']) }).strict(),
  },
  'staff.second_factor_enrolled': {
    description: 'A staff member set up a second factor.',
    subject: 'none',
    details: z.object({ kind: z.enum(['totp', 'passkey']) }).strict(),
  },
  'staff.second_factor_removed': {
    description: 'A staff member removed one of their passkeys.',
    subject: 'none',
    details: z.object({ kind: z.enum(['passkey']) }).strict(),
  },
  'staff.account_reset': {
    description: 'An administrator reset a staff account: new one-time password.',
    subject: 'staff',
    details: z.object({ secondFactors: count, sessions: count }).strict(),
  },
  'keys.rotated': {
    description: 'The key-encryption key was rotated and data keys rewrapped.',
    subject: 'none',
    details: z.object({ keyVersion: code, rewrapped: count }).strict(),
  },
} as const satisfies Record<string, AuditEventDefinition>;

export interface AuditEventDefinition {
  /** One line: when this event is written. */
  description: string;
  /** What the event's subject id names. */
  subject: 'person' | 'case' | 'staff' | 'none';
  /** The only detail fields the event may carry. */
  details: z.ZodObject;
}

export type AuditEventType = keyof typeof auditEventTypes;

export type AuditEventDetails<T extends AuditEventType> = z.input<
  (typeof auditEventTypes)[T]['details']
>;

export const auditEventTypeNames = Object.keys(auditEventTypes) as AuditEventType[];

export function isAuditEventType(value: string): value is AuditEventType {
  return Object.hasOwn(auditEventTypes, value);
}
