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
  BLG_ANSWERS_INVALID: {
    status: 422,
    titleKey: 'errors.answersInvalidTitle',
    messageKey: 'errors.answersInvalid',
    description:
      'A JSON API request was not one JSON object of the expected shape, or its answers hold a malformed value (a date that is not YYYY-MM-DD, a number out of range, a field no program reads). `fields` lists each problem with its path and a stable code.',
  },
  BLG_DRAFT_NOT_FOUND: {
    status: 404,
    titleKey: 'errors.draftNotFoundTitle',
    messageKey: 'errors.draftNotFound',
    description:
      'No application in progress is held by this browser for the program: it was never started here, it expired, it was forgotten, or it was reopened on another device with its resume code.',
  },
  BLG_DRAFT_SUBMITTED: {
    status: 409,
    titleKey: 'errors.draftSubmittedTitle',
    messageKey: 'errors.draftSubmitted',
    description: 'The application was already sent; its answers can no longer change.',
  },
  BLG_RESUME_FAILED: {
    status: 422,
    titleKey: 'errors.resumeFailedTitle',
    messageKey: 'errors.resumeFailed',
    description:
      'A resume code and birth date did not match an application in progress. The same code answers every mismatch, so a guess learns nothing.',
  },
  BLG_RESUME_LOCKED: {
    status: 429,
    titleKey: 'errors.resumeLockedTitle',
    messageKey: 'errors.resumeLocked',
    description:
      'A resume code was given five times with the wrong birth date; the draft can no longer be reopened with it. A navigator can help the person start again.',
  },
  BLG_IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    titleKey: 'errors.idempotencyKeyRequiredTitle',
    messageKey: 'errors.idempotencyKeyRequired',
    description:
      'POST /api/v1/applications needs an Idempotency-Key header of 1 to 255 visible ASCII characters, unique per application, so that a retry never creates a second case.',
  },
  BLG_IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    titleKey: 'errors.idempotencyKeyReusedTitle',
    messageKey: 'errors.idempotencyKeyReused',
    description:
      'The Idempotency-Key was already used for a different request (another program or other answers). A retry must send exactly the same request; a new application needs a new key.',
  },
  BLG_UNKNOWN_PROGRAM: {
    status: 404,
    titleKey: 'errors.notFoundTitle',
    messageKey: 'errors.unknownProgram',
    description:
      'The program named does not take applications through Belong (naturalization, tps, wa-relief and wage-replacement do).',
  },
  BLG_CASE_NOT_FOUND: {
    status: 404,
    titleKey: 'errors.notFoundTitle',
    messageKey: 'errors.caseNotFound',
    description:
      'No case has this reference number with this claim code. The same code answers an unknown reference and a wrong claim code.',
  },
  BLG_FORBIDDEN: {
    status: 403,
    titleKey: 'errors.forbiddenTitle',
    messageKey: 'errors.forbidden',
    description:
      "The signed-in staff member's roles in the case's organisation do not allow this action (src/modules/casework/permissions.ts).",
  },
  BLG_CASE_TRANSITION_REFUSED: {
    status: 409,
    titleKey: 'errors.caseTransitionRefusedTitle',
    messageKey: 'errors.caseTransitionRefused',
    description:
      'The case cannot move to that status from where it is now, or someone else moved it first (src/modules/casework/case-state-machine.ts).',
  },
  BLG_STAFF_SIGN_IN_FAILED: {
    status: 401,
    titleKey: 'errors.staffSignInFailedTitle',
    messageKey: 'errors.staffSignInFailed',
    description:
      'Staff sign-in was refused. The same code answers an unknown email, a wrong password, a disabled account and an account locked after ten failures in fifteen minutes, so a guess learns nothing about which accounts exist.',
  },
  BLG_STAFF_SIGN_IN_REQUIRED: {
    status: 401,
    titleKey: 'errors.staffSignInRequiredTitle',
    messageKey: 'errors.staffSignInRequired',
    description:
      'A staff page or action needs a signed-in staff member with a second factor: there is no session, it expired (30 minutes idle or 12 hours in all), or it was ended.',
  },
  BLG_STAFF_RATE_LIMITED: {
    status: 429,
    titleKey: 'errors.staffRateLimitedTitle',
    messageKey: 'errors.staffRateLimited',
    description:
      'This server is taking more sign-in attempts than it admits at once (a token bucket per process, whoever sends them). Wait a minute and try again.',
  },
  BLG_STAFF_CODE_INVALID: {
    status: 401,
    titleKey: 'errors.staffCodeInvalidTitle',
    messageKey: 'errors.staffCodeInvalid',
    description:
      'The second-factor code was not six digits, not the code of the current 30 seconds (or the ones either side), or was already used once.',
  },
  BLG_STAFF_PASSWORD_REJECTED: {
    status: 422,
    titleKey: 'errors.staffPasswordRejectedTitle',
    messageKey: 'errors.staffPasswordRejected',
    description:
      'A new staff password was refused: shorter than 8 or longer than 128 characters, on the list of common passwords, containing the email or the name Belong, or (when changing it) the same as the current one. `problems` lists each reason.',
  },
  BLG_STAFF_PASSKEY_INVALID: {
    status: 401,
    titleKey: 'errors.staffPasskeyInvalidTitle',
    messageKey: 'errors.staffPasskeyInvalid',
    description:
      "A passkey response was refused: not one of this account's passkeys, signed for another site or another challenge, a challenge older than five minutes or already used, or a signature counter that went backwards (a copied key). At sign-in it counts towards the lockout as a wrong code does.",
  },
  BLG_REQUEST_INVALID: {
    status: 422,
    titleKey: 'errors.requestInvalidTitle',
    messageKey: 'errors.requestInvalid',
    description:
      'A JSON body of the staff API is missing a field, has one it does not take, or one in the wrong form. `fields` lists each with its path and `required` or `invalid`; never the value sent.',
  },
  BLG_STAFF_ENROL_REQUIRED: {
    status: 403,
    titleKey: 'errors.staffEnrolRequiredTitle',
    messageKey: 'errors.staffEnrolRequired',
    description:
      'The staff API was asked to sign in an account that has not finished its first sign-in (its own password, an authenticator app). That happens once, in a browser at /staff/sign-in.',
  },
  BLG_STAFF_NOT_FOUND: {
    status: 404,
    titleKey: 'errors.notFoundTitle',
    messageKey: 'errors.staffNotFound',
    description: 'No staff account has this email.',
  },
  BLG_STAFF_CURRENT_PASSWORD_WRONG: {
    status: 401,
    titleKey: 'errors.staffCurrentPasswordWrongTitle',
    messageKey: 'errors.staffCurrentPasswordWrong',
    description:
      'A signed-in staff member changing their password gave a wrong current password. It counts towards the lockout as a wrong password at sign-in does: ten failures in fifteen minutes lock the account and end its sessions.',
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
