import type { Kysely } from 'kysely';
import type { Database, Organisation, StaffRole } from '../../db/schema.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { generateOneTimePassword, hashPassword } from './passwords.ts';
import { StaffRepository } from './staff.repository.ts';

export interface CreatedStaff {
  staffId: string;
  email: string;
  /** Shown to the person who creates the account, once; never stored. */
  oneTimePassword: string;
}

export class AccountsService {
  private readonly organisations: OrganisationsRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.organisations = new OrganisationsRepository(db);
  }

  findOrganisation(slug: string): Promise<Organisation | undefined> {
    return this.organisations.findBySlug(slug);
  }

  createOrganisation(slug: string, name: string): Promise<Organisation> {
    return this.organisations.create({ slug, name });
  }

  /**
   * Creates a staff account with a one-time password that must be changed at
   * first sign-in, and its membership of one organisation, in one transaction.
   */
  async createStaffWithOneTimePassword(input: {
    email: string;
    displayName: string;
    organisationId: string;
    role: StaffRole;
  }): Promise<CreatedStaff> {
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const account = await this.db.transaction().execute(async (trx) => {
      const staff = new StaffRepository(trx);
      const created = await staff.create({
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        passwordMustChange: true,
      });
      await staff.addMembership(created.id, input.organisationId, input.role);
      return created;
    });
    return { staffId: account.id, email: account.email, oneTimePassword };
  }
}
