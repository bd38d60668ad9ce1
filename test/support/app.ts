import { Writable } from 'node:stream';
import { type Config, testConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import type { RulesService } from '../../src/modules/rules/rules.service.ts';
import { buildApp } from '../../src/web/app.ts';
import type { AppServices } from '../../src/web/app-services.ts';

/** Collects every log line an app writes, so tests can assert on what was (not) logged. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** An app on an in-memory configuration with its logs captured at debug level. */
export function testApp(
  options: {
    config?: Partial<Config>;
    database?: DatabaseHandle;
    services?: AppServices;
    rules?: RulesService;
  } = {},
) {
  const logs = new LogSink();
  const config = testConfig({ pseudoLocale: true, ...options.config });
  const logger = createLogger({ level: 'debug', destination: logs });
  const app = buildApp(config, {
    logger,
    ...(options.database ? { database: options.database } : {}),
    ...(options.services ? { services: options.services } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  return { app, logs, config };
}
