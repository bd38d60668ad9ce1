import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const belong = fileURLToPath(new URL('../../bin/belong.js', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'belong-serve-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('belong serve', () => {
  it('creates the key files, readable only by Belong, on the first start of the embedded default', async () => {
    // The embedded default: no PostgreSQL and no keys in the environment.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      BELONG_DATA_DIR: path.join(folder, 'data'),
    };
    for (const name of ['DATABASE_URL', 'BELONG_KEK', 'BELONG_INDEX_KEY', 'BELONG_KEK_PREVIOUS'])
      delete env[name];
    const child = spawn(process.execPath, [belong, 'serve', '--no-demo'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('Belong is ready at')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    for (const name of ['kek', 'index-key']) {
      const mode = statSync(path.join(folder, name)).mode & 0o777;
      assert.equal(mode, 0o600, `${name} has mode ${mode.toString(8)}`);
    }
  });
});
