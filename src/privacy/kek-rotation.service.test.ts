import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, it } from 'node:test';
import { describeEachEngine } from '../../test/support/engines.ts';
import { KekRotationService } from './kek-rotation.service.ts';
import { LocalKeyProvider } from './local-key-provider.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { PersonKeysService } from './person-keys.service.ts';
import { sealedColumn } from './sealed-column.ts';

const givenName = sealedColumn<string>({ table: 'people', column: 'given_name' });

describeEachEngine(
  'KEK rotation',
  (_database, _engine, keyStore) => {
    let repository: PersonKeysRepository;
    let oldKek: Buffer;
    let newKek: Buffer;
    let people: string[];
    let sealed: Map<string, string>;

    beforeEach(async () => {
      await keyStore().db.deleteFrom('person_keys').execute();
      repository = new PersonKeysRepository(keyStore().db);
      oldKek = randomBytes(32);
      newKek = randomBytes(32);
      const before = new PersonKeysService(repository, new LocalKeyProvider(oldKek));
      people = Array.from({ length: 7 }, () => randomUUID());
      sealed = new Map();
      for (const id of people)
        sealed.set(id, givenName.seal(`name-${id}`, await before.create(id), id));
    });

    it('rewraps every key in batches, and sealed data still opens under the new KEK alone', async () => {
      const during = new LocalKeyProvider(newKek, [oldKek]);
      const rotation = new KekRotationService(repository, during);
      assert.equal(await rotation.remaining(), 7);
      const batches: number[] = [];
      const result = await rotation.rotate({
        batchSize: 3,
        onBatch: (progress) => batches.push(progress.rewrapped),
      });
      assert.deepEqual(result, { rewrapped: 7, skipped: 0, failed: 0 });
      assert.deepEqual(batches, [3, 6, 7]);
      assert.equal(await rotation.remaining(), 0);

      const afterwards = new PersonKeysService(repository, new LocalKeyProvider(newKek));
      for (const id of people) {
        assert.equal(
          givenName.open(sealed.get(id) ?? '', await afterwards.get(id), id),
          `name-${id}`,
        );
        assert.equal((await repository.find(id))?.kekId, during.currentKekId);
      }
    });

    it('resumes: a second run skips keys already under the new KEK', async () => {
      const during = new LocalKeyProvider(newKek, [oldKek]);
      const half = await repository.listNotUnder(during.currentKekId, 3);
      for (const stored of half) {
        const key = await during.unwrap(
          stored.wrappedKey ?? Buffer.alloc(0),
          stored.kekId,
          stored.personId,
        );
        const { wrapped, kekId } = await during.wrap(key, stored.personId);
        await repository.rewrap(stored.personId, stored.kekId, wrapped, kekId);
      }
      const rotation = new KekRotationService(repository, during);
      assert.equal(await rotation.remaining(), 4);
      assert.deepEqual(await rotation.rotate({ batchSize: 2 }), {
        rewrapped: 4,
        skipped: 0,
        failed: 0,
      });
      assert.deepEqual(await rotation.rotate(), { rewrapped: 0, skipped: 0, failed: 0 });
    });

    it('leaves forgotten people forgotten and counts keys it cannot unwrap', async () => {
      const keys = new PersonKeysService(repository, new LocalKeyProvider(oldKek));
      await keys.destroy(people[0] ?? '');
      const stranger = new PersonKeysService(repository, new LocalKeyProvider(randomBytes(32)));
      await stranger.create(randomUUID());
      // The old KEK is not given: nothing can be unwrapped.
      const rotation = new KekRotationService(repository, new LocalKeyProvider(newKek));
      assert.deepEqual(await rotation.rotate(), { rewrapped: 0, skipped: 0, failed: 7 });
      const withOld = new KekRotationService(repository, new LocalKeyProvider(newKek, [oldKek]));
      assert.deepEqual(await withOld.rotate(), { rewrapped: 6, skipped: 0, failed: 1 });
      assert.equal(await withOld.remaining(), 1);
      const forgotten = await repository.find(people[0] ?? '');
      assert.equal(forgotten?.wrappedKey, null);
    });
  },
  { keyStore: true },
);
