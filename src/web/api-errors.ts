import type { Context } from 'hono';
import { errorCatalogue } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

/** One malformed answer, as the API reports it: where, a stable code, and a translated message. */
export interface ApiFieldError {
  path: string;
  code: string;
  message: string;
  detail?: string | undefined;
}

/**
 * The 422 every JSON API answers malformed answers with: the catalogue's
 * code and message, and each field with its own. Logged by code only: the
 * answers are personal.
 */
export function answersInvalid(c: Context<AppEnv>, fields: readonly ApiFieldError[]): Response {
  const t = c.get('translator');
  const entry = errorCatalogue.BLG_ANSWERS_INVALID;
  c.get('logger').info(
    { reqId: c.get('requestId'), code: 'BLG_ANSWERS_INVALID' },
    'request refused',
  );
  return c.json(
    {
      error: {
        code: 'BLG_ANSWERS_INVALID',
        title: t.t(entry.titleKey),
        message: t.t(entry.messageKey),
        fields,
      },
    },
    422,
  );
}
