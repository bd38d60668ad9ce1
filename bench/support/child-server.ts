import { type ChildProcess, fork } from 'node:child_process';

export interface ChildServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a server in its own process, so the load generator in this
 * process never shares an event loop with what it measures. Its stdout
 * (request logs) is discarded, as a log shipper would take it away.
 */
export function startChildServer(
  script: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', (message: { url: string }) => {
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
