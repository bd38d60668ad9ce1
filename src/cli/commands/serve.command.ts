import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { seedDemo } from '../../modules/demo/demo.service.ts';
import { startServer } from '../../web/server.ts';
import { type Command, line } from '../command.ts';
import { asCommandFailure, describeDatabase } from '../database-session.ts';
import { reportDemoSeed } from './seed.command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the web application',
  help: `Usage: belong serve [--no-demo]

Opens the database, applies any new migrations and serves Belong on
http://localhost:PORT (PORT defaults to 3000; HOST to 127.0.0.1).

With the embedded database (no DATABASE_URL), the first start creates it in
BELONG_DATA_DIR (default ./.belong/data) and seeds the demo organisation,
printing the demo administrator's one-time password once.

  --no-demo   Do not seed the demo organisation.

Ctrl-C (SIGINT) or SIGTERM stops taking new connections, lets requests in
flight finish, and closes the database. A second Ctrl-C stops at once.

Environment: PORT, HOST, DATABASE_URL, BELONG_DATA_DIR, BELONG_SECRET,
BELONG_TRUST_PROXY, LOG_LEVEL, NODE_ENV, BELONG_KEK, BELONG_KEK_PREVIOUS,
BELONG_INDEX_KEY, BELONG_KEYS_DATABASE_URL, BELONG_METRICS_TOKEN.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { 'no-demo': { type: 'boolean' } },
      strict: true,
    });
    const config = loadConfig(io.env);
    const logger = createLogger({ level: config.logLevel, buffered: true });
    describeDatabase(config, io);
    // The key-encryption and blind-index keys exist from the first start of
    // the embedded default (created 0600 beside the database, never in it),
    // so no person's data is ever sealed under a key made in passing. On
    // PostgreSQL keys come from the environment; a malformed or missing one
    // stops the start here rather than at the first person's data.
    const server = await startServer(config, {
      logger,
      keys: {
        kek: io.env.BELONG_KEK,
        kekPrevious: io.env.BELONG_KEK_PREVIOUS,
        index: io.env.BELONG_INDEX_KEY,
      },
      keysDatabaseUrl: io.env.BELONG_KEYS_DATABASE_URL,
      onMigration: (name) => line(io.stderr, `  Applied migration ${name}`),
      beforeListen: async (database) => {
        if (database.engine === 'pglite' && !values['no-demo']) {
          const result = await seedDemo(database.db);
          if (result.created) reportDemoSeed(result, io);
        }
      },
    }).catch((error: unknown) => {
      throw asCommandFailure(error);
    });
    line(io.stderr, `Belong is ready at ${server.url} – press Ctrl-C to stop.`);

    return new Promise<number>((resolve) => {
      let signalled = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (signalled) {
          line(io.stderr, 'Stopping now.');
          process.exit(130);
        }
        signalled = true;
        line(io.stderr, `${signal}: finishing requests in flight, then closing the database…`);
        server.stop().then(
          () => {
            line(io.stderr, 'Stopped.');
            resolve(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            resolve(1);
          },
        );
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
  },
};
