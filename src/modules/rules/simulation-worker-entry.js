// Worker threads do not inherit the TypeScript loader the main thread
// registered, so each worker loads the TypeScript worker through tsx itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./simulation.worker.ts', import.meta.url);
