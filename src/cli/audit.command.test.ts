import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { runBelong } from '../../test/support/cli.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { openDatabase } from '../db/database.ts';
import { ensureTemplate } from '../db/pglite-template.ts';

describe('belong audit verify', () => {
  let folder: string;
  let env: NodeJS.ProcessEnv;
  const organisationId = randomUUID();
  const run = (argv: string[]) => runBelong(argv, { env: { LOG_LEVEL: 'silent', ...env } });

  /** Works on the embedded database between commands, as another process would. */
  async function withDatabase(
    work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>,
  ) {
    const database = await openDatabase({ dataDir: path.join(folder, 'data') });
    try {
      await work(database.db);
    } finally {
      await database.close();
    }
  }

  before(async () => {
    await ensureTemplate();
    folder = mkdtempSync(path.join(tmpdir(), 'belong-audit-cli-'));
    env = { BELONG_DATA_DIR: path.join(folder, 'data') };
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('explains itself and refuses a malformed call in one line', async () => {
    const help = await run(['audit', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: belong audit verify/);
    for (const argv of [['audit'], ['audit', 'verify', '--organisation', 'Robert']]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });

  it('exits 0 for an intact log and prints each chain’s head', async () => {
    assert.equal((await run(['migrate'])).code, 0);
    let head = '';
    await withDatabase(async (db) => {
      for (let n = 0; n < 3; n++) {
        const event = await recordAuditEvent(db, {
          organisationId,
          type: 'case.viewed',
          actor: randomUUID(),
          subject: randomUUID(),
          details: {},
        });
        head = event.hash;
      }
    });
    const result = await run(['audit', 'verify']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(`^${organisationId}  intact  3 events  head ${head}$`, 'm'),
    );
    assert.match(result.stderr, /Audit log intact: 1 chains, 3 events/);
    const one = await run(['audit', 'verify', '--organisation', organisationId]);
    assert.equal(one.code, 0, one.stderr);
  });

  it('exits 1 with one line naming the first broken event', async () => {
    await withDatabase(async (db) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(db);
      await sql`DELETE FROM audit_events WHERE sequence = 2`.execute(db);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(db);
    });
    const result = await run(['audit', 'verify', '--organisation', organisationId]);
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.match(lines.at(-1) ?? '', /^belong audit: audit chain \S+ broken at event 2: .*removed/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.match(result.stdout, /BROKEN after 1 good events/);
  });
});
