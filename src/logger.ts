import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Field names that may carry personal data. Any log object holding one of
 * them, at the top level or one level down (`{ person: { birthDate } }`),
 * has the value replaced before the line is written. Prefer never logging
 * such objects at all; this list is the net under that rule.
 */
export const personalFieldNames = [
  'name',
  'givenName',
  'familyName',
  'fullName',
  'firstName',
  'lastName',
  'birthDate',
  'dateOfBirth',
  'address',
  'street',
  'postalCode',
  'phone',
  'phoneNumber',
  'email',
  'password',
  'oneTimePassword',
  'ssn',
  'itin',
  'aNumber',
  'alienNumber',
  'passportNumber',
  'documentNumber',
  'answers',
  'facts',
  'ip',
  'remoteAddress',
] as const;

const personal = new Set<string>(personalFieldNames);
const secretHeaders = new Set(['cookie', 'authorization', 'x-claim-code', 'set-cookie']);
const censor = '[redacted]';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Error)
  );
}

function redactLevel(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    const value = object[key];
    let replacement: unknown = value;
    if (personal.has(key) || (depth > 0 && secretHeaders.has(key.toLowerCase()))) {
      replacement = censor;
    } else if (depth < 1 && isPlainObject(value)) {
      replacement = redactLevel(value, depth + 1);
    }
    if (replacement !== value) {
      copy ??= { ...object };
      copy[key] = replacement;
    }
  }
  return copy ?? object;
}

/**
 * Replaces personal fields, at the top level of a log object or one level
 * down (`{ person: { birthDate } }`), and secret headers inside a nested
 * object (`{ headers: { cookie } }`). Prefer never logging such objects;
 * this is the net under that rule. It is a set lookup per key: pino's
 * path-based redaction made every log line twenty times slower.
 */
export function redactPersonalFields(object: Record<string, unknown>): Record<string, unknown> {
  return redactLevel(object, 0);
}

export type { Logger };

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
  /**
   * Collect lines and write them to stdout in blocks of a few kilobytes
   * instead of one system call per line: under load the per-request access
   * log otherwise costs as much as rendering the page. Lines still in the
   * buffer are written when the process exits (pino flushes on exit) and at
   * least once a second.
   */
  buffered?: boolean;
}

/** Longest a buffered log line waits before it is written. */
const flushIntervalMs = 1_000;

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? (options.buffered ? bufferedStdout() : undefined);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'belong' },
      formatters: { log: redactPersonalFields },
      serializers: { err: serializeError },
    },
    destination,
  );
}

function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => {
    // With a callback, flush() reports a closed stream instead of throwing;
    // at exit pino has already written what was left.
    stream.flush(() => {});
  }, flushIntervalMs).unref();
  return stream;
}

/**
 * Errors are logged by type, code, message and stack only. Database drivers
 * attach fields such as `detail` ("Key (email)=(…) already exists") and
 * `parameters` that can echo personal data, so those never reach a log.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack,
    ...(error.cause !== undefined ? { cause: serializeError(error.cause) } : {}),
  };
}
