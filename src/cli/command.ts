import type { Readable, Writable } from 'node:stream';

/** What a command may touch, passed in so tests can run commands in-process. */
export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text, shown by `belong <name> --help`. */
  help: string;
  /** Returns the exit code: 0 success, 1 failure, 2 bad usage or input. */
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Thrown for a mistake in how a command was called; printed as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function line(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
