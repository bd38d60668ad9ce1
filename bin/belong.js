#!/usr/bin/env node
// Entry point of the `belong` command. Belong runs its TypeScript directly
// through tsx (docs/decisions/0008-run-typescript-with-tsx.md): no build step
// stands between a fresh clone and `npm start`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
