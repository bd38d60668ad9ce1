import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBelong } from '../../test/support/cli.ts';
import { openKeyStore } from '../db/key-store.ts';
import { migrateKeyStoreToLatest } from '../db/migrate.ts';
import { ensureTemplate } from '../db/pglite-template.ts';
import { loadKeyProvider } from '../privacy/key-source.ts';
import { PersonKeysRepository } from '../privacy/person-keys.repository.ts';
import { PersonKeysService } from '../privacy/person-keys.service.ts';
import type { PersonReport } from '../privacy/person-privacy.service.ts';
import { sealedColumn } from '../privacy/sealed-column.ts';

const familyName = sealedColumn<string>({ table: 'people', column: 'family_name' });

describe('belong privacy', () => {
  let folder: string;
  let dataDir: string;
  const run = (argv: string[], env: NodeJS.ProcessEnv = { BELONG_DATA_DIR: dataDir }) =>
    runBelong(argv, { env: { LOG_LEVEL: 'silent', ...env } });

  /** Works on the embedded key store between commands, as another process would. */
  async function withKeys<T>(work: (keys: PersonKeysService) => Promise<T>): Promise<T> {
    const keyStore = await openKeyStore({ dataDir });
    try {
      await migrateKeyStoreToLatest(keyStore.db);
      const provider = await loadKeyProvider({ dataDir });
      return await work(new PersonKeysService(new PersonKeysRepository(keyStore.db), provider));
    } finally {
      await keyStore.close();
    }
  }

  before(async () => {
    await ensureTemplate();
    folder = mkdtempSync(path.join(tmpdir(), 'belong-privacy-cli-'));
    dataDir = path.join(folder, '.belong', 'data');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a malformed call in one line, exit 2, without echoing the argument', async () => {
    const help = await run(['privacy', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /belong privacy forget <person-id>/);
    for (const argv of [
      ['privacy'],
      ['privacy', 'erase', randomUUID()],
      ['privacy', 'forget'],
      ['privacy', 'forget', 'Zyxwvut Canary'],
      ['privacy', 'report', 'Zyxwvut-Canary'],
      ['privacy', 'forget', randomUUID(), randomUUID()],
      ['privacy', 'forget', randomUUID(), '--actor', 'Zyxwvut'],
      ['privacy', 'report', randomUUID(), '--reason', 'x'],
    ]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /Zyxwvut/);
    }
    // Nothing was opened for a call that was refused.
    assert.equal(existsSync(dataDir), false);
  });

  it('needs a separate key store when DATABASE_URL is set: a coded error, exit 1', async () => {
    const databaseUrl = 'postgres://belong@db.invalid:5432/belong';
    const missing = await run(['privacy', 'report', randomUUID()], { DATABASE_URL: databaseUrl });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /BLG_KEY_STORE_NOT_CONFIGURED/);
    const shared = await run(['privacy', 'forget', randomUUID()], {
      DATABASE_URL: databaseUrl,
      BELONG_KEYS_DATABASE_URL: 'postgresql://other-user:secret@DB.invalid/belong',
    });
    assert.equal(shared.code, 1);
    assert.match(shared.stderr, /BLG_KEY_STORE_SHARES_DATABASE/);
    assert.doesNotMatch(shared.stderr, /secret/);
  });

  it('forgets a person once, says so the second time, and reports it', async () => {
    const personId = randomUUID();
    const staff = randomUUID();
    const sealed = await withKeys(async (keys) =>
      familyName.seal('Zyxwvut', await keys.create(personId), personId),
    );

    const nobody = await run(['privacy', 'forget', randomUUID()]);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /BLG_PERSON_KEY_NOT_FOUND/);

    const first = await run(['privacy', 'forget', personId.toUpperCase(), '--actor', staff]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^forgotten ${personId} at `));
    assert.ok(existsSync(path.join(folder, '.belong', 'keys', 'PG_VERSION')));
    const second = await run(['privacy', 'forget', personId]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`^already forgotten ${personId}`));

    await withKeys(async (keys) => {
      await assert.rejects(
        keys.get(personId).then((key) => familyName.open(sealed, key, personId)),
        /BLG_PERSON_KEY_DESTROYED/,
      );
    });

    const report = await run(['privacy', 'report', personId]);
    assert.equal(report.code, 0, report.stderr);
    const printed = JSON.parse(report.stdout) as PersonReport;
    assert.equal(printed.personId, personId);
    assert.equal(printed.dataKey.state, 'destroyed');
    assert.deepEqual(
      printed.auditEvents.map((event) => [event.type, event.actor]),
      [['person.forgotten', staff]],
    );
    const again = JSON.parse((await run(['privacy', 'report', personId])).stdout) as PersonReport;
    assert.deepEqual(
      again.auditEvents.map((event) => event.type),
      ['person.forgotten', 'person.report_created'],
    );
    assert.equal(again.auditEvents[1]?.id, printed.reportEventId);
  });
});
