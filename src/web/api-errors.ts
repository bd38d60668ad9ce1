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
 * A 422 that lists each refused field with its own code and message: the
 * catalogue's code and message on top. Logged by code only: what was sent
 * may be personal.
 */
export function fieldsInvalid(
  c: Context<AppEnv>,
  code: 'BLG_ANSWERS_INVALID' | 'BLG_REQUEST_INVALID',
  fields: readonly ApiFieldError[],
): Response {
  const t = c.get('translator');
  const entry = errorCatalogue[code];
  c.get('logger').info({ reqId: c.get('requestId'), code }, 'request refused');
  return c.json(
    { error: { code, title: t.t(entry.titleKey), message: t.t(entry.messageKey), fields } },
    422,
  );
}

/** The 422 every JSON API answers malformed application answers with. */
export function answersInvalid(c: Context<AppEnv>, fields: readonly ApiFieldError[]): Response {
  return fieldsInvalid(c, 'BLG_ANSWERS_INVALID', fields);
}
