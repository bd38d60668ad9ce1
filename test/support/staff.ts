import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../src/db/schema.ts';
import { AccountsService } from '../../src/modules/accounts/accounts.service.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import type { AppServices } from '../../src/web/app-services.ts';

/**
 * A staff member signed in the way a person is: one-time password, a new
 * password, a TOTP second factor enrolled and proven. Returns the session
 * cookie to send.
 */
export async function signedInStaff(
  db: Kysely<Database>,
  services: AppServices,
  membership: { organisationId: string; role: StaffRole },
): Promise<{ staffId: string; cookie: string }> {
  const email = `${membership.role}-${randomUUID().slice(0, 8)}@example.org`;
  const created = await new AccountsService(db).createStaffWithOneTimePassword({
    email,
    displayName: membership.role,
    organisationId: membership.organisationId,
    role: membership.role,
  });
  const auth = services.staffAuth;
  const { token } = await auth.signIn(email, created.oneTimePassword);
  await auth.changeOneTimePassword(token, `correct horse battery ${randomUUID()}`);
  const { secret } = await auth.beginTotpEnrolment(token);
  const done = await auth.confirmTotpEnrolment(token, totpCodeAt(secret, new Date()));
  return { staffId: created.staffId, cookie: `belong_staff=${done.token}` };
}

/** An organisation that takes the given programs' new cases. */
export async function testOrganisation(
  db: Kysely<Database>,
  programs: readonly string[],
): Promise<string> {
  const row = await db
    .insertInto('organisations')
    .values({
      slug: `org-${randomUUID().slice(0, 8)}`,
      name: `Organisation ${randomUUID().slice(0, 4)}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (programs.length > 0) {
    await db
      .insertInto('organisation_programs')
      .values(programs.map((program) => ({ organisation_id: row.id, program })))
      .execute();
  }
  return row.id;
}
