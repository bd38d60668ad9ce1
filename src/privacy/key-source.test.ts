import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { rejectsWith } from '../../test/support/app-errors.ts';
import type { AppError } from '../errors.ts';
import {
  keyFilePath,
  loadKey,
  loadKeyFile,
  loadKeyProvider,
  parseKey,
  previousKekFilePath,
} from './key-source.ts';
import { kekIdOf, LocalKeyProvider } from './local-key-provider.ts';

describe('KEK from the environment', () => {
  it('accepts the base64 of exactly 32 bytes', () => {
    const kek = randomBytes(32);
    assert.deepEqual(parseKey(kek.toString('base64')), kek);
    assert.deepEqual(parseKey(` ${kek.toString('base64')}\n`), kek);
  });

  it('refuses anything else with BLG_KEY_INVALID, without echoing the value', () => {
    const candidates = [
      '',
      'secret',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('hex'),
      `-${randomBytes(32).toString('base64').slice(1)}`,
      `${randomBytes(32).toString('base64').slice(0, 43)}!`,
    ];
    for (const candidate of candidates) {
      assert.throws(
        () => parseKey(candidate),
        (error: unknown) =>
          rejectsWith('BLG_KEY_INVALID')(error) &&
          (candidate.length < 8 ||
            !JSON.stringify([(error as AppError).message, (error as AppError).details]).includes(
              candidate,
            )),
        `candidate ${candidates.indexOf(candidate)}`,
      );
    }
  });

  it('is preferred over any key file', async () => {
    const kek = randomBytes(32);
    const provider = await loadKeyProvider({
      value: kek.toString('base64'),
      dataDir: '/nonexistent/belong/data',
    });
    assert.equal(provider.currentKekId, kekIdOf(kek));
  });
});

describe('KEK key file', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'belong-kek-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('lives beside the data folder, not inside it', () => {
    assert.equal(keyFilePath('/srv/belong/.belong/data'), '/srv/belong/.belong/kek');
    assert.equal(keyFilePath('/srv/belong/.belong/data', 'index'), '/srv/belong/.belong/index-key');
  });

  it('keeps the index key in its own file, apart from the KEK', async () => {
    const dataDir = path.join(folder, 'index', '.belong', 'data');
    const kek = await loadKey('kek', { dataDir });
    const index = await loadKey('index', { dataDir });
    assert.notDeepEqual(kek, index);
    const file = path.join(folder, 'index', '.belong', 'index-key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(await loadKey('index', { dataDir }), index);
  });

  it('names the key in its errors', async () => {
    await assert.rejects(
      loadKey('index', { value: 'short', dataDir: 'memory://' }),
      (error: unknown) =>
        rejectsWith('BLG_KEY_INVALID')(error) && (error as AppError).details?.key === 'index',
    );
  });

  it('is created with mode 0600 on first start of the embedded default, then reused', async () => {
    const dataDir = path.join(folder, 'first', '.belong', 'data');
    const provider = await loadKeyProvider({ dataDir });
    const file = path.join(folder, 'first', '.belong', 'kek');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const kek = parseKey(readFileSync(file, 'utf8'));
    assert.equal(provider.currentKekId, kekIdOf(kek));
    const again = await loadKeyProvider({ dataDir });
    assert.equal(again.currentKekId, provider.currentKekId);
  });

  it('refuses a key file others can read', async () => {
    const file = path.join(folder, 'wide-kek');
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o644);
    await assert.rejects(loadKeyFile(file, { create: false }), rejectsWith('BLG_KEY_FILE_UNSAFE'));
    chmodSync(file, 0o640);
    await assert.rejects(loadKeyFile(file, { create: true }), rejectsWith('BLG_KEY_FILE_UNSAFE'));
  });

  it('refuses a key file whose content is not a 32-byte key', async () => {
    const file = path.join(folder, 'short-kek');
    writeFileSync(file, randomBytes(16).toString('base64'), { mode: 0o600 });
    await assert.rejects(loadKeyFile(file, { create: false }), rejectsWith('BLG_KEY_INVALID'));
  });

  it('refuses a key file inside the database directory', async () => {
    const dataDir = path.join(folder, 'inside', 'data');
    mkdirSync(dataDir, { recursive: true });
    await assert.rejects(
      loadKeyFile(path.join(dataDir, 'kek'), { create: true, dataDir }),
      rejectsWith('BLG_KEY_FILE_UNSAFE'),
    );
  });

  it('is never created for PostgreSQL: BELONG_KEK or an existing file is required', async () => {
    const dataDir = path.join(folder, 'pg', '.belong', 'data');
    await assert.rejects(
      loadKeyProvider({ dataDir, databaseUrl: 'postgres://localhost/x' }),
      rejectsWith('BLG_KEY_MISSING'),
    );
  });

  it('holds earlier KEKs during a rotation, from the environment or kek.previous', async () => {
    const oldKek = randomBytes(32);
    const newKek = randomBytes(32);
    const fromEnv = await loadKeyProvider({
      value: newKek.toString('base64'),
      previousValue: `${oldKek.toString('base64')},${randomBytes(32).toString('base64')}`,
      dataDir: 'memory://',
    });
    const { wrapped, kekId } = await new LocalKeyProvider(oldKek).wrap(randomBytes(32), 'p');
    assert.equal(fromEnv.currentKekId, kekIdOf(newKek));
    assert.equal((await fromEnv.unwrap(wrapped, kekId, 'p')).length, 32);

    const dataDir = path.join(folder, 'rotating', '.belong', 'data');
    const current = await loadKey('kek', { dataDir });
    writeFileSync(previousKekFilePath(dataDir), `${oldKek.toString('base64')}\n`, { mode: 0o600 });
    const fromFiles = await loadKeyProvider({ dataDir });
    assert.equal(fromFiles.currentKekId, kekIdOf(current));
    assert.equal((await fromFiles.unwrap(wrapped, kekId, 'p')).length, 32);
  });

  it('gives an in-memory database an in-memory KEK and writes no file', async () => {
    const first = await loadKeyProvider({ dataDir: 'memory://' });
    const second = await loadKeyProvider({ dataDir: 'memory://' });
    assert.notEqual(first.currentKekId, second.currentKekId);
  });
});
