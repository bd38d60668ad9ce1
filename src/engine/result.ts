/**
 * The state of a fact's value, after the IRS Direct File Fact Graph:
 * complete (from answers), placeholder (from a stand-in default, good enough
 * to show but never to decide on), or incomplete (it cannot be known yet).
 * An incomplete value says which answers are missing and which parameters
 * do not cover the date asked about.
 */
export type Result<T> =
  | { readonly status: 'complete'; readonly value: T }
  | { readonly status: 'placeholder'; readonly value: T }
  | {
      readonly status: 'incomplete';
      readonly missing: readonly string[];
      readonly uncovered: readonly string[];
    };

export function complete<T>(value: T): Result<T> {
  return { status: 'complete', value };
}

export function placeholder<T>(value: T): Result<T> {
  return { status: 'placeholder', value };
}

export function incomplete(
  missing: readonly string[],
  uncovered: readonly string[] = [],
): Result<never> {
  return { status: 'incomplete', missing, uncovered };
}

export function hasValue<T>(result: Result<T>): result is Extract<Result<T>, { value: T }> {
  return result.status !== 'incomplete';
}
