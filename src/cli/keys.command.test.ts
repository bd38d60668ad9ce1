import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBelong } from '../../test/support/cli.ts';
import { openKeyStore } from '../db/key-store.ts';
import { migrateKeyStoreToLatest } from '../db/migrate.ts';
import { ensureTemplate } from '../db/pglite-template.ts';
import type { KeyProvider } from '../privacy/key-provider.ts';
import { loadKeyProvider } from '../privacy/key-source.ts';
import { kekIdOf, LocalKeyProvider } from '../privacy/local-key-provider.ts';
import { PersonKeysRepository } from '../privacy/person-keys.repository.ts';
import { PersonKeysService } from '../privacy/person-keys.service.ts';
import { sealedColumn } from '../privacy/sealed-column.ts';

const familyName = sealedColumn<string>({ table: 'people', column: 'family_name' });

function run(argv: string[], env: NodeJS.ProcessEnv) {
  return runBelong(argv, { env: { LOG_LEVEL: 'silent', ...env } });
}

describe('belong keys rotate', () => {
  let folder: string;
  before(async () => {
    await ensureTemplate();
    folder = mkdtempSync(path.join(tmpdir(), 'belong-keys-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  async function withPeople(
    dataDir: string,
    provider: KeyProvider | undefined,
  ): Promise<Map<string, string>> {
    const keyStore = await openKeyStore({ dataDir });
    try {
      await migrateKeyStoreToLatest(keyStore.db);
      const keys = new PersonKeysService(
        new PersonKeysRepository(keyStore.db),
        provider ?? (await loadKeyProvider({ dataDir })),
      );
      const sealed = new Map<string, string>();
      for (let i = 0; i < 5; i++) {
        const id = randomUUID();
        sealed.set(id, familyName.seal(`Zyxw-${i}`, await keys.create(id), id));
      }
      return sealed;
    } finally {
      await keyStore.close();
    }
  }

  async function openAll(dataDir: string, provider: KeyProvider, sealed: Map<string, string>) {
    const keyStore = await openKeyStore({ dataDir });
    try {
      const keys = new PersonKeysService(new PersonKeysRepository(keyStore.db), provider);
      const opened: string[] = [];
      for (const [id, value] of sealed) opened.push(familyName.open(value, await keys.get(id), id));
      return opened;
    } finally {
      await keyStore.close();
    }
  }

  it('rotates the embedded key file and deletes the old one', async () => {
    const dataDir = path.join(folder, 'embedded', '.belong', 'data');
    const env = { BELONG_DATA_DIR: dataDir };
    assert.equal((await run(['migrate'], env)).code, 0);
    const sealed = await withPeople(dataDir, undefined);
    const kekFile = path.join(folder, 'embedded', '.belong', 'kek');
    const before = readFileSync(kekFile, 'utf8');

    const result = await run(['keys', 'rotate', '--batch-size', '2'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Rewrapped 5;/);
    assert.notEqual(readFileSync(kekFile, 'utf8'), before);
    assert.equal(statSync(kekFile).mode & 0o777, 0o600);
    assert.equal(existsSync(`${kekFile}.previous`), false);
    assert.equal(result.stderr.includes(before.trim()), false);

    const provider = await loadKeyProvider({ dataDir });
    assert.deepEqual(
      await openAll(dataDir, provider, sealed),
      [0, 1, 2, 3, 4].map((i) => `Zyxw-${i}`),
    );
    const again = await run(['keys', 'rotate'], env);
    assert.equal(again.code, 0, again.stderr);
  });

  it('rotates from BELONG_KEK_PREVIOUS to BELONG_KEK', async () => {
    const dataDir = path.join(folder, 'env', '.belong', 'data');
    const oldKek = randomBytes(32);
    const newKek = randomBytes(32);
    assert.equal((await run(['migrate'], { BELONG_DATA_DIR: dataDir })).code, 0);
    const sealed = await withPeople(dataDir, new LocalKeyProvider(oldKek));

    const missingOld = await run(['keys', 'rotate'], {
      BELONG_DATA_DIR: dataDir,
      BELONG_KEK: newKek.toString('base64'),
    });
    assert.equal(missingOld.code, 1);
    assert.match(missingOld.stderr, /could not unwrap 5/);

    const result = await run(['keys', 'rotate'], {
      BELONG_DATA_DIR: dataDir,
      BELONG_KEK: newKek.toString('base64'),
      BELONG_KEK_PREVIOUS: oldKek.toString('base64'),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(kekIdOf(newKek)));
    assert.equal(result.stderr.includes(newKek.toString('base64')), false);
    const opened = await openAll(dataDir, new LocalKeyProvider(newKek), sealed);
    assert.equal(opened.length, 5);
  });

  it('explains bad usage and a malformed key without printing it', async () => {
    const env = { BELONG_DATA_DIR: path.join(folder, 'usage', 'data') };
    assert.equal((await run(['keys'], env)).code, 2);
    assert.equal((await run(['keys', 'rotate', '--batch-size', '0'], env)).code, 2);
    const bad = await run(['keys', 'rotate'], { ...env, BELONG_KEK: 'not-a-real-key-value' });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /BLG_KEY_INVALID/);
    assert.equal(bad.stderr.includes('not-a-real-key-value'), false);
  });
});
