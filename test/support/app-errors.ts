import assert from 'node:assert/strict';
import { isAppError } from '../../src/errors.ts';

/**
 * For `assert.rejects`: the promise failed with Belong's error `code`. A
 * different failure is reported as itself, not as "validation failed".
 */
export function rejectsWith(code: string) {
  return (error: unknown) => {
    assert.ok(isAppError(error), String(error));
    assert.equal(error.code, code);
    return true;
  };
}
