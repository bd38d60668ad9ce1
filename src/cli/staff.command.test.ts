import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBelong } from '../../test/support/cli.ts';
import { openDatabase } from '../db/database.ts';
import { ensureTemplate } from '../db/pglite-template.ts';
import { StaffAuthService } from '../modules/accounts/staff-auth.service.ts';
import { demoStaffEmail } from '../modules/demo/demo.service.ts';

describe('belong staff reset', () => {
  let folder: string;
  let dataDir: string;
  const run = (argv: string[]) =>
    runBelong(argv, { env: { LOG_LEVEL: 'silent', BELONG_DATA_DIR: dataDir } });

  before(async () => {
    await ensureTemplate();
    folder = mkdtempSync(path.join(tmpdir(), 'belong-staff-cli-'));
    dataDir = path.join(folder, '.belong', 'data');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a malformed call in one line, exit 2, without echoing it', async () => {
    const help = await run(['staff', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /belong staff reset <email>/);
    for (const argv of [
      ['staff'],
      ['staff', 'delete', 'a@example.org'],
      ['staff', 'reset'],
      ['staff', 'reset', 'Zyxwvut Canary'],
      ['staff', 'reset', 'a@example.org', 'b@example.org'],
    ]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /Zyxwvut/);
    }
  });

  it('sets a new one-time password printed once, ends sessions, and audits it', async () => {
    const seeded = await run(['seed', '--demo']);
    assert.equal(seeded.code, 0, seeded.stderr);
    const seededPassword = /One-time password:\s+(\S+)/.exec(seeded.stderr)?.[1];
    assert.ok(seededPassword);

    const unknown = await run(['staff', 'reset', 'nobody@example.org']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /BLG_STAFF_NOT_FOUND/);
    assert.doesNotMatch(unknown.stderr, /nobody@/);

    const reset = await run(['staff', 'reset', demoStaffEmail]);
    assert.equal(reset.code, 0, reset.stderr);
    const oneTimePassword = reset.stdout.trim();
    assert.match(oneTimePassword, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    assert.notEqual(oneTimePassword, seededPassword);

    const database = await openDatabase({ dataDir });
    try {
      const auth = new StaffAuthService({ db: database.db });
      await assert.rejects(auth.signIn(demoStaffEmail, seededPassword));
      const signed = await auth.signIn(demoStaffEmail, oneTimePassword);
      assert.equal(signed.stage, 'enrol-password');
      const audited = await database.db
        .selectFrom('audit_events')
        .select(['actor', 'subject'])
        .where('event_type', '=', 'staff.account_reset')
        .execute();
      assert.equal(audited.length, 1);
      assert.equal(audited[0]?.actor, 'system');
      const stored = JSON.stringify(
        await database.db.selectFrom('staff_accounts').selectAll().execute(),
      );
      assert.ok(!stored.includes(oneTimePassword), 'the password is stored only hashed');
    } finally {
      await database.close();
    }
  });
});
