import { z } from 'zod';
import { type Day, parseDay } from './dates.ts';
import type { InputParseResult } from './program.ts';

/** A `YYYY-MM-DD` date in the input, turned into a day number. */
export const dayInput = z.string().transform((value, context) => {
  const day = parseDay(value);
  if (day === undefined) {
    context.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
    return z.NEVER;
  }
  return day;
});

/**
 * Validates answers with a zod schema. Only malformed input fails here
 * (a date that is not a date); whether the answers qualify is for the rules.
 */
export function parseInputWith<F>(
  schema: z.ZodType<Partial<F>>,
  raw: unknown,
): InputParseResult<F> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, facts: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  };
}

/** `filingDate` when given, the evaluation date otherwise. */
export function filingDateOr(asOf: Day, given: Day | undefined): Day {
  return given ?? asOf;
}
