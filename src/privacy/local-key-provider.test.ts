import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { rejectsWith } from '../../test/support/app-errors.ts';
import { kekIdOf, LocalKeyProvider } from './local-key-provider.ts';

const personA = '00000000-0000-4000-8000-00000000000a';
const personB = '00000000-0000-4000-8000-00000000000b';

describe('local key provider', () => {
  it('wraps and unwraps a data key', async () => {
    const provider = new LocalKeyProvider(randomBytes(32));
    const dataKey = randomBytes(32);
    const { wrapped, kekId } = await provider.wrap(dataKey, personA);
    assert.equal(kekId, provider.currentKekId);
    assert.equal(wrapped.length, 1 + 12 + 32 + 16);
    assert.equal(wrapped.includes(dataKey), false);
    assert.deepEqual(await provider.unwrap(wrapped, kekId, personA), dataKey);
  });

  it('uses a fresh nonce for every wrap', async () => {
    const provider = new LocalKeyProvider(randomBytes(32));
    const dataKey = randomBytes(32);
    const first = await provider.wrap(dataKey, personA);
    const second = await provider.wrap(dataKey, personA);
    assert.notDeepEqual(first.wrapped, second.wrapped);
  });

  it('refuses a wrapped key moved to another person', async () => {
    const provider = new LocalKeyProvider(randomBytes(32));
    const { wrapped, kekId } = await provider.wrap(randomBytes(32), personA);
    await assert.rejects(
      provider.unwrap(wrapped, kekId, personB),
      rejectsWith('BLG_DATA_KEY_UNWRAP_FAILED'),
    );
  });

  it('refuses a wrapped key that was altered', async () => {
    const provider = new LocalKeyProvider(randomBytes(32));
    const { wrapped, kekId } = await provider.wrap(randomBytes(32), personA);
    for (const index of [0, 5, 20, wrapped.length - 1]) {
      const altered = Buffer.from(wrapped);
      altered[index] = (altered[index] ?? 0) ^ 1;
      await assert.rejects(
        provider.unwrap(altered, kekId, personA),
        rejectsWith('BLG_DATA_KEY_UNWRAP_FAILED'),
      );
    }
    await assert.rejects(
      provider.unwrap(wrapped.subarray(0, 20), kekId, personA),
      rejectsWith('BLG_DATA_KEY_UNWRAP_FAILED'),
    );
  });

  it('refuses a KEK id it does not hold, and a key wrapped under another KEK', async () => {
    const one = new LocalKeyProvider(randomBytes(32));
    const other = new LocalKeyProvider(randomBytes(32));
    const { wrapped, kekId } = await one.wrap(randomBytes(32), personA);
    await assert.rejects(other.unwrap(wrapped, kekId, personA), rejectsWith('BLG_KEK_UNKNOWN'));
    await assert.rejects(
      other.unwrap(wrapped, other.currentKekId, personA),
      rejectsWith('BLG_DATA_KEY_UNWRAP_FAILED'),
    );
  });

  it('unwraps keys wrapped under a previous KEK after rotation', async () => {
    const oldKek = randomBytes(32);
    const newKek = randomBytes(32);
    const before = new LocalKeyProvider(oldKek);
    const dataKey = randomBytes(32);
    const { wrapped, kekId } = await before.wrap(dataKey, personA);
    const after = new LocalKeyProvider(newKek, [oldKek]);
    assert.notEqual(after.currentKekId, kekId);
    assert.equal(after.currentKekId, kekIdOf(newKek));
    assert.deepEqual(await after.unwrap(wrapped, kekId, personA), dataKey);
  });

  it('names a KEK without revealing it and refuses a KEK of the wrong length', () => {
    const kek = randomBytes(32);
    const id = kekIdOf(kek);
    assert.match(id, /^local:[0-9a-f]{16}$/);
    assert.equal(id.includes(kek.toString('hex').slice(0, 16)), false);
    assert.equal(kekIdOf(Buffer.from(kek)), id);
    assert.throws(() => new LocalKeyProvider(randomBytes(16)), rejectsWith('BLG_KEY_INVALID'));
  });
});
