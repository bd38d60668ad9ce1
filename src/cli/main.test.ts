import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBelong } from '../../test/support/cli.ts';
import { openDatabase } from '../db/database.ts';
import { ensureTemplate } from '../db/pglite-template.ts';

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  return runBelong(argv, { env: { LOG_LEVEL: 'silent', ...env } });
}

describe('belong CLI', () => {
  let folder: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    await ensureTemplate();
    folder = mkdtempSync(path.join(tmpdir(), 'belong-cli-'));
    env = { BELONG_DATA_DIR: path.join(folder, 'data') };
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('lists its commands with --help and explains each one', async () => {
    const overview = await run(['--help']);
    assert.equal(overview.code, 0);
    for (const name of ['serve', 'migrate', 'seed'])
      assert.match(overview.stdout, new RegExp(`\\b${name}\\b`));
    for (const name of ['serve', 'migrate', 'seed']) {
      const help = await run([name, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`Usage: belong ${name}`));
    }
  });

  it('exits 2 with one line for an unknown command or option', async () => {
    const unknown = await run(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
    const badOption = await run(['seed', '--colour']);
    assert.equal(badOption.code, 2);
    assert.equal(badOption.stderr.trim().split('\n').length, 1);
    const missing = await run(['seed']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--demo/);
  });

  it('migrates, reporting each migration, and is a no-op the second time', async () => {
    const first = await run(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /Applied migration \d{14}-foundation/);
    assert.match(first.stderr, /Applied key store migration \d{14}-person-keys/);
    const second = await run(['migrate'], env);
    assert.equal(second.code, 0);
    assert.doesNotMatch(second.stderr, /Applied (key store )?migration/);
    assert.match(second.stderr, /up to date/);
  });

  it('prints the demo one-time password once, then never again', async () => {
    const first = await run(['seed', '--demo'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /Demo Immigrant Rights Coalition/);
    const password = /One-time password:\s+(\S+)/.exec(first.stderr)?.[1];
    assert.ok(password);
    const second = await run(['seed', '--demo'], env);
    assert.equal(second.code, 0);
    assert.match(second.stderr, /already exists/);
    assert.ok(!second.stderr.includes(password));
  });

  it('refuses, in one line, to open the embedded database another process has open', async () => {
    const held = await openDatabase({ dataDir: path.join(folder, 'data') });
    try {
      const result = await run(['migrate'], env);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /already open in process/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    } finally {
      await held.close();
    }
  });
});
