import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LogSink } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { AppError } from '../../errors.ts';
import { createLogger } from '../../logger.ts';
import { JobsRepository } from './jobs.repository.ts';
import { JobWorker } from './jobs.worker.ts';

describeEachEngine('job worker', (database) => {
  it('runs each due job once, records failures by code only, and stops cleanly', async () => {
    const jobs = new JobsRepository(database().db);
    const seen: unknown[] = [];
    const sink = new LogSink();
    const worker = new JobWorker(
      jobs,
      {
        'note.record': async (payload) => {
          seen.push(payload);
        },
        'note.fail': async () => {
          throw new AppError('BLG_UNAVAILABLE', { cause: new Error('canary@example.org') });
        },
      },
      createLogger({ destination: sink }),
      { retryBaseMs: 60_000 },
    );
    await jobs.enqueue('note.record', { n: 1 });
    await jobs.enqueue('note.record', { n: 2 });
    const failing = await jobs.enqueue('note.fail', {});
    assert.equal(await worker.drain(), 3);
    assert.deepEqual(seen, [{ n: 1 }, { n: 2 }]);
    const failed = await jobs.findById(failing.id);
    assert.equal(failed?.status, 'queued');
    assert.equal(failed?.last_error, 'BLG_UNAVAILABLE');
    assert.ok((failed?.run_at.getTime() ?? 0) > Date.now() + 30_000, 'retry is delayed');
    assert.doesNotMatch(sink.text, /canary@example\.org/);

    worker.start();
    await jobs.enqueue('note.record', { n: 3 });
    for (let i = 0; i < 100 && seen.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    assert.deepEqual(seen.at(-1), { n: 3 });
  });

  it('keeps one job of a recurring kind waiting, and queues the next run when one ends', async () => {
    const jobs = new JobsRepository(database().db);
    let runs = 0;
    const everyMs = 3_600_000;
    const options = { recurring: { 'sweep.test': everyMs } };
    const handlers = {
      'sweep.test': async () => {
        runs++;
      },
    };
    const logger = createLogger({ level: 'silent' });
    const first = new JobWorker(jobs, handlers, logger, options);
    const second = new JobWorker(jobs, handlers, logger, options);
    // Two processes starting at once make one job between them.
    await Promise.all([first.scheduleRecurring(), second.scheduleRecurring()]);
    const waiting = async () =>
      (
        await database()
          .db.selectFrom('jobs')
          .select(['run_at', 'status'])
          .where('kind', '=', 'sweep.test')
          .where('status', 'in', ['queued', 'running'])
          .execute()
      ).map((row) => row.run_at.getTime());
    assert.equal((await waiting()).length, 1);
    assert.equal(await first.drain(), 1);
    assert.equal(runs, 1);
    const next = await waiting();
    assert.equal(next.length, 1, 'the next run is queued');
    assert.ok((next[0] ?? 0) > Date.now() + everyMs - 60_000, 'an interval later');
    assert.equal(await second.drain(), 0, 'and it is not due yet');
  });
});
