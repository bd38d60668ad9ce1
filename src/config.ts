import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/** A key written as standard base64 of 32 bytes (44 characters, one `=`). */
function base64Key(name: string) {
  return z
    .string()
    .regex(
      /^[A-Za-z0-9+/]{43}=$/,
      `BLG_KEY_INVALID: ${name} must be the base64 encoding of exactly 32 bytes`,
    );
}

/**
 * Configuration comes from the environment, validated once at start so a
 * mistake is reported in one clear line instead of surfacing as a crash later.
 */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  BELONG_DATA_DIR: z.string().min(1).default('.belong/data'),
  BELONG_SECRET: z.string().min(32, 'BELONG_SECRET must be at least 32 characters').optional(),
  BELONG_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  BELONG_PSEUDO_LOCALE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  // Key material is validated here, so a malformed value stops the start in
  // one line; the values themselves are read where they are used and never
  // kept in Config (which request handlers can see).
  BELONG_KEK: base64Key('BELONG_KEK').optional(),
  BELONG_KEK_PREVIOUS: z
    .string()
    .regex(
      /^[A-Za-z0-9+/]{43}=(,[A-Za-z0-9+/]{43}=)*$/,
      'BLG_KEY_INVALID: BELONG_KEK_PREVIOUS must be base64 keys of 32 bytes, comma-separated',
    )
    .optional(),
  BELONG_INDEX_KEY: base64Key('BELONG_INDEX_KEY').optional(),
  BELONG_KEYS_DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'BELONG_KEYS_DATABASE_URL must start with postgres:// or postgresql://',
    )
    .optional(),
  BELONG_METRICS_TOKEN: z
    .string()
    .min(32, 'BELONG_METRICS_TOKEN must be at least 32 characters')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BELONG_PUBLIC_ORIGIN: z
    .string()
    .regex(
      /^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/i,
      'BELONG_PUBLIC_ORIGIN must be an origin such as https://belong.example.org (scheme and host, no path)',
    )
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server when set; the embedded PGlite database when absent. */
  databaseUrl: string | undefined;
  /** Where the embedded database lives. `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Signs CSRF tokens. Must be shared by every process behind one load balancer. */
  secret: string;
  /** Trust `X-Forwarded-Proto` and `X-Request-Id` from a reverse proxy. */
  trustProxy: boolean;
  /** Bearer token for `GET /metrics`; the route answers 404 without one. */
  metricsToken: string | undefined;
  /** Serve the pseudo-locale used to find untranslated strings (development and tests only). */
  pseudoLocale: boolean;
  /**
   * The address people use, such as https://belong.example.org: passkeys are
   * bound to it. Outside production the request's own origin serves instead.
   */
  publicOrigin: string | undefined;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  environment: z.infer<typeof environmentSchema>['NODE_ENV'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset (`BELONG_KEK= npm start`), as shells and
  // container files often write it.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.') ?? 'environment'}: ${issue?.message}`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production' && !values.BELONG_SECRET) {
    throw new ConfigError('BELONG_SECRET is required in production (at least 32 characters).');
  }
  return {
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir:
      values.BELONG_DATA_DIR === 'memory://' ? 'memory://' : path.resolve(values.BELONG_DATA_DIR),
    // Outside production a per-process secret is enough: one process serves the demo.
    secret: values.BELONG_SECRET ?? randomBytes(32).toString('base64url'),
    trustProxy: values.BELONG_TRUST_PROXY,
    metricsToken: values.BELONG_METRICS_TOKEN,
    pseudoLocale: values.BELONG_PSEUDO_LOCALE,
    publicOrigin: values.BELONG_PUBLIC_ORIGIN?.toLowerCase(),
    logLevel: values.LOG_LEVEL,
    environment: values.NODE_ENV,
  };
}

/** A configuration for tests and tools: in-memory database, silent logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BELONG_DATA_DIR: 'memory://' }),
    ...overrides,
  };
}
