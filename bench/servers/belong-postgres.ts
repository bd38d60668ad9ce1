// Belong on a PostgreSQL server, as production runs it: the main database and
// a key store apart, keys from the environment, request logging on.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer } from '../../src/web/server.ts';

const { BENCH_MAIN_URL, BENCH_KEYS_URL } = process.env;
if (!BENCH_MAIN_URL || !BENCH_KEYS_URL) throw new Error('BENCH_MAIN_URL and BENCH_KEYS_URL');
const config = loadConfig({
  ...process.env,
  PORT: '0',
  LOG_LEVEL: 'info',
  DATABASE_URL: BENCH_MAIN_URL,
});
const server = await startServer(config, {
  logger: createLogger({ level: process.env.BENCH_LOG_LEVEL ?? 'info', buffered: true }),
  keys: {
    kek: randomBytes(32).toString('base64'),
    index: randomBytes(32).toString('base64'),
  },
  keysDatabaseUrl: BENCH_KEYS_URL,
});
process.send?.({ url: server.url.replace('localhost', '127.0.0.1') });
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
