import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { describeEachEngine } from '../../test/support/engines.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import type { Database } from '../db/schema.ts';
import { loadParameters } from '../modules/rules/parameters.repository.ts';
import { BlindIndexRepository } from './blind-index.repository.ts';
import { BlindIndexer } from './blind-index.ts';
import { LocalKeyProvider } from './local-key-provider.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { PersonKeysService } from './person-keys.service.ts';
import { PersonPrivacyService } from './person-privacy.service.ts';
import type { PersonalDataHolder } from './personal-data-holder.ts';
import { RetentionService } from './retention.service.ts';
import { sealedRecord } from './sealed-record.ts';

const dayMs = 24 * 60 * 60 * 1000;
const parameters = loadParameters();
const probe = sealedRecord<{ family_name: string }>('retention_probe', { family_name: {} });

/**
 * A stand-in for a feature's personal table, with the holder a module would
 * list in src/modules/personal-data-holders.ts: erasing keeps the row (an
 * aggregate needs it) and drops the sealed field.
 */
const probeHolder: PersonalDataHolder = {
  source: 'retention_probe',
  async describe(db, personId, dataKey) {
    const { rows } = await sql<{ id: string; family_name: string | null; created_at: Date }>`
      SELECT id, family_name, created_at FROM retention_probe WHERE person_id = ${personId}`.execute(
      db,
    );
    return {
      source: 'retention_probe',
      purpose: 'A test table.',
      records: rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at.toISOString(),
        fields:
          dataKey && row.family_name !== null
            ? probe.open({ family_name: row.family_name }, dataKey, row.id)
            : { family_name: null },
      })),
    };
  },
  async erase(db, personId) {
    const result = await sql`
      UPDATE retention_probe SET family_name = NULL
      WHERE person_id = ${personId} AND family_name IS NOT NULL`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },
};

describeEachEngine(
  'retention: forgetting on a schedule',
  (database, _engine, keyStore) => {
    let keys: PersonKeysService;
    let privacy: PersonPrivacyService;
    let retention: RetentionService;
    let indexes: BlindIndexRepository;
    let db: Kysely<Database>;

    beforeEach(async () => {
      db = database().db;
      await sql`CREATE TABLE IF NOT EXISTS retention_probe (
        id uuid PRIMARY KEY, person_id uuid NOT NULL, family_name text,
        created_at timestamptz NOT NULL DEFAULT now())`.execute(db);
      keys = new PersonKeysService(
        new PersonKeysRepository(keyStore().db),
        new LocalKeyProvider(randomBytes(32)),
      );
      privacy = new PersonPrivacyService(db, keyStore().db, {
        holders: [probeHolder],
        personKeys: keys,
      });
      retention = new RetentionService(db, parameters, privacy);
      indexes = new BlindIndexRepository(db, new BlindIndexer(randomBytes(32)));
    });

    /** A person with a sealed name in the probe table and a blind index of it. */
    async function person(name: string): Promise<string> {
      const personId = randomUUID();
      const recordId = randomUUID();
      const key = await keys.create(personId);
      const sealed = probe.seal({ family_name: name }, key, recordId);
      await sql`INSERT INTO retention_probe (id, person_id, family_name)
        VALUES (${recordId}, ${personId}, ${sealed.family_name})`.execute(db);
      await indexes.put(personId, null, [
        { domain: 'probe.family_name', kind: 'name', value: name },
      ]);
      return personId;
    }

    it('reads each program’s days from its dated parameter', () => {
      const today = new Date('2026-12-01T12:00:00Z');
      assert.equal(retention.retentionDays('naturalization', 'draft-saved', today), 30);
      assert.equal(retention.retentionDays('naturalization', 'final-decision', today), 180);
      assert.equal(retention.retentionDays('wa-relief', 'payment', today), 365);
      assert.throws(() => retention.retentionDays('naturalization', 'payment', today), TypeError);
    });

    it('forgets only the people whose every date has passed, and leaves no personal field', async () => {
      const now = Date.now();
      const expiredDraft = await person('Expired Draftperson');
      const freshDraft = await person('Fresh Draftperson');
      const stillOpen = await person('Stillopen Casework');
      // 31 days after the draft was last saved: past the 30-day parameter.
      await retention.schedule(expiredDraft, 'tps', 'draft-saved', new Date(now - 31 * dayMs));
      await retention.schedule(freshDraft, 'tps', 'draft-saved', new Date(now - 29 * dayMs));
      // One program's draft expired, but another program's case still runs.
      await retention.schedule(stillOpen, 'tps', 'draft-saved', new Date(now - 31 * dayMs));
      await retention.schedule(stillOpen, 'naturalization', 'final-decision', new Date(now));

      assert.equal(await retention.sweep(new Date(now)), 1);

      await assert.rejects(keys.get(expiredDraft), { code: 'BLG_PERSON_KEY_DESTROYED' });
      const report = await privacy.report(expiredDraft);
      assert.equal(report.dataKey.state, 'destroyed');
      assert.deepEqual(report.records[0]?.records[0]?.fields, { family_name: null });
      assert.deepEqual(report.blindIndexes, []);
      assert.deepEqual(report.retention, []);
      const forgotten = report.auditEvents.find((event) => event.type === 'person.forgotten');
      assert.deepEqual(forgotten?.details, { reason: 'retention' });
      assert.deepEqual(
        await indexes.candidates([
          { domain: 'probe.family_name', kind: 'name', value: 'Expired Draftperson' },
        ]),
        [],
        'nothing can confirm the forgotten person was here',
      );

      for (const kept of [freshDraft, stillOpen]) {
        const keptReport = await privacy.report(kept);
        assert.equal(keptReport.dataKey.state, 'live');
        assert.ok(keptReport.blindIndexes.includes('probe.family_name'));
        assert.equal(typeof keptReport.records[0]?.records[0]?.fields.family_name, 'string');
      }

      // Time passes: the fresh draft expires too; the open case still holds.
      assert.equal(await retention.sweep(new Date(now + 2 * dayMs)), 1);
      await assert.rejects(keys.get(freshDraft), { code: 'BLG_PERSON_KEY_DESTROYED' });
      assert.ok(await keys.get(stillOpen));
      assert.equal(
        await retention.sweep(new Date(now + 2 * dayMs)),
        0,
        'a second sweep finds none',
      );
    });

    it('clears a due entry for a person who never got a key, instead of failing forever', async () => {
      const personId = randomUUID();
      await retention.schedule(personId, 'tps', 'draft-saved', new Date(Date.now() - 40 * dayMs));
      assert.equal(await retention.sweep(), 0);
      const events = await new AuditRepository(db).listForSubject(personId);
      assert.deepEqual(events, []);
      const left = await db
        .selectFrom('retention_schedule')
        .select('person_id')
        .where('person_id', '=', personId)
        .execute();
      assert.deepEqual(left, []);
    });
  },
  { keyStore: true },
);
