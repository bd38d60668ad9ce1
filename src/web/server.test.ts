import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { testApp } from '../../test/support/app.ts';
import { describeEachEngine } from '../../test/support/engines.ts';
import { testConfig } from '../config.ts';
import { ensureTemplate } from '../db/pglite-template.ts';
import { createLogger } from '../logger.ts';
import { startServer } from './server.ts';

describeEachEngine('health check', (database) => {
  it('reports the engine when the database answers, and 503 when it does not', async () => {
    const { app } = testApp({ database: database() });
    const healthy = await app.request('/health');
    assert.equal(healthy.status, 200);
    assert.deepEqual(await healthy.json(), { status: 'ok', database: database().engine });

    const broken = testApp({
      database: {
        ...database(),
        db: {
          ...database().db,
          getExecutor: () => {
            throw new Error('down');
          },
        } as never,
      },
    });
    const down = await broken.app.request('/health');
    assert.equal(down.status, 503);
    assert.equal(
      ((await down.json()) as { error: { code: string } }).error.code,
      'BLG_UNAVAILABLE',
    );
  });
});

describe('server', () => {
  let folder: string;
  before(async () => {
    await ensureTemplate();
    folder = mkdtempSync(path.join(tmpdir(), 'belong-server-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('finishes a request in flight when stopped, then closes the database and frees its lock', async () => {
    const dataDir = path.join(folder, 'data');
    const server = await startServer(testConfig({ port: 0, dataDir }), {
      logger: createLogger({ level: 'silent' }),
    });
    const { port } = new URL(server.url);
    assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);
    assert.ok(existsSync(`${dataDir}.lock`));

    // A form post whose body is still arriving when the shutdown begins.
    const response = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write('answer=');
      setTimeout(() => request.end('yes'), 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = server.stop();
    // No token: refused with 403, but answered, not cut off.
    assert.equal(await response, 403);
    await stopped;
    assert.equal(existsSync(`${dataDir}.lock`), false);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/health`));
  });
});
