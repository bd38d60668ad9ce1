import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { type ApiFieldError, fieldsInvalid } from './api-errors.ts';
import type { AppEnv } from './app-env.ts';

/**
 * A JSON request body: BLG_UNSUPPORTED_MEDIA_TYPE when it is not declared
 * JSON (a form post cannot pass for one), BLG_BAD_REQUEST when it does not
 * parse. The body size is already bounded by the app's limit.
 */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new AppError('BLG_UNSUPPORTED_MEDIA_TYPE');
  }
  try {
    return await c.req.json();
  } catch (error) {
    throw new AppError('BLG_BAD_REQUEST', { cause: error });
  }
}

/** What `body` holds at `path`; undefined when any step is missing. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/**
 * The body read as `schema` says, or the 422 that lists each field it
 * refuses (BLG_REQUEST_INVALID): a path, `required` or `invalid`, and a
 * translated message. Never the value sent, which may be personal.
 */
export async function readJsonAs<T>(
  c: Context<AppEnv>,
  schema: z.ZodType<T>,
): Promise<{ data: T } | { refused: Response }> {
  const body = await readJson(c);
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  const t = c.get('translator');
  const fields: ApiFieldError[] = parsed.error.issues.map((issue) => {
    const missing = issue.code !== 'unrecognized_keys' && valueAt(body, issue.path) === undefined;
    const path =
      issue.code === 'unrecognized_keys'
        ? [...issue.path, ...issue.keys].join('.')
        : issue.path.join('.');
    return {
      path,
      code: missing ? 'required' : 'invalid',
      message: t.t(missing ? 'errors.requestFieldRequired' : 'errors.requestFieldInvalid'),
    };
  });
  return { refused: fieldsInvalid(c, 'BLG_REQUEST_INVALID', fields) };
}
