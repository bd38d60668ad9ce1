import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireDirectoryLock, DatabaseLockedError } from './directory-lock.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'belong-lock-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('acquireDirectoryLock', () => {
  it('refuses a second lock on the same directory, even in the same process', () => {
    const directory = path.join(folder, 'same-process');
    const lock = acquireDirectoryLock(directory);
    assert.throws(() => acquireDirectoryLock(directory), DatabaseLockedError);
    lock.release();
    acquireDirectoryLock(directory).release();
    assert.equal(existsSync(lock.path), false);
  });

  it('replaces a lock left by a process that no longer exists', () => {
    const directory = path.join(folder, 'stale');
    // PIDs are below 2^22 on Linux, so this one cannot be running.
    writeFileSync(`${directory}.lock`, JSON.stringify({ pid: 2 ** 22 + 7, since: 'then' }));
    const lock = acquireDirectoryLock(directory);
    lock.release();
  });

  it('refuses while another process holds it, and frees it when that process exits', async () => {
    const directory = path.join(folder, 'other-process');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { acquireDirectoryLock } = await import(${JSON.stringify(new URL('./directory-lock.ts', import.meta.url).href)});
         acquireDirectoryLock(${JSON.stringify(directory)}); console.log('locked'); setTimeout(() => {}, 60000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const error = (() => {
      try {
        acquireDirectoryLock(directory);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    assert.ok(error instanceof DatabaseLockedError);
    assert.equal(error.holderPid, child.pid);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    acquireDirectoryLock(directory).release();
  });
});
