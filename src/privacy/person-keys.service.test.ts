import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, it } from 'node:test';
import { rejectsWith } from '../../test/support/app-errors.ts';
import { describeEachEngine } from '../../test/support/engines.ts';
import { LocalKeyProvider } from './local-key-provider.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { PersonKeysService } from './person-keys.service.ts';
import { sealedColumn } from './sealed-column.ts';

const familyName = sealedColumn<string>({ table: 'people', column: 'family_name' });

describeEachEngine(
  'person keys',
  (_database, _engine, keyStore) => {
    let repository: PersonKeysRepository;
    let provider: LocalKeyProvider;
    let keys: PersonKeysService;
    beforeEach(async () => {
      await keyStore().db.deleteFrom('person_keys').execute();
      repository = new PersonKeysRepository(keyStore().db);
      provider = new LocalKeyProvider(randomBytes(32));
      keys = new PersonKeysService(repository, provider);
    });

    it('stores a random 256-bit key only wrapped, and unwraps it on demand', async () => {
      const personId = randomUUID();
      const created = await keys.create(personId);
      assert.equal(created.length, 32);
      const stored = await repository.find(personId);
      assert.ok(stored?.wrappedKey);
      assert.equal(stored.kekId, provider.currentKekId);
      assert.equal(stored.destroyedAt, null);
      assert.equal(stored.wrappedKey.includes(created), false);
      assert.deepEqual(await keys.get(personId), created);
      // A fresh service (no cache, as in another process) reads the same key.
      assert.deepEqual(await new PersonKeysService(repository, provider).get(personId), created);
      assert.notDeepEqual(await keys.create(randomUUID()), created);
    });

    it('accepts a person id in either case and binds the lower-case form', async () => {
      const personId = randomUUID();
      const created = await keys.create(personId.toUpperCase());
      assert.deepEqual(await keys.get(personId), created);
    });

    it('refuses a second key for the same person', async () => {
      const personId = randomUUID();
      await keys.create(personId);
      await assert.rejects(keys.create(personId), rejectsWith('BLG_PERSON_KEY_EXISTS'));
    });

    it('reports a person without a key with a code', async () => {
      await assert.rejects(keys.get(randomUUID()), rejectsWith('BLG_PERSON_KEY_NOT_FOUND'));
      await assert.rejects(keys.destroy(randomUUID()), rejectsWith('BLG_PERSON_KEY_NOT_FOUND'));
    });

    it('crypto-shreds: the wrapped key is gone and sealed data never opens again', async () => {
      const personId = randomUUID();
      const cached = new PersonKeysService(repository, provider, { cacheSize: 10 });
      const key = await cached.create(personId);
      const sealed = familyName.seal('Zyxwvutsrq', await cached.get(personId), personId);
      assert.equal(familyName.open(sealed, key, personId), 'Zyxwvutsrq');

      assert.equal(await cached.destroy(personId), true);
      const stored = await repository.find(personId);
      assert.equal(stored?.wrappedKey, null);
      assert.ok(stored?.destroyedAt instanceof Date);
      await assert.rejects(cached.get(personId), rejectsWith('BLG_PERSON_KEY_DESTROYED'));
      await assert.rejects(keys.get(personId), rejectsWith('BLG_PERSON_KEY_DESTROYED'));
      // Forgetting twice is harmless, and the id can never get a fresh key.
      assert.equal(await cached.destroy(personId), false);
      await assert.rejects(keys.create(personId), rejectsWith('BLG_PERSON_KEY_EXISTS'));
    });

    it('keeps the database from holding a destroyed row with a key, or a live row without', async () => {
      const personId = randomUUID();
      await keys.create(personId);
      await assert.rejects(
        keyStore()
          .db.updateTable('person_keys')
          .set({ destroyed_at: new Date() })
          .where('person_id', '=', personId)
          .execute(),
      );
      await assert.rejects(
        keyStore()
          .db.updateTable('person_keys')
          .set({ wrapped_key: null })
          .where('person_id', '=', personId)
          .execute(),
      );
    });

    it('refuses a wrapped key copied onto another person', async () => {
      const from = randomUUID();
      const to = randomUUID();
      await keys.create(from);
      await keys.create(to);
      const stolen = await repository.find(from);
      assert.ok(stolen?.wrappedKey);
      await keyStore()
        .db.updateTable('person_keys')
        .set({ wrapped_key: stolen.wrappedKey })
        .where('person_id', '=', to)
        .execute();
      await assert.rejects(keys.get(to), rejectsWith('BLG_DATA_KEY_UNWRAP_FAILED'));
    });

    it('lists live keys not under a KEK in id order, and rewraps only from the expected KEK', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
      for (const id of ids) await keys.create(id);
      await keys.destroy(ids[1] ?? '');
      const first = await repository.listNotUnder('local:other', 1);
      assert.deepEqual(
        first.map((row) => row.personId),
        [ids[0]],
      );
      const rest = await repository.listNotUnder('local:other', 10, first[0]?.personId);
      assert.deepEqual(
        rest.map((row) => row.personId),
        [ids[2]],
      );
      assert.deepEqual(await repository.listNotUnder(provider.currentKekId, 10), []);
      assert.equal(
        await repository.rewrap(ids[0] ?? '', 'local:wrong', Buffer.alloc(61), 'local:x'),
        false,
      );
      assert.equal(
        await repository.rewrap(ids[1] ?? '', provider.currentKekId, Buffer.alloc(61), 'local:x'),
        false,
      );
    });
  },
  { keyStore: true },
);
