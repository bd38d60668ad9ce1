import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { ensureTemplate } from '../../src/db/pglite-template.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer } from '../../src/web/server.ts';

export interface RunningApp {
  /** Where the app listens, e.g. `http://localhost:41234`, without a trailing slash. */
  url: string;
  /** The server's own database, for a test to count what a journey stored. */
  database: DatabaseHandle;
  /** Stops the server, closes its database and removes its temporary folder. */
  stop(): Promise<void>;
}

/**
 * The real server on a free port, as a browser sees it: migrated embedded
 * database (a copy of the install-time template) in a folder of its own.
 */
export async function startRunningApp(): Promise<RunningApp> {
  await ensureTemplate();
  const folder = mkdtempSync(path.join(tmpdir(), 'belong-e2e-'));
  try {
    const server = await startServer(testConfig({ port: 0, dataDir: path.join(folder, 'data') }), {
      logger: createLogger({ level: 'silent' }),
    });
    return {
      url: server.url,
      database: server.database,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
