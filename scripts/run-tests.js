// Runs Belong's tests with node:test through tsx. `npm test` calls it after
// the type check and the lint. It decides which suites this machine can run
// and says so in one line each, then hands over to node's test runner, whose
// summary ends the output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.BELONG_CHROMIUM ?? '/usr/bin/chromium';

function findTests(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const only = process.argv.slice(2);
let files =
  only.length > 0
    ? only.map((file) => path.resolve(file))
    : [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))];
const browserTests = files.filter((file) => file.includes(`${path.sep}e2e${path.sep}`));

if (process.env.DATABASE_URL) {
  console.log(
    'belong tests: integration tests run on PGlite and on PostgreSQL (DATABASE_URL is set).',
  );
} else {
  console.log(
    'belong tests: integration tests run on PGlite only; set DATABASE_URL to run them on PostgreSQL too.',
  );
}
if (browserTests.length > 0 && !existsSync(chromium)) {
  files = files.filter((file) => !browserTests.includes(file));
  console.log(
    `belong tests: browser tests skipped: no Chromium at ${chromium} (install Debian's chromium package).`,
  );
} else if (browserTests.length > 0) {
  console.log(`belong tests: browser tests run in ${chromium}.`);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.sort()],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
);
process.exitCode = result.status ?? 1;
