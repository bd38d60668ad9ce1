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
