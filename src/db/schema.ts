import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables Kysely knows about. Each migration that changes a table changes
 * its interface here in the same commit.
 */
export interface Database {
  organisations: OrganisationsTable;
  staff_accounts: StaffAccountsTable;
  staff_memberships: StaffMembershipsTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  person_blind_indexes: PersonBlindIndexesTable;
  retention_schedule: RetentionScheduleTable;
}

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

export interface StaffAccountsTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  /** Set for a one-time password: the first sign-in must choose a new one. */
  password_must_change: boolean;
  created_at: CreatedAt;
  disabled_at: ColumnType<Date | null, never, Date | null>;
}

export const staffRoles = [
  'navigator',
  'caseworker',
  'supervisor',
  'fund-admin',
  'organiser',
  'admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffMembershipsTable {
  staff_id: string;
  organisation_id: string;
  role: StaffRole;
  created_at: CreatedAt;
}

export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  /** Never personal data: a job names what to work on (an id), not who. */
  payload: ColumnType<unknown, string, string>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  run_at: ColumnType<Date, Date | undefined, Date>;
  attempts: ColumnType<number, never, number>;
  max_attempts: ColumnType<number, number | undefined, never>;
  locked_by: ColumnType<string | null, never, string | null>;
  locked_at: ColumnType<Date | null, never, Date | null>;
  /** An error code or class name only; messages can echo personal data. */
  last_error: ColumnType<string | null, never, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** At most one job of a recurring kind waits or runs at a time (a unique index says so). */
  recurring: ColumnType<boolean, boolean | undefined, never>;
}

/**
 * The key store's tables: a database of its own, apart from the main one and
 * its backups (src/db/key-store.ts), so restoring an old backup of the main
 * database never brings back a forgotten person's key.
 */
export interface KeyStoreDatabase {
  person_keys: PersonKeysTable;
}

/**
 * One data key per person, wrapped by the KEK named in `kek_id`. After the
 * person is forgotten `wrapped_key` is NULL and `destroyed_at` is set.
 */
export interface PersonKeysTable {
  person_id: string;
  wrapped_key: ColumnType<Uint8Array | null, Uint8Array, Uint8Array | null>;
  kek_id: string;
  created_at: CreatedAt;
  destroyed_at: ColumnType<Date | null, never, Date | null>;
}

/**
 * The append-only, hash-chained audit log (src/audit/). Rows are never
 * updated or deleted; `sequence` is a bigint, read back as a number or a
 * string depending on the driver.
 */
export interface AuditEventsTable {
  id: string;
  organisation_id: string | null;
  sequence: ColumnType<number | string, number, never>;
  event_type: string;
  /** A staff account id, or 'system'. */
  actor: string;
  /** An opaque person or case id, never a name. */
  subject: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  occurred_at: ColumnType<Date, Date, never>;
  previous_hash: string;
  hash: string;
}

/** The last event of each chain, moved in the same transaction as each append. */
export interface AuditHeadsTable {
  organisation_id: string | null;
  sequence: ColumnType<number | string, number, number>;
  hash: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/**
 * Blind indexes of a person's values (src/privacy/blind-index.ts): a
 * truncated HMAC per domain (`applicant.family_name`), never the value.
 */
export interface PersonBlindIndexesTable {
  person_id: string;
  organisation_id: string | null;
  domain: string;
  value: string;
}

export const retentionBases = ['draft-saved', 'final-decision', 'payment'] as const;
export type RetentionBasis = (typeof retentionBases)[number];

/** When each person's data is forgotten, per program (src/privacy/retention.service.ts). */
export interface RetentionScheduleTable {
  person_id: string;
  program: string;
  basis: RetentionBasis;
  basis_at: Date;
  forget_after: Date;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type Organisation = Selectable<OrganisationsTable>;
export type StaffAccount = Selectable<StaffAccountsTable>;
export type Job = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type PersonKey = Selectable<PersonKeysTable>;
