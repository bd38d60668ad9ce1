import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorCode, errorCatalogue } from '../../errors.ts';
import type { AppEnv } from '../app-env.ts';
import { ErrorPage, errorMessage, errorTitle } from '../pages/error.page.tsx';
import { renderPage } from '../render.ts';

/** Maps what Hono's own middleware throws onto our catalogue. */
function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BLG_BAD_REQUEST';
    case 403:
      return 'BLG_CSRF_FAILED';
    case 404:
      return 'BLG_NOT_FOUND';
    case 405:
      return 'BLG_METHOD_NOT_ALLOWED';
    case 413:
      return 'BLG_PAYLOAD_TOO_LARGE';
    case 415:
      return 'BLG_UNSUPPORTED_MEDIA_TYPE';
    case 503:
      return 'BLG_UNAVAILABLE';
    default:
      return 'BLG_INTERNAL';
  }
}

function wantsJson(c: Context<AppEnv>): boolean {
  // Machine-facing addresses always answer JSON, whatever the client accepts.
  if (c.req.path.startsWith('/api/') || c.req.path === '/health') return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Every error becomes a translated page (or JSON body) with a stable code.
 * A stack trace never leaves the server; an unexpected error is logged with
 * the request id, which the page shows so support can find the log line.
 */
export async function respondWithError(c: Context<AppEnv>, code: ErrorCode): Promise<Response> {
  const t = c.get('translator');
  const { status } = errorCatalogue[code];
  const correlationId = status >= 500 ? c.get('requestId') : undefined;
  if (wantsJson(c)) {
    return c.json(
      {
        error: {
          code,
          title: errorTitle(t, code),
          message: errorMessage(t, code),
          ...(correlationId ? { correlationId } : {}),
        },
      },
      status,
    );
  }
  return renderPage(c, {
    title: errorTitle(t, code),
    status,
    linkPath: '/',
    body: <ErrorPage t={t} code={code} {...(correlationId ? { correlationId } : {})} />,
  });
}

export function handleError(error: Error, c: Context<AppEnv>): Promise<Response> {
  let code: ErrorCode;
  if (error instanceof AppError) {
    code = error.code;
  } else if (error instanceof HTTPException) {
    code = codeForHttpStatus(error.status);
  } else {
    code = 'BLG_INTERNAL';
  }
  if (errorCatalogue[code].status >= 500) {
    c.get('logger').error({ reqId: c.get('requestId'), err: error, code }, 'request failed');
  } else {
    c.get('logger').info({ reqId: c.get('requestId'), code }, 'request refused');
  }
  return respondWithError(c, code);
}
