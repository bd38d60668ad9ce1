import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Database, type StaffRole, staffRoles } from '../../src/db/schema.ts';
import { AccountsService } from '../../src/modules/accounts/accounts.service.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import type { AppServices } from '../../src/web/app-services.ts';

/**
 * A staff member signed in the way a person is: one-time password, a new
 * password, a TOTP second factor enrolled and proven. Returns the session
 * cookie to send, and the email and password to sign in again with.
 */
export async function signedInStaff(
  db: Kysely<Database>,
  services: AppServices,
  membership: { organisationId: string; role: StaffRole },
): Promise<{
  staffId: string;
  cookie: string;
  /** The same session's secret, as the staff API takes it in `Authorization: Bearer`. */
  token: string;
  email: string;
  password: string;
  totpSecret: string;
}> {
  const email = `${membership.role}-${randomUUID().slice(0, 8)}@example.org`;
  const created = await new AccountsService(db).createStaffWithOneTimePassword({
    email,
    displayName: membership.role,
    organisationId: membership.organisationId,
    role: membership.role,
  });
  const auth = services.staffAuth;
  const { token } = await auth.signIn(email, created.oneTimePassword);
  const password = `correct horse battery ${randomUUID()}`;
  await auth.changeOneTimePassword(token, password);
  const { secret } = await auth.beginTotpEnrolment(token);
  const done = await auth.confirmTotpEnrolment(token, totpCodeAt(secret, new Date()));
  return {
    staffId: created.staffId,
    cookie: `belong_staff=${done.token}`,
    token: done.token,
    email,
    password,
    totpSecret: secret,
  };
}

/** One signed-in staff member of every role in the organisation, by role. */
export async function staffOfEveryRole(
  db: Kysely<Database>,
  services: AppServices,
  organisationId: string,
): Promise<Map<StaffRole, Awaited<ReturnType<typeof signedInStaff>>>> {
  const staff = new Map<StaffRole, Awaited<ReturnType<typeof signedInStaff>>>();
  for (const role of staffRoles) {
    staff.set(role, await signedInStaff(db, services, { organisationId, role }));
  }
  return staff;
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
