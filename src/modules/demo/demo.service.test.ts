import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { StaffRepository } from '../accounts/staff.repository.ts';
import { demoOrganisation, demoStaffEmail, seedDemo } from './demo.service.ts';

describeEachEngine('demo seed', (database) => {
  it('creates the demo organisation and an administrator with a one-time password, once', async () => {
    const { db } = database();
    const first = await seedDemo(db);
    assert.equal(first.created, true);
    if (!first.created) return;
    assert.equal(first.organisationName, demoOrganisation.name);
    assert.match(first.oneTimePassword, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const staff = new StaffRepository(db);
    const account = await staff.findByEmail(demoStaffEmail.toUpperCase());
    assert.ok(account);
    assert.equal(account.password_must_change, true);
    assert.ok(account.password_hash.startsWith('$argon2id$'));
    assert.notEqual(account.password_hash, first.oneTimePassword);
    assert.equal(await verifyPassword(account.password_hash, first.oneTimePassword), true);
    assert.equal(await verifyPassword(account.password_hash, 'wrong-password'), false);
    assert.deepEqual(
      (await staff.membershipsOf(account.id)).map((m) => m.role),
      ['admin'],
    );

    assert.deepEqual(await seedDemo(db), { created: false });
  });
});
