import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Logger } from '../logger.ts';
import { JobsRepository } from '../modules/jobs/jobs.repository.ts';
import { JobWorker } from '../modules/jobs/jobs.worker.ts';
import { sharedRulesService } from '../modules/rules/rules.service.ts';
import {
  type KeyValues,
  openPrivacyRuntime,
  type PrivacyRuntime,
} from '../privacy/privacy-runtime.ts';
import { retentionJobKind, retentionSweepEveryMs } from '../privacy/retention.service.ts';
import { buildApp } from './app.ts';
import { buildAppServices } from './app-services.ts';

export interface RunningServer {
  url: string;
  database: DatabaseHandle;
  privacy: PrivacyRuntime;
  /** Stops taking connections, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** Runs after migrations and before the port opens (the demo seed, for one). */
  beforeListen?: (database: DatabaseHandle) => Promise<void>;
  /** Reports each migration as it is applied. */
  onMigration?: (name: string) => void;
  /** BELONG_KEK, BELONG_KEK_PREVIOUS, BELONG_INDEX_KEY; key files beside the embedded database when absent. */
  keys?: KeyValues;
  /** BELONG_KEYS_DATABASE_URL: the key store, required with DATABASE_URL. */
  keysDatabaseUrl?: string | undefined;
  /** Run background jobs (the retention sweep) in this process; true unless set false. */
  runJobs?: boolean;
}

/** Longest a shutdown waits for requests in flight before closing anyway. */
const shutdownGraceMs = 10_000;

export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  // Keys and the key store first: a server that could not seal a person's
  // data must not start taking it.
  const privacy = await openPrivacyRuntime({
    databaseUrl: config.databaseUrl,
    keysDatabaseUrl: options.keysDatabaseUrl,
    dataDir: config.dataDir,
    keys: options.keys ?? {},
    ...(options.onMigration ? { onMigration: options.onMigration } : {}),
  });
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    await privacy.close();
    throw error;
  }
  const closeStores = async () => {
    await database.close();
    await privacy.close();
  };
  try {
    await migrateToLatest(database.db, options.onMigration);
    await options.beforeListen?.(database);
  } catch (error) {
    await closeStores();
    throw error;
  }
  const rules = sharedRulesService();
  const services = buildAppServices(database.db, privacy, rules);
  const { retention } = services;
  const app = buildApp(config, { database, logger: options.logger, rules, services });
  const worker = new JobWorker(
    new JobsRepository(database.db),
    { [retentionJobKind]: async () => void (await retention.sweep(new Date(), options.logger)) },
    options.logger,
    { recurring: { [retentionJobKind]: retentionSweepEveryMs } },
  );

  const server = await new Promise<Server>((resolve, reject) => {
    // Without a `createServer` option, @hono/node-server makes a plain node:http server.
    const instance = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(instance as Server),
    );
    instance.once('error', reject);
  });
  if (options.runJobs !== false) worker.start();
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
      await worker.stop();
      await closeStores();
    })();
    return stopping;
  };
  return { url: `http://${host}:${address.port}`, database, privacy, stop };
}
