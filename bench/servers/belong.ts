// Belong as it runs in production, on its embedded database, with request logging on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { ensureTemplate } from '../../src/db/pglite-template.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer } from '../../src/web/server.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'belong-bench-'));
await ensureTemplate();
const config = loadConfig({
  ...process.env,
  PORT: '0',
  LOG_LEVEL: 'info',
  BELONG_DATA_DIR: path.join(folder, 'data'),
});
const server = await startServer(config, {
  logger: createLogger({ level: process.env.BENCH_LOG_LEVEL ?? 'info', buffered: true }),
});
process.send?.({ url: server.url.replace('localhost', '127.0.0.1') });
process.on('SIGTERM', async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
});
