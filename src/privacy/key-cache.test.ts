import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyCache } from './key-cache.ts';

const key = (n: number) => Buffer.alloc(32, n);

describe('key cache', () => {
  it('evicts the least recently used key beyond its size', () => {
    const cache = new KeyCache(2, 60_000);
    cache.set('a', key(1));
    cache.set('b', key(2));
    assert.deepEqual(cache.get('a'), key(1));
    cache.set('c', key(3));
    assert.equal(cache.get('b'), undefined);
    assert.deepEqual(cache.get('a'), key(1));
    assert.deepEqual(cache.get('c'), key(3));
    assert.equal(cache.size, 2);
  });

  it('forgets a key once it is older than its maximum age', () => {
    let now = 1_000;
    const cache = new KeyCache(10, 500, () => now);
    cache.set('a', key(1));
    now += 499;
    assert.deepEqual(cache.get('a'), key(1));
    now += 1;
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  it('holds nothing when its size is zero, and drops keys on request', () => {
    const off = new KeyCache(0, 60_000);
    off.set('a', key(1));
    assert.equal(off.get('a'), undefined);
    const cache = new KeyCache(5, 60_000);
    cache.set('a', key(1));
    cache.set('b', key(2));
    cache.delete('a');
    assert.equal(cache.get('a'), undefined);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});
