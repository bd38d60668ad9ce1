import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { applicationFlows } from '../../flow/application-flows.ts';
import { AccountsService } from '../accounts/accounts.service.ts';

export const demoOrganisation = {
  slug: 'demo',
  name: 'Demo Immigrant Rights Coalition',
} as const;

/** `example.org` is reserved for examples (RFC 2606): mail to it goes nowhere. */
export const demoStaffEmail = 'demo-admin@example.org';

export type DemoSeedResult =
  | { created: false }
  | { created: true; organisationName: string; email: string; oneTimePassword: string };

/**
 * Seeds the demo organisation and its administrator. Running it again changes
 * nothing and reveals nothing: the one-time password exists only in the
 * result of the run that created the account.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSeedResult> {
  const accounts = new AccountsService(db);
  if (await accounts.findOrganisation(demoOrganisation.slug)) return { created: false };
  const organisation = await accounts.createOrganisation(
    demoOrganisation.slug,
    demoOrganisation.name,
  );
  // The demo organisation takes every program's applications, so an
  // application sent on a fresh `npm start` lands in its queue.
  await db
    .insertInto('organisation_programs')
    .values(
      [...applicationFlows.keys()].map((program) => ({
        organisation_id: organisation.id,
        program,
      })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  const staff = await accounts.createStaffWithOneTimePassword({
    email: demoStaffEmail,
    displayName: 'Demo administrator',
    organisationId: organisation.id,
    role: 'admin',
  });
  return {
    created: true,
    organisationName: organisation.name,
    email: staff.email,
    oneTimePassword: staff.oneTimePassword,
  };
}
