import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachEngine } from '../../test/support/engines.ts';
import { revokeAuditChanges } from '../db/migrations/20261125130100-audit-log.ts';
import { AuditRepository } from './audit.repository.ts';
import { genesisHash, hashAuditEvent } from './audit-hash.ts';
import { verifyChain } from './audit-verify.service.ts';

function event(organisationId: string | null, n = 0) {
  return {
    organisationId,
    eventType: 'case.viewed',
    actor: 'system',
    subject: randomUUID(),
    details: { view: 'summary', n },
  };
}

describeEachEngine('audit repository', (database, engine) => {
  it('chains each organisation from the genesis hash, one sequence each', async () => {
    const audit = new AuditRepository(database().db);
    const a = randomUUID();
    const b = randomUUID();
    const first = await audit.append(event(a));
    const other = await audit.append(event(b));
    const second = await audit.append(event(a));
    assert.equal(first.sequence, 1);
    assert.equal(first.previousHash, genesisHash);
    assert.equal(other.sequence, 1);
    assert.equal(second.sequence, 2);
    assert.equal(second.previousHash, first.hash);
    assert.deepEqual(await audit.findHead(a), { sequence: 2, hash: second.hash });

    const read = await audit.listChain(a, 0, 10);
    assert.deepEqual(read, [first, second]);
    // The row read back hashes to what was written: the encoding survives JSONB and timestamptz.
    for (const row of read) assert.equal(hashAuditEvent(row), row.hash);
  });

  it('keeps a chain of its own for system events', async () => {
    const audit = new AuditRepository(database().db);
    const before = (await audit.findHead(null))?.sequence ?? 0;
    const appended = await audit.append({
      ...event(null),
      eventType: 'keys.rotated',
      subject: null,
    });
    assert.equal(appended.organisationId, null);
    assert.equal(appended.sequence, before + 1);
    assert.ok((await audit.listChains()).includes(null));
    assert.equal((await verifyChain(database().db, null)).intact, true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events, even from the table owner', async () => {
    const db = database().db;
    const appended = await new AuditRepository(db).append(event(randomUUID()));
    await assert.rejects(
      sql`UPDATE audit_events SET actor = 'system' WHERE id = ${appended.id}`.execute(db),
      /append-only/,
    );
    await assert.rejects(
      db.deleteFrom('audit_events').where('id', '=', appended.id).execute(),
      /append-only/,
    );
    await assert.rejects(sql`TRUNCATE audit_events`.execute(db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_heads`.execute(db), /append-only/);
    await assert.rejects(
      sql`UPDATE audit_heads SET sequence = sequence - 1 WHERE organisation_id = ${appended.organisationId}`.execute(
        db,
      ),
      /only moves forward/,
    );
    assert.equal((await verifyChain(db, appended.organisationId)).intact, true);
  });

  it('refuses an event that would take a place already taken in its chain', async () => {
    const db = database().db;
    const first = await new AuditRepository(db).append(event(randomUUID()));
    await assert.rejects(
      db
        .insertInto('audit_events')
        .values({
          id: randomUUID(),
          organisation_id: first.organisationId,
          sequence: 1,
          event_type: 'case.viewed',
          actor: 'system',
          subject: null,
          details: '{}',
          occurred_at: new Date(),
          previous_hash: genesisHash,
          hash: first.hash,
        })
        .execute(),
      /audit_events_chain_sequence_key/,
    );
  });

  it('joins the caller’s transaction: a rolled-back change leaves no event', async () => {
    const db = database().db;
    const organisationId = randomUUID();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await new AuditRepository(trx).append(event(organisationId));
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.deepEqual(await new AuditRepository(db).listChain(organisationId, 0, 10), []);
    assert.equal(await new AuditRepository(db).findHead(organisationId), undefined);
  });

  it('keeps one chain when many appends for one organisation race', async () => {
    const audit = new AuditRepository(database().db);
    const organisationId = randomUUID();
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, n) => audit.append(event(organisationId, n))),
    );
    assert.deepEqual(
      appended.map((row) => row.sequence).sort((x, y) => x - y),
      Array.from({ length: 20 }, (_, n) => n + 1),
    );
    const report = await verifyChain(database().db, organisationId);
    assert.equal(report.intact, true, report.breaks[0]?.description);
    assert.equal(report.chains[0]?.events, 20);
    if (engine === 'postgres') {
      // Several pooled connections really did append at once.
      assert.equal(new Set(appended.map((row) => row.previousHash)).size, 20);
    }
  });

  it('lists the events about one subject, for a person’s data report', async () => {
    const audit = new AuditRepository(database().db);
    const person = randomUUID();
    const organisationId = randomUUID();
    await audit.append({ ...event(organisationId), subject: person });
    await audit.append(event(organisationId));
    await audit.append({ ...event(organisationId), subject: person });
    const about = await audit.listForSubject(person);
    assert.deepEqual(
      about.map((row) => row.sequence),
      [1, 3],
    );
  });

  it('takes UPDATE, DELETE and TRUNCATE from the application role, when there is one', async () => {
    const db = database().db;
    assert.equal(
      await revokeAuditChanges(db, `no_such_role_${randomBytes(4).toString('hex')}`),
      false,
    );
    if (engine !== 'postgres') return;
    const role = `belong_test_app_${randomBytes(4).toString('hex')}`;
    await sql`CREATE ROLE ${sql.id(role)} NOLOGIN`.execute(db);
    try {
      // What an operator's broad grant would give the application's role.
      await sql`GRANT USAGE ON SCHEMA ${sql.id(await currentSchema())} TO ${sql.id(role)}`.execute(
        db,
      );
      await sql`GRANT ALL ON audit_events, audit_heads TO ${sql.id(role)}`.execute(db);
      assert.equal(await revokeAuditChanges(db, role), true);
      const asApp = <T>(work: (trx: typeof db) => Promise<T>) =>
        db.transaction().execute(async (trx) => {
          await sql`SET LOCAL ROLE ${sql.id(role)}`.execute(trx);
          return work(trx);
        });
      const appended = await asApp((trx) => new AuditRepository(trx).append(event(randomUUID())));
      assert.equal(appended.sequence, 1);
      await assert.rejects(
        asApp((trx) => sql`DELETE FROM audit_events WHERE id = ${appended.id}`.execute(trx)),
        /permission denied/,
      );
      await assert.rejects(
        asApp((trx) => sql`UPDATE audit_events SET actor = 'system'`.execute(trx)),
        /permission denied/,
      );
      await assert.rejects(
        asApp((trx) => sql`TRUNCATE audit_events`.execute(trx)),
        /permission denied/,
      );
      await assert.rejects(
        asApp((trx) => sql`DELETE FROM audit_heads`.execute(trx)),
        /permission denied/,
      );
    } finally {
      await sql`DROP OWNED BY ${sql.id(role)}`.execute(db);
      await sql`DROP ROLE ${sql.id(role)}`.execute(db);
    }
  });

  async function currentSchema(): Promise<string> {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(
      database().db,
    );
    return rows[0]?.schema ?? 'public';
  }
});
