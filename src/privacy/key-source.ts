import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../errors.ts';
import type { KeyProvider } from './key-provider.ts';
import { LocalKeyProvider } from './local-key-provider.ts';

const keyLength = 32;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** The two secrets Belong holds: the key-encryption key and the blind-index key. */
export type KeyName = 'kek' | 'index';

const fileNames: Record<KeyName, string> = { kek: 'kek', index: 'index-key' };

/**
 * Reads a key written as standard base64 of exactly 32 bytes (44 characters
 * with padding). Anything else is refused rather than stretched, hashed or
 * truncated into a key: a typo must stop the service, not silently become
 * a different key that can never open yesterday's data. The error names
 * which key, never its value.
 */
export function parseKey(text: string, key: KeyName = 'kek'): Buffer {
  const value = text.trim();
  if (value.length !== 44 || !base64Pattern.test(value)) {
    throw new AppError('BLG_KEY_INVALID', { details: { key, length: value.length } });
  }
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== keyLength || bytes.toString('base64') !== value) {
    throw new AppError('BLG_KEY_INVALID', { details: { key, bytes: bytes.length } });
  }
  return bytes;
}

/**
 * Where the embedded default keeps a key file: beside the data folder,
 * never inside it (`.belong/data` → `.belong/kek`, `.belong/index-key`), so
 * copying or backing up the database folder alone never carries the key
 * that opens it.
 */
export function keyFilePath(dataDir: string, key: KeyName = 'kek'): string {
  return path.join(path.dirname(path.resolve(dataDir)), fileNames[key]);
}

/**
 * Reads the key file, creating it (mode 0600, exclusive create) when it
 * does not exist and `create` is set. Refuses a file others can read or
 * write, and a file inside the database directory.
 */
export async function loadKeyFile(
  filePath: string,
  options: { create: boolean; dataDir?: string | undefined; key?: KeyName },
): Promise<Buffer> {
  const key = options.key ?? 'kek';
  const resolved = path.resolve(filePath);
  if (options.dataDir && isInside(resolved, path.resolve(options.dataDir))) {
    throw new AppError('BLG_KEY_FILE_UNSAFE', { details: { key, reason: 'inside-data-dir' } });
  }
  const existing = readKeyFile(resolved, key);
  if (existing) return existing;
  if (!options.create) throw new AppError('BLG_KEY_MISSING', { details: { key } });
  await mkdir(path.dirname(resolved), { recursive: true, mode: 0o700 });
  const created = randomBytes(keyLength);
  let fd: number;
  try {
    fd = openSync(resolved, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (error) {
    // Another process created it between our read and our create: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readKeyFile(resolved, key);
      if (theirs) return theirs;
    }
    throw error;
  }
  try {
    writeSync(fd, `${created.toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  return created;
}

function readKeyFile(filePath: string, key: KeyName): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') {
      throw new AppError('BLG_KEY_FILE_UNSAFE', { details: { key, reason: 'symlink' } });
    }
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new AppError('BLG_KEY_FILE_UNSAFE', { details: { key, reason: 'not-a-file' } });
    }
    // The Windows file system reports no meaningful group/other bits.
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      throw new AppError('BLG_KEY_FILE_UNSAFE', {
        details: { key, reason: 'permissions', mode: (stats.mode & 0o777).toString(8) },
      });
    }
    return parseKey(readFileSync(fd, 'utf8'), key);
  } finally {
    closeSync(fd);
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export interface KeySourceOptions {
  /** BELONG_KEK or BELONG_INDEX_KEY, when set. */
  value?: string | undefined;
  /** Set when the database is PostgreSQL. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder, or `memory://`. */
  dataDir: string;
}

/**
 * Finds one key: the environment variable when set; otherwise, for the
 * embedded database, the key file beside its folder (created on first
 * start). A PostgreSQL deployment without the variable uses an existing key
 * file but never creates one: each of several app servers would make its
 * own key, and data sealed under each could be opened only on that machine.
 * An in-memory database gets an in-memory key that dies with it.
 */
export async function loadKey(key: KeyName, options: KeySourceOptions): Promise<Buffer> {
  if (options.value !== undefined && options.value !== '') return parseKey(options.value, key);
  if (options.dataDir === 'memory://' && !options.databaseUrl) return randomBytes(keyLength);
  return loadKeyFile(keyFilePath(options.dataDir, key), {
    key,
    create: !options.databaseUrl,
    dataDir: options.databaseUrl ? undefined : options.dataDir,
  });
}

/**
 * Where a key-file KEK waits while `belong keys rotate` moves data keys off
 * it; removed when the rotation finishes.
 */
export function previousKekFilePath(dataDir: string): string {
  return `${keyFilePath(dataDir, 'kek')}.previous`;
}

export interface KeyProviderOptions extends KeySourceOptions {
  /** BELONG_KEK_PREVIOUS: earlier KEKs, comma-separated, during a rotation. */
  previousValue?: string | undefined;
}

/**
 * The local KeyProvider: its KEK from BELONG_KEK or `.belong/kek` (see
 * `loadKey`), plus any earlier KEKs still needed while a rotation runs —
 * BELONG_KEK_PREVIOUS, or `.belong/kek.previous` beside the key file.
 */
export async function loadKeyProvider(options: KeyProviderOptions): Promise<KeyProvider> {
  const current = await loadKey('kek', options);
  const previous: Buffer[] = [];
  if (options.previousValue) {
    for (const value of options.previousValue.split(',')) previous.push(parseKey(value, 'kek'));
  } else if (!options.value && options.dataDir !== 'memory://') {
    const file = previousKekFilePath(options.dataDir);
    const earlier = await loadKeyFile(file, { create: false }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'BLG_KEY_MISSING') return undefined;
      throw error;
    });
    if (earlier) previous.push(earlier);
  }
  return new LocalKeyProvider(current, previous);
}

/**
 * Starts (or resumes) rotating the embedded default's key file: the current
 * `.belong/kek` moves to `.belong/kek.previous` and a new `.belong/kek` is
 * created. Each step can be interrupted and the next call carries on. Call
 * only while holding the database lock, so no server is using the old key.
 */
export async function beginKeyFileRotation(
  dataDir: string,
): Promise<{ current: Buffer; previous: Buffer; resumed: boolean }> {
  const currentPath = keyFilePath(dataDir, 'kek');
  const previousPath = previousKekFilePath(dataDir);
  let previous = readKeyFile(previousPath, 'kek');
  const resumed = previous !== undefined;
  if (!previous) {
    previous = readKeyFile(currentPath, 'kek');
    if (!previous) throw new AppError('BLG_KEY_MISSING', { details: { key: 'kek' } });
    await rename(currentPath, previousPath);
  }
  const current = await loadKeyFile(currentPath, { create: true, dataDir, key: 'kek' });
  return { current, previous, resumed };
}

/**
 * Ends a key-file rotation by deleting `.belong/kek.previous`. From then on
 * a database backup taken before the rotation cannot be opened with the
 * key file, which is what makes forgetting hold in old backups.
 */
export async function endKeyFileRotation(dataDir: string): Promise<void> {
  await rm(previousKekFilePath(dataDir), { force: true });
}
