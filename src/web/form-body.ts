import type { Context } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

/** An HTML form post: each field's value, or values when a name repeats. */
export type FormData = Record<string, string | string[]>;

/** Reads a urlencoded or multipart form; a body that cannot be read is a coded 400. */
export async function readForm(c: Context<AppEnv>): Promise<FormData> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    throw new AppError('BLG_BAD_REQUEST', { cause: error });
  }
  const form: FormData = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') form[name] = value;
    else if (Array.isArray(value)) {
      // Files are never accepted: a form field is text or it is dropped.
      form[name] = value.filter((part): part is string => typeof part === 'string');
    }
  }
  return form;
}

/** The first value of a field, or undefined. */
export function single(form: FormData, name: string): string | undefined {
  const value = form[name];
  return Array.isArray(value) ? value[0] : value;
}
