import { parentPort, workerData } from 'node:worker_threads';
import { RulesService } from './rules.service.ts';
import { simulateBlock } from './simulation-block.ts';

/** One simulation worker: evaluates the blocks of lines the main thread sends it. */
const { programId, asOf } = workerData as { programId: string; asOf: number };
const service = new RulesService();
const decoder = new TextDecoder();

parentPort?.on('message', (message: { id: number; bytes: Uint8Array }) => {
  const tally = simulateBlock(service, programId, asOf, decoder.decode(message.bytes));
  parentPort?.postMessage({ id: message.id, tally });
});
