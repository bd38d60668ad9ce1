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
      .execute();
    return rows.map((row) => ({ organisationId: row.organisation_id, role: row.role }));
  }
}
