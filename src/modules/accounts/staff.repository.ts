import { type Kysely, sql } from 'kysely';
import type { Database, StaffAccount, StaffRole } from '../../db/schema.ts';

export interface NewStaffAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  passwordMustChange: boolean;
}

export class StaffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(account: NewStaffAccount): Promise<StaffAccount> {
    return this.db
      .insertInto('staff_accounts')
      .values({
        email: account.email,
        display_name: account.displayName,
        password_hash: account.passwordHash,
        password_must_change: account.passwordMustChange,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findByEmail(email: string): Promise<StaffAccount | undefined> {
    return this.db
      .selectFrom('staff_accounts')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async findById(id: string): Promise<StaffAccount | undefined> {
    return this.db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Counts one failed sign-in: a failure after the window has passed starts
   * a new count. Atomic, so concurrent guesses cannot slip past the limit.
   * Returns the count in the current window.
   */
  async recordFailure(id: string, now: Date, windowStart: Date): Promise<number> {
    const row = await this.db
      .updateTable('staff_accounts')
      .set({
        failed_sign_ins: sql<number>`CASE WHEN first_failed_at IS NULL OR first_failed_at <= ${windowStart} THEN 1 ELSE failed_sign_ins + 1 END`,
        first_failed_at: sql<Date>`CASE WHEN first_failed_at IS NULL OR first_failed_at <= ${windowStart} THEN ${now} ELSE first_failed_at END`,
      })
      .where('id', '=', id)
      .returning('failed_sign_ins')
      .executeTakeFirst();
    return row?.failed_sign_ins ?? 0;
  }

  /** Locks the account until `until` and starts the count again. */
  async lock(id: string, until: Date): Promise<void> {
    await this.db
      .updateTable('staff_accounts')
      .set({ locked_until: until, failed_sign_ins: 0, first_failed_at: null })
      .where('id', '=', id)
      .execute();
  }

  async clearFailures(id: string): Promise<void> {
    await this.db
      .updateTable('staff_accounts')
      .set({ failed_sign_ins: 0, first_failed_at: null, locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.db
      .updateTable('staff_accounts')
      .set({ password_hash: passwordHash, password_must_change: mustChange })
      .where('id', '=', id)
      .execute();
  }

  async addMembership(staffId: string, organisationId: string, role: StaffRole): Promise<void> {
    await this.db
      .insertInto('staff_memberships')
      .values({ staff_id: staffId, organisation_id: organisationId, role })
      .execute();
  }

  async membershipsOf(staffId: string): Promise<{ organisationId: string; role: StaffRole }[]> {
    const rows = await this.db
      .selectFrom('staff_memberships')
      .select(['organisation_id', 'role'])
      .where('staff_id', '=', staffId)
      .orderBy('organisation_id')
      .execute();
    return rows.map((row) => ({ organisationId: row.organisation_id, role: row.role }));
  }

  /** Memberships with each organisation's name, for showing who someone works for. */
  async namedMembershipsOf(
    staffId: string,
  ): Promise<{ organisationId: string; organisationName: string; role: StaffRole }[]> {
    const rows = await this.db
      .selectFrom('staff_memberships')
      .innerJoin('organisations', 'organisations.id', 'staff_memberships.organisation_id')
      .select(['staff_memberships.organisation_id', 'organisations.name', 'staff_memberships.role'])
      .where('staff_memberships.staff_id', '=', staffId)
      .orderBy('organisations.name')
      .execute();
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.name,
      role: row.role,
    }));
  }
}
