import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Logger } from '../logger.ts';
import { buildApp } from './app.ts';

export interface RunningServer {
  url: string;
  database: DatabaseHandle;
  /** Stops taking connections, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** Runs after migrations and before the port opens (the demo seed, for one). */
  beforeListen?: (database: DatabaseHandle) => Promise<void>;
  /** Reports each migration as it is applied. */
  onMigration?: (name: string) => void;
}

/** Longest a shutdown waits for requests in flight before closing anyway. */
const shutdownGraceMs = 10_000;

export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db, options.onMigration);
    await options.beforeListen?.(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = buildApp(config, { database, logger: options.logger });

  const server = await new Promise<Server>((resolve, reject) => {
    // Without a `createServer` option, @hono/node-server makes a plain node:http server.
    const instance = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(instance as Server),
    );
    instance.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, shutdownGraceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
      await database.close();
    })();
    return stopping;
  };
  return { url: `http://${host}:${address.port}`, database, stop };
}
