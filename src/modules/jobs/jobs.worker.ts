import { randomUUID } from 'node:crypto';
import { isAppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { JobsRepository } from './jobs.repository.ts';

export type JobHandler = (payload: unknown) => Promise<void>;

export interface JobWorkerOptions {
  /** How long to wait between polls when the queue is empty. */
  pollIntervalMs?: number;
  /** A running job whose worker has been silent this long is requeued. */
  staleAfterMs?: number;
  /** Base delay before a failed job is retried; doubles with each attempt. */
  retryBaseMs?: number;
  /**
   * Kinds that run on a schedule, with the time between runs: the worker
   * keeps one job of each waiting, and queues the next when one ends.
   */
  recurring?: Readonly<Record<string, number>>;
}

/**
 * Runs queued jobs of the kinds it has handlers for, one at a time. Several
 * workers (in one process or many) can run side by side: the repository's
 * claim hands each job to exactly one of them.
 */
export class JobWorker {
  readonly id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private polling = false;
  private stopping = false;
  private readonly pollIntervalMs: number;
  private readonly staleAfterMs: number;
  private readonly retryBaseMs: number;
  private readonly recurring: Readonly<Record<string, number>>;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly logger: Logger,
    options: JobWorkerOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.staleAfterMs = options.staleAfterMs ?? 15 * 60 * 1000;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.recurring = options.recurring ?? {};
  }

  /** Queues the first run of each recurring kind that has none waiting. */
  async scheduleRecurring(): Promise<void> {
    for (const kind of Object.keys(this.recurring)) {
      await this.jobs.ensureRecurring(kind, new Date());
    }
  }

  start(): void {
    if (this.polling) return;
    this.polling = true;
    this.stopping = false;
    this.running = this.scheduleRecurring()
      .catch((error: unknown) => this.logger.error({ err: error }, 'recurring jobs not queued'))
      .then(() => this.schedule(0));
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.polling = false;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs due jobs until none is left; returns how many ran. */
  async drain(): Promise<number> {
    await this.jobs.requeueStale(this.staleAfterMs);
    let ran = 0;
    while (!this.stopping) {
      const [job] = await this.jobs.claim(this.id, Object.keys(this.handlers));
      if (!job) break;
      ran++;
      const handler = this.handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for ${job.kind}`);
        await handler(job.payload);
        await this.jobs.complete(job.id);
        this.logger.info({ jobId: job.id, kind: job.kind }, 'job done');
        await this.queueNextRun(job.kind, job.recurring);
      } catch (error) {
        const label = isAppError(error)
          ? error.code
          : error instanceof Error
            ? error.name
            : 'Error';
        const delay = this.retryBaseMs * 2 ** Math.max(0, job.attempts - 1);
        const after = await this.jobs.fail(job.id, label, delay);
        this.logger.warn(
          { jobId: job.id, kind: job.kind, error: label, status: after?.status },
          'job failed',
        );
        // A recurring job that used all its attempts must not end the schedule.
        if (after?.status === 'failed') await this.queueNextRun(job.kind, job.recurring);
      }
    }
    return ran;
  }

  private async queueNextRun(kind: string, recurring: boolean): Promise<void> {
    const every = this.recurring[kind];
    if (!recurring || every === undefined) return;
    await this.jobs.ensureRecurring(kind, new Date(Date.now() + every));
  }

  private schedule(delayMs: number): void {
    if (!this.polling) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => this.logger.error({ err: error }, 'job worker poll failed'))
        .then(() => this.schedule(this.pollIntervalMs));
    }, delayMs);
  }
}
