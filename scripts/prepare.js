// Runs after `npm install` / `npm ci` in this repository. It builds the empty
// embedded-database template that makes the first `npm start` fast (see
// src/db/pglite-template.ts). A failure here is not fatal: Belong then
// creates its database the slow way on first start.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '-e', "await (await import('./src/db/pglite-template.ts')).ensureTemplate()"],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
if (result.status === 0) {
  console.log(`belong: embedded database template ready (${Date.now() - started} ms)`);
} else {
  console.warn(
    'belong: could not build the embedded database template; the first start will be slower',
  );
}
