/**
 * The catalogue of Belong's error codes.
 *
 * A code is a promise to partners, support staff and logs: once published it
 * keeps its meaning forever and is never reused, even when the error it named
 * is retired (mark it `retired` instead of deleting it). Every code has a
 * message in every language under `errors.<messageKey>` in `locales/`.
 */
export const errorCatalogue = {
  BLG_NOT_FOUND: {
    status: 404,
    titleKey: 'errors.notFoundTitle',
    messageKey: 'errors.notFound',
    description: 'No page or resource exists at this address.',
  },
  BLG_METHOD_NOT_ALLOWED: {
    status: 405,
    titleKey: 'errors.methodNotAllowedTitle',
    messageKey: 'errors.methodNotAllowed',
    description: 'The address exists but does not accept this HTTP method.',
  },
  BLG_BAD_REQUEST: {
    status: 400,
    titleKey: 'errors.badRequestTitle',
    messageKey: 'errors.badRequest',
    description: 'The request could not be read (malformed body, encoding or parameters).',
  },
  BLG_CSRF_FAILED: {
    status: 403,
    titleKey: 'errors.csrfFailedTitle',
    messageKey: 'errors.csrfFailed',
    description:
      'A form was posted without a valid anti-forgery token or from another site. Reloading the form fixes it.',
  },
  BLG_PAYLOAD_TOO_LARGE: {
    status: 413,
    titleKey: 'errors.payloadTooLargeTitle',
    messageKey: 'errors.payloadTooLarge',
    description: 'The request body is larger than the limit for this address.',
  },
  BLG_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    titleKey: 'errors.unsupportedMediaTypeTitle',
    messageKey: 'errors.unsupportedMediaType',
    description: 'The request body has a content type this address does not accept.',
  },
  BLG_INTERNAL: {
    status: 500,
    titleKey: 'errors.internalTitle',
    messageKey: 'errors.internal',
    description:
      'An unexpected failure. The response carries a correlation id that finds the log entry.',
  },
  BLG_UNAVAILABLE: {
    status: 503,
    titleKey: 'errors.unavailableTitle',
    messageKey: 'errors.unavailable',
    description: 'The service is starting, stopping or cannot reach its database.',
  },
  BLG_KEY_INVALID: {
    status: 500,
    titleKey: 'errors.keyConfigurationTitle',
    messageKey: 'errors.keyConfiguration',
    description:
      'A key (the key-encryption key from BELONG_KEK or .belong/kek, or the blind-index key from BELONG_INDEX_KEY or .belong/index-key) is not the base64 encoding of exactly 32 bytes. `details.key` says which.',
  },
  BLG_KEY_FILE_UNSAFE: {
    status: 500,
    titleKey: 'errors.keyConfigurationTitle',
    messageKey: 'errors.keyConfiguration',
    description:
      'A key file can be read or written by users other than its owner (it must be mode 0600), is a symbolic link or not a regular file, or lies inside the database directory.',
  },
  BLG_KEY_MISSING: {
    status: 500,
    titleKey: 'errors.keyConfigurationTitle',
    messageKey: 'errors.keyConfiguration',
    description:
      'A key is not configured: set BELONG_KEK and BELONG_INDEX_KEY (PostgreSQL deployments never create key files on their own). `details.key` says which.',
  },
  BLG_KEK_UNKNOWN: {
    status: 500,
    titleKey: 'errors.keyConfigurationTitle',
    messageKey: 'errors.keyConfiguration',
    description:
      'A data key is wrapped under a key-encryption key this process does not hold (finish or undo a KEK rotation).',
  },
  BLG_DATA_KEY_UNWRAP_FAILED: {
    status: 500,
    titleKey: 'errors.sealedDataUnreadableTitle',
    messageKey: 'errors.sealedDataUnreadable',
    description:
      'A wrapped data key failed authentication: it was altered, moved to another person, or wrapped under another key.',
  },
  BLG_SEALED_VALUE_INVALID: {
    status: 500,
    titleKey: 'errors.sealedDataUnreadableTitle',
    messageKey: 'errors.sealedDataUnreadable',
    description:
      'A sealed value is malformed or failed authentication: altered, copied from another row or column, or sealed under another key.',
  },
  BLG_PERSON_KEY_NOT_FOUND: {
    status: 404,
    titleKey: 'errors.personDataUnavailableTitle',
    messageKey: 'errors.personDataUnavailable',
    description: 'No data key exists for this person.',
  },
  BLG_PERSON_KEY_EXISTS: {
    status: 409,
    titleKey: 'errors.personKeyExistsTitle',
    messageKey: 'errors.personKeyExists',
    description: 'A data key already exists (or existed and was destroyed) for this person.',
  },
  BLG_PERSON_KEY_DESTROYED: {
    status: 404,
    titleKey: 'errors.personDataUnavailableTitle',
    messageKey: 'errors.personDataUnavailable',
    description:
      "This person's data key was destroyed (forgotten): their sealed data can never be opened again.",
  },
  BLG_KEY_STORE_NOT_CONFIGURED: {
    status: 500,
    titleKey: 'errors.keyStoreUnavailableTitle',
    messageKey: 'errors.keyStoreUnavailable',
    description:
      'DATABASE_URL is set but BELONG_KEYS_DATABASE_URL (the key store, a separate PostgreSQL database for per-person data keys) is not, or it is not a postgres:// URL. `details.reason` says which.',
  },
  BLG_KEY_STORE_SHARES_DATABASE: {
    status: 500,
    titleKey: 'errors.keyStoreUnavailableTitle',
    messageKey: 'errors.keyStoreUnavailable',
    description:
      'BELONG_KEYS_DATABASE_URL names the same database as DATABASE_URL: the key store must be a separate database, so a backup of the main database never holds the keys.',
  },
} as const satisfies Record<string, ErrorDefinition>;

interface ErrorDefinition {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  titleKey: `errors.${string}Title`;
  messageKey: `errors.${string}`;
  description: string;
  retired?: true;
}

export type ErrorCode = keyof typeof errorCatalogue;

/**
 * An error the application expects and can explain. Its `code` selects a
 * status and a translated message; `details` must never hold personal data,
 * because it reaches logs and API responses.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: (typeof errorCatalogue)[ErrorCode]['status'];
  readonly details: Readonly<Record<string, string | number | boolean>> | undefined;

  constructor(
    code: ErrorCode,
    options: { details?: Record<string, string | number | boolean>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = options.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
