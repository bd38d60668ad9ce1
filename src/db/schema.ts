import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables Kysely knows about. Each migration that changes a table changes
 * its interface here in the same commit.
 */
export interface Database {
  organisations: OrganisationsTable;
  staff_accounts: StaffAccountsTable;
  staff_memberships: StaffMembershipsTable;
  staff_second_factors: StaffSecondFactorsTable;
  staff_sessions: StaffSessionsTable;
  staff_passkeys: StaffPasskeysTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  person_blind_indexes: PersonBlindIndexesTable;
  retention_schedule: RetentionScheduleTable;
  application_drafts: ApplicationDraftsTable;
  cases: CasesTable;
  translation_reports: TranslationReportsTable;
  organisation_programs: OrganisationProgramsTable;
  case_events: CaseEventsTable;
  info_requests: InfoRequestsTable;
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
  /** Failed sign-ins since `first_failed_at` (src/modules/accounts/staff-auth-policy.ts). */
  failed_sign_ins: ColumnType<number, never, number>;
  first_failed_at: ColumnType<Date | null, never, Date | null>;
  /** Sign-in is refused until then, whatever the password. */
  locked_until: ColumnType<Date | null, never, Date | null>;
}

/**
 * A staff member's TOTP secret, sealed under their own data key
 * (src/modules/accounts/second-factors.repository.ts). Unconfirmed until
 * the first code is accepted; `last_used_step` refuses a code used twice.
 */
export interface StaffSecondFactorsTable {
  staff_id: string;
  kind: 'totp';
  secret: string;
  last_used_step: number | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  confirmed_at: Date | null;
}

/**
 * A signed-in browser, found by the SHA-256 of its cookie's secret
 * (src/modules/accounts/staff-sessions.repository.ts).
 */
export interface StaffSessionsTable {
  id_hash: string;
  staff_id: string;
  created_at: Date;
  last_seen_at: Date;
  /** When the second factor was accepted; null while only the password is. */
  second_factor_at: Date | null;
  /** The challenge of a passkey ceremony this session began; single-use. */
  passkey_challenge: ColumnType<string | null, string | null | undefined, string | null>;
  passkey_challenge_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A staff member's passkey (src/modules/accounts/passkeys.repository.ts). */
export interface StaffPasskeysTable {
  credential_id: string;
  staff_id: string;
  /** The COSE public key, sealed under the staff member's data key. */
  public_key: string;
  /** bigint: read back as a string by node-postgres. */
  sign_count: ColumnType<string | number, number | undefined, number>;
  /** Comma-separated WebAuthn transports the device reported ("internal,hybrid"). */
  transports: ColumnType<string, string | undefined, string>;
  created_at: Date;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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

/**
 * An application not yet submitted (src/modules/applications/). `answers`
 * and `resume_code` are sealed under the person's key; the hashes find the
 * draft from the browser's cookie or the resume code.
 */
export interface ApplicationDraftsTable {
  id: string;
  person_id: string;
  program: string;
  flow_version: string;
  access_hash: string;
  resume_hash: string;
  resume_code: string;
  answers: string;
  failed_resumes: ColumnType<number, number | undefined, number>;
  case_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export const caseStatuses = [
  'submitted',
  'screening',
  'in_review',
  'info_requested',
  'decided',
  'awarded',
  'paid',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/**
 * A submitted application. Personal answers are sealed in `answers`;
 * after the person is forgotten it becomes NULL and the row keeps only
 * what the processing-time and fund reports need.
 */
export interface CasesTable {
  id: string;
  reference: string;
  claim_hash: string;
  claim_code: string | null;
  person_id: string;
  organisation_id: string | null;
  program: string;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  answers: string | null;
  /** HMAC of the API request under the person's key: a replay with other answers is refused. */
  request_digest: string | null;
  screening_outcome: 'yes' | 'no' | 'maybe' | null;
  rules_version: string;
  flow_version: string;
  idempotency_key: string;
  language: string;
  channel: 'web' | 'api';
  submitted_at: ColumnType<Date, Date | undefined, never>;
  /** A date, read and written as `YYYY-MM-DD` (src/db/database.ts keeps DATE as text). */
  decision_due_on: string;
  decided_at: Date | null;
  /** The staff member holding the case (claim-next, assignment). */
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  assigned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Clinic mode: the workshop station the applicant is at. */
  station: ColumnType<ClinicStation | null, ClinicStation | null | undefined, ClinicStation | null>;
  outcome: ColumnType<
    'approved' | 'denied' | 'withdrawn' | null,
    'approved' | 'denied' | 'withdrawn' | null | undefined,
    'approved' | 'denied' | 'withdrawn' | null
  >;
}

export const translationProblems = [
  'meaning',
  'unclear',
  'offensive',
  'untranslated',
  'other',
] as const;
export type TranslationProblem = (typeof translationProblems)[number];

/** A report of a bad translation: page, language, kind of problem; no free text. */
export interface TranslationReportsTable {
  id: Generated<string>;
  locale: string;
  page_path: string;
  problem: TranslationProblem;
  created_at: CreatedAt;
  reviewed_at: Date | null;
}

export const clinicStations = ['screening', 'preparation', 'legal-review', 'done'] as const;
export type ClinicStation = (typeof clinicStations)[number];

/** Which organisation takes which program's new cases. */
export interface OrganisationProgramsTable {
  organisation_id: string;
  program: string;
}

/** A case's history: transitions, assignments, notes, decisions. `text` is sealed. */
export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string | null;
  kind: 'transition' | 'assignment' | 'note' | 'decision' | 'station';
  from_status: string | null;
  to_status: string | null;
  /** A staff account id, or 'system'. */
  actor: string;
  /** Codes of the rules' reasons a decision cites; never free text. */
  reason_codes: ColumnType<string[], string | undefined, never>;
  /** Sealed under the person's key: a note or a decision's own words. */
  text: string | null;
  created_at: CreatedAt;
}

/** A request for information the applicant sees on the status page. `message` is sealed. */
export interface InfoRequestsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string | null;
  requested_by: string;
  document_code: string | null;
  message: string;
  /** `YYYY-MM-DD`, as decision_due_on. */
  due_on: string;
  created_at: CreatedAt;
  answered_at: Date | null;
}

export type Organisation = Selectable<OrganisationsTable>;
export type StaffAccount = Selectable<StaffAccountsTable>;
export type Job = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type PersonKey = Selectable<PersonKeysTable>;
