import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenBucket } from './sign-in-rate-limit.ts';

describe('sign-in token bucket', () => {
  it('admits a burst up to its capacity, then refills at its rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 0.5, () => now);
    assert.deepEqual(
      [bucket.take(), bucket.take(), bucket.take(), bucket.take()],
      [true, true, true, false],
    );
    now += 1000;
    assert.equal(bucket.take(), false, 'half a token after one second');
    now += 1000;
    assert.equal(bucket.take(), true);
    now += 60_000;
    assert.deepEqual(
      [bucket.take(), bucket.take(), bucket.take(), bucket.take()],
      [true, true, true, false],
      'never more than its capacity',
    );
  });
});
