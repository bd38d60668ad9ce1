import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { rejectsWith } from '../../test/support/app-errors.ts';
import { describeEachEngine } from '../../test/support/engines.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { openDatabase } from '../db/database.ts';
import { openKeyStore } from '../db/key-store.ts';
import { migrateKeyStoreToLatest, migrateToLatest } from '../db/migrate.ts';
import type { KeyStoreDatabase } from '../db/schema.ts';
import { LocalKeyProvider } from './local-key-provider.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { PersonKeysService } from './person-keys.service.ts';
import { PersonPrivacyService } from './person-privacy.service.ts';
import { type Sealed, sealedColumn } from './sealed-column.ts';

const familyName = sealedColumn<string>({ table: 'restore_probe', column: 'family_name' });
const canary = 'Zyxwvut Quintero-Canary';

/** A stand-in for a personal table, which later issues add to the main database. */
async function createProbeTable(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS restore_probe (
    id uuid PRIMARY KEY, family_name text NOT NULL)`.execute(db);
}

async function readProbe(db: Kysely<unknown>, personId: string): Promise<Sealed<string>> {
  const { rows } = await sql<{ family_name: string }>`
    SELECT family_name FROM restore_probe WHERE id = ${personId}`.execute(db);
  assert.ok(rows[0], 'the sealed row is in the main database');
  return rows[0].family_name as Sealed<string>;
}

/** Opens a sealed value the only way there is: with the person's key from the key store. */
async function openSealed(
  keyStore: Kysely<KeyStoreDatabase>,
  provider: LocalKeyProvider,
  personId: string,
  sealed: Sealed<string>,
): Promise<string> {
  const keys = new PersonKeysService(new PersonKeysRepository(keyStore), provider);
  return familyName.open(sealed, await keys.get(personId), personId);
}

describeEachEngine(
  'person privacy: forget and report',
  (database, engine, keyStore) => {
    let provider: LocalKeyProvider;
    let keys: PersonKeysService;
    let privacy: PersonPrivacyService;
    beforeEach(() => {
      provider = new LocalKeyProvider(randomBytes(32));
      keys = new PersonKeysService(new PersonKeysRepository(keyStore().db), provider);
      privacy = new PersonPrivacyService(database().db, keyStore().db);
    });

    it('forgets: sealed values never open again, with a coded error', async () => {
      const personId = randomUUID();
      const sealed = familyName.seal(canary, await keys.create(personId), personId);
      assert.equal(await openSealed(keyStore().db, provider, personId, sealed), canary);

      const result = await privacy.forget(personId);
      assert.equal(result.status, 'forgotten');
      assert.ok(result.destroyedAt instanceof Date);
      await assert.rejects(
        openSealed(keyStore().db, provider, personId, sealed),
        rejectsWith('BLG_PERSON_KEY_DESTROYED'),
      );
      const stored = await new PersonKeysRepository(keyStore().db).find(personId);
      assert.equal(stored?.wrappedKey, null);
    });

    it('audits a forget once, and a second forget says it was already done', async () => {
      const personId = randomUUID();
      const staff = randomUUID();
      await keys.create(personId);
      const first = await privacy.forget(personId.toUpperCase(), { actor: staff });
      assert.equal(first.status, 'forgotten');
      assert.equal(first.vacuumed, true);
      assert.equal(first.event?.eventType, 'person.forgotten');
      const second = await privacy.forget(personId);
      assert.equal(second.status, 'already-forgotten');
      assert.equal(second.event, undefined);
      assert.deepEqual(second.destroyedAt, first.destroyedAt);

      const events = await new AuditRepository(database().db).listForSubject(personId);
      assert.deepEqual(
        events.map((event) => [event.eventType, event.actor, event.organisationId, event.details]),
        [['person.forgotten', staff, null, { reason: 'request' }]],
      );
    });

    it('records the event on a second forget when the first stopped before recording it', async () => {
      const personId = randomUUID();
      await keys.create(personId);
      // As if the process died between destroying the key and writing the event.
      assert.equal(await new PersonKeysRepository(keyStore().db).destroy(personId), true);
      const result = await privacy.forget(personId);
      assert.equal(result.status, 'already-forgotten');
      assert.equal(result.event?.eventType, 'person.forgotten');
    });

    it('refuses to forget a person who never had a key, and records nothing', async () => {
      const personId = randomUUID();
      await assert.rejects(privacy.forget(personId), rejectsWith('BLG_PERSON_KEY_NOT_FOUND'));
      assert.deepEqual(await new AuditRepository(database().db).listForSubject(personId), []);
    });

    it('reports the key and every audit event about the person, and records the report', async () => {
      const personId = randomUUID();
      const staff = randomUUID();
      const organisationId = randomUUID();
      await keys.create(personId);
      const read = await recordAuditEvent(database().db, {
        organisationId,
        type: 'person.data_read',
        actor: staff,
        subject: personId,
        details: { fields: ['family_name'] },
      });
      // Someone else's event is not in this person's report.
      await recordAuditEvent(database().db, {
        organisationId,
        type: 'person.data_read',
        actor: staff,
        subject: randomUUID(),
        details: { fields: ['family_name'] },
      });

      const live = await privacy.report(personId, { actor: staff });
      assert.equal(live.personId, personId);
      assert.equal(live.dataKey.state, 'live');
      assert.ok(live.dataKey.createdAt);
      assert.equal(live.dataKey.destroyedAt, null);
      assert.deepEqual(live.auditEvents, [
        {
          id: read.id,
          type: 'person.data_read',
          actor: staff,
          organisationId,
          occurredAt: read.occurredAt.toISOString(),
          details: { fields: ['family_name'] },
        },
      ]);

      await privacy.forget(personId);
      const after = await privacy.report(personId);
      assert.equal(after.dataKey.state, 'destroyed');
      assert.ok(after.dataKey.destroyedAt);
      assert.deepEqual(
        after.auditEvents.map((event) => [event.type, event.actor]),
        [
          ['person.data_read', staff],
          ['person.report_created', staff],
          ['person.forgotten', 'system'],
        ],
      );
      assert.equal(
        (await new AuditRepository(database().db).listForSubject(personId)).at(-1)?.id,
        after.reportEventId,
      );
      const never = await privacy.report(randomUUID());
      assert.deepEqual(never.dataKey, { state: 'none', createdAt: null, destroyedAt: null });
      assert.deepEqual(never.auditEvents, []);
    });

    it('restoring a main-database dump taken before the forget does not bring the data back', async () => {
      if (engine === 'pglite') {
        await restoreOnPglite();
        return;
      }
      // PostgreSQL: the dump is the sealed rows as they were, restored into the main database.
      const db = database().db as Kysely<unknown>;
      await createProbeTable(db);
      const personId = randomUUID();
      const sealed = familyName.seal(canary, await keys.create(personId), personId);
      await sql`INSERT INTO restore_probe (id, family_name) VALUES (${personId}, ${sealed})`.execute(
        db,
      );
      const dump = (
        await sql<{ id: string; family_name: string }>`
        SELECT id, family_name FROM restore_probe`.execute(db)
      ).rows;

      await privacy.forget(personId);
      await sql`DELETE FROM restore_probe`.execute(db);
      for (const row of dump) {
        await sql`INSERT INTO restore_probe (id, family_name) VALUES (${row.id}, ${row.family_name})`.execute(
          db,
        );
      }
      const restored = await readProbe(db, personId);
      assert.equal(restored, sealed);
      await assert.rejects(
        openSealed(keyStore().db, provider, personId, restored),
        rejectsWith('BLG_PERSON_KEY_DESTROYED'),
      );
    });

    /**
     * PGlite, laid out as Belong lays it out (`…/data` and `…/keys` side by
     * side): the backup is a copy of the main database's directory, taken
     * while it is closed; restoring it replaces the directory.
     */
    async function restoreOnPglite(): Promise<void> {
      const folder = mkdtempSync(path.join(tmpdir(), 'belong-restore-'));
      const dataDir = path.join(folder, 'data');
      const backupDir = path.join(folder, 'backup-of-data');
      try {
        const keyStore = await openKeyStore({ dataDir });
        try {
          await migrateKeyStoreToLatest(keyStore.db);
          const personId = randomUUID();
          const keys = new PersonKeysService(new PersonKeysRepository(keyStore.db), provider);
          const sealed = familyName.seal(canary, await keys.create(personId), personId);

          let main = await openDatabase({ dataDir });
          await migrateToLatest(main.db);
          await createProbeTable(main.db as Kysely<unknown>);
          await sql`INSERT INTO restore_probe (id, family_name) VALUES (${personId}, ${sealed})`.execute(
            main.db,
          );
          await main.close();
          cpSync(dataDir, backupDir, { recursive: true });

          main = await openDatabase({ dataDir });
          await new PersonPrivacyService(main.db, keyStore.db).forget(personId);
          await main.close();

          rmSync(dataDir, { recursive: true, force: true });
          cpSync(backupDir, dataDir, { recursive: true });
          main = await openDatabase({ dataDir });
          try {
            const restored = await readProbe(main.db as Kysely<unknown>, personId);
            assert.equal(restored, sealed);
            // The restored main database has forgotten the forget…
            assert.deepEqual(await new AuditRepository(main.db).listForSubject(personId), []);
            // …but the key store has not, so the data stays unreadable.
            await assert.rejects(
              openSealed(keyStore.db, provider, personId, restored),
              rejectsWith('BLG_PERSON_KEY_DESTROYED'),
            );
          } finally {
            await main.close();
          }
        } finally {
          await keyStore.close();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  },
  { keyStore: true },
);
