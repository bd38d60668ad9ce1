import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { sql } from 'kysely';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { JobsRepository } from './jobs.repository.ts';

describeEachEngine('jobs repository', (database) => {
  let jobs: JobsRepository;
  beforeEach(async () => {
    jobs = new JobsRepository(database().db);
    await database().db.deleteFrom('jobs').execute();
  });

  it('claims due jobs oldest first and only of the kinds asked for', async () => {
    const first = await jobs.enqueue('retention.purge', { programId: 'tps' });
    await jobs.enqueue('other.kind', {});
    const second = await jobs.enqueue('retention.purge', { programId: 'wa-relief' });
    const [claimed] = await jobs.claim('worker-a', ['retention.purge']);
    assert.equal(claimed?.id, first.id);
    assert.equal(claimed?.status, 'running');
    assert.equal(claimed?.attempts, 1);
    assert.equal(claimed?.locked_by, 'worker-a');
    assert.deepEqual(claimed?.payload, { programId: 'tps' });
    const next = await jobs.claim('worker-a', ['retention.purge'], 5);
    assert.deepEqual(
      next.map((job) => job.id),
      [second.id],
    );
    assert.deepEqual(await jobs.claim('worker-a', ['retention.purge']), []);
  });

  it('does not hand out a job before it is due', async () => {
    await jobs.enqueue('later', {}, { runAt: new Date(Date.now() + 60_000) });
    assert.deepEqual(await jobs.claim('worker-a', ['later']), []);
  });

  it('hands every job to exactly one of many workers claiming at once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) ids.add((await jobs.enqueue('fan-out', { i })).id);
    const claimedBy = new Map<string, string>();
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (;;) {
          const batch = await jobs.claim(`worker-${worker}`, ['fan-out'], 3);
          if (batch.length === 0) return;
          for (const job of batch) {
            assert.equal(claimedBy.has(job.id), false, `job ${job.id} claimed twice`);
            claimedBy.set(job.id, `worker-${worker}`);
          }
        }
      }),
    );
    assert.deepEqual(new Set(claimedBy.keys()), ids);
  });

  it('retries a failed job after a delay and gives up after its last attempt', async () => {
    const job = await jobs.enqueue('flaky', {}, { maxAttempts: 2 });
    await jobs.claim('w', ['flaky']);
    const afterFirst = await jobs.fail(job.id, 'AppError', 0);
    assert.equal(afterFirst?.status, 'queued');
    assert.equal(afterFirst?.last_error, 'AppError');
    await jobs.claim('w', ['flaky']);
    const afterSecond = await jobs.fail(job.id, 'AppError', 0);
    assert.equal(afterSecond?.status, 'failed');
    assert.deepEqual(await jobs.claim('w', ['flaky']), []);
  });

  it('completes a job and counts jobs by status', async () => {
    const job = await jobs.enqueue('once', {});
    await jobs.claim('w', ['once']);
    await jobs.complete(job.id);
    assert.equal((await jobs.findById(job.id))?.status, 'done');
    assert.deepEqual(await jobs.countByStatus(), { done: 1 });
  });

  it('requeues a job whose worker went silent', async () => {
    const job = await jobs.enqueue('abandoned', {});
    await jobs.claim('dead-worker', ['abandoned']);
    await sql`UPDATE jobs SET locked_at = now() - interval '1 hour' WHERE id = ${job.id}`.execute(
      database().db,
    );
    assert.equal(await jobs.requeueStale(60_000), 1);
    const [again] = await jobs.claim('live-worker', ['abandoned']);
    assert.equal(again?.id, job.id);
    assert.equal(again?.attempts, 2);
  });
});
