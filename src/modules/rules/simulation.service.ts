import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Day } from '../../engine/dates.ts';
import type { RulesService } from './rules.service.ts';
import { simulateBlock } from './simulation-block.ts';
import { emptyTally, mergeTallies, type SimulationTally } from './simulation-tally.ts';

export interface SimulationProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export interface SimulationOptions {
  /** Worker threads; 1 evaluates in this thread. Defaults to the machine's cores. */
  workers?: number;
  onProgress?: (progress: SimulationProgress) => void;
}

const blockBytes = 4 * 1024 * 1024;
/** Below this size, starting workers costs more than it saves. */
const workerThresholdBytes = 8 * 1024 * 1024;

/**
 * Evaluates one program for every line of a newline-delimited JSON file,
 * streaming it in blocks cut at line ends, so memory stays flat whatever
 * the file's size. Large files are split across worker threads, each with
 * its own copy of the rules; their tallies are added together.
 */
export async function simulateFile(
  service: RulesService,
  programId: string,
  file: string,
  asOf: Day,
  options: SimulationOptions = {},
): Promise<SimulationTally> {
  service.program(programId);
  const totalBytes = statSync(file).size;
  const workerCount =
    totalBytes < workerThresholdBytes ? 1 : Math.max(1, options.workers ?? availableParallelism());
  const total = emptyTally();
  let bytesRead = 0;
  const report = () => options.onProgress?.({ bytesRead, totalBytes, records: total.records });

  if (workerCount === 1) {
    await forEachBlock(file, async (block) => {
      mergeTallies(total, simulateBlock(service, programId, asOf, new TextDecoder().decode(block)));
      bytesRead += block.length;
      report();
    });
    return total;
  }

  const pool = startWorkers(workerCount, programId, asOf);
  try {
    const inFlight = new Set<Promise<void>>();
    let next = 0;
    await forEachBlock(file, async (block) => {
      const worker = pool[next++ % pool.length] as WorkerHandle;
      const job = worker.run(block).then((tally) => {
        mergeTallies(total, tally);
        bytesRead += block.length;
        report();
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      // Two blocks queued per worker keeps them busy without reading ahead of them.
      if (inFlight.size >= pool.length * 2) await Promise.race(inFlight);
    });
    await Promise.all(inFlight);
  } finally {
    await Promise.all(pool.map((worker) => worker.stop()));
  }
  return total;
}

async function forEachBlock(
  file: string,
  handle: (block: Uint8Array) => Promise<void>,
): Promise<void> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: blockBytes })) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const lastNewline = data.lastIndexOf(10);
    if (lastNewline === -1) {
      carry = data;
      continue;
    }
    carry = Buffer.from(data.subarray(lastNewline + 1));
    await handle(new Uint8Array(data.subarray(0, lastNewline + 1)));
  }
  if (carry.length > 0) await handle(new Uint8Array(carry));
}

interface WorkerHandle {
  run(block: Uint8Array): Promise<SimulationTally>;
  stop(): Promise<number>;
}

function startWorkers(count: number, programId: string, asOf: Day): WorkerHandle[] {
  return Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./simulation-worker-entry.js', import.meta.url), {
      workerData: { programId, asOf },
    });
    const pending = new Map<
      number,
      { resolve: (tally: SimulationTally) => void; reject: (error: Error) => void }
    >();
    let ids = 0;
    worker.on('message', (message: { id: number; tally: SimulationTally }) => {
      pending.get(message.id)?.resolve(message.tally);
      pending.delete(message.id);
    });
    worker.on('error', (error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    return {
      run: (block) =>
        new Promise<SimulationTally>((resolve, reject) => {
          const id = ids++;
          pending.set(id, { resolve, reject });
          const copy = block.slice();
          worker.postMessage({ id, bytes: copy }, [copy.buffer]);
        }),
      stop: () => worker.terminate(),
    };
  });
}
