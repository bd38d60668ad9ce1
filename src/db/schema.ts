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
}

export type Organisation = Selectable<OrganisationsTable>;
export type StaffAccount = Selectable<StaffAccountsTable>;
export type Job = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
