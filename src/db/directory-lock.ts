import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes that open one data directory
 * silently lose each other's committed rows (measured in
 * shared/reference/stack-bench.md §1.4). Belong therefore holds a lock file
 * beside the directory for as long as the database is open, and refuses to
 * open it a second time — from another process or from this one.
 */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database is already open in process ${holderPid} (lock file ${lockPath}). ` +
        'Stop that process first; if no Belong process is running, delete the lock file.',
    );
  }
}

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

interface LockHolder {
  pid: number;
  since: string;
}

export function acquireDirectoryLock(directory: string): DirectoryLock {
  const lockPath = `${path.resolve(directory)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  // Two attempts: the second follows the removal of a lock left by a dead process.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      const holder: LockHolder = { pid: process.pid, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      return createLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && isProcessAlive(holder.pid)) {
        throw new DatabaseLockedError(lockPath, holder.pid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not create the lock file ${lockPath}`);
}

function createLock(lockPath: string): DirectoryLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    const holder = readHolder(lockPath);
    if (holder?.pid === process.pid) rmSync(lockPath, { force: true });
  };
  // A process that exits without closing the database still frees the lock.
  process.on('exit', release);
  return { path: lockPath, release };
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed) {
      const pid = Number((parsed as { pid: unknown }).pid);
      if (Number.isInteger(pid) && pid > 0)
        return { pid, since: String((parsed as { since?: unknown }).since) };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
