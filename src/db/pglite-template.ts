import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * Creating a PGlite database runs `initdb` inside WebAssembly on the main
 * thread: 5–7 s on this project's 2-core machine. Reopening an existing one
 * takes under a second. So `npm install` builds one empty database as a
 * template (scripts/prepare.js), and a new data directory starts as a copy of
 * it, the way PostgreSQL's own CREATE DATABASE copies template1. Without a
 * template, Belong falls back to `initdb`, just more slowly.
 */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function pgliteVersion(): string {
  // The package does not export its package.json; find it above the entry point.
  let directory = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(directory, 'package.json'))) directory = path.dirname(directory);
  const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
  return String((manifest as { version?: unknown }).version);
}

/** Keyed by PGlite's version: a data directory only opens in the version that made it. */
export function templateDirectory(): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'belong', `pglite-${pgliteVersion()}`);
}

export function hasTemplate(): boolean {
  return existsSync(path.join(templateDirectory(), 'PG_VERSION'));
}

/** Builds the template if it is missing. Safe to run concurrently: the last rename wins. */
export async function ensureTemplate(): Promise<string> {
  const target = templateDirectory();
  if (hasTemplate()) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  const building = mkdtempSync(`${target}.building-`);
  const db = await PGlite.create(building);
  await db.close();
  rmSync(target, { recursive: true, force: true });
  renameSync(building, target);
  return target;
}

/** Copies the template into `dataDir` when the template exists; returns whether it did. */
export function copyTemplateTo(dataDir: string): boolean {
  if (!hasTemplate()) return false;
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o700 });
  cpSync(templateDirectory(), dataDir, { recursive: true });
  return true;
}
