import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { describeEachEngine } from '../../test/support/engines.ts';
import type { Database } from '../db/schema.ts';
import type { AuditEvent } from './audit.repository.ts';
import { recordAuditEvent } from './audit.service.ts';
import { hashAuditEvent } from './audit-hash.ts';
import { verifyChain } from './audit-verify.service.ts';

/** A chain of `length` events for a new organisation. */
async function chainOf(db: Kysely<Database>, length: number): Promise<AuditEvent[]> {
  const organisationId = randomUUID();
  const events: AuditEvent[] = [];
  for (let n = 0; n < length; n++) {
    events.push(
      await recordAuditEvent(db, {
        organisationId,
        type: 'person.data_read',
        actor: randomUUID(),
        subject: randomUUID(),
        details: { fields: ['given_name', 'birth_date'], purpose: 'eligibility' },
      }),
    );
  }
  return events;
}

/**
 * Changes the log the way someone with the database owner's rights could:
 * the append-only triggers switched off for the statements, then on again.
 */
async function tamper(db: Kysely<Database>, ...statements: RawBuilder<unknown>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
    await sql`ALTER TABLE audit_heads DISABLE TRIGGER USER`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    await sql`ALTER TABLE audit_heads ENABLE TRIGGER USER`.execute(trx);
  });
}

describeEachEngine('audit chain verification', (database) => {
  it('finds an untouched chain intact and reports its length and head', async () => {
    const events = await chainOf(database().db, 4);
    const organisationId = events[0]?.organisationId ?? null;
    const report = await verifyChain(database().db, organisationId);
    assert.equal(report.intact, true);
    assert.deepEqual(report.breaks, []);
    assert.deepEqual(report.chains, [{ organisationId, events: 4, headHash: events[3]?.hash }]);
  });

  it('finds an empty chain intact', async () => {
    const report = await verifyChain(database().db, randomUUID());
    assert.equal(report.intact, true);
    assert.equal(report.chains[0]?.events, 0);
  });

  it('detects an edited field', async () => {
    const events = await chainOf(database().db, 5);
    const target = events[2];
    assert.ok(target);
    await tamper(
      database().db,
      sql`UPDATE audit_events SET details = '{"fields":["given_name"],"purpose":"eligibility"}'
          WHERE id = ${target.id}`,
    );
    const report = await verifyChain(database().db, target.organisationId);
    assert.equal(report.intact, false);
    assert.deepEqual(
      { ...report.breaks[0], description: undefined },
      {
        organisationId: target.organisationId,
        sequence: 3,
        eventId: target.id,
        problem: 'altered',
        description: undefined,
      },
    );
    assert.match(report.breaks[0]?.description ?? '', /broken at event 3: .*edited/);
  });

  it('detects an edit that also recomputes the edited event’s own hash', async () => {
    const events = await chainOf(database().db, 4);
    const target = events[1];
    assert.ok(target);
    const forged = { ...target, actor: 'system' };
    const forgedHash = hashAuditEvent(forged);
    await tamper(
      database().db,
      sql`UPDATE audit_events SET actor = 'system', hash = ${forgedHash} WHERE id = ${target.id}`,
    );
    const broken = (await verifyChain(database().db, target.organisationId)).breaks[0];
    assert.equal(broken?.problem, 'out_of_order');
    assert.equal(broken?.sequence, 3);
  });

  it('detects a removed event', async () => {
    const events = await chainOf(database().db, 5);
    const target = events[1];
    assert.ok(target);
    await tamper(database().db, sql`DELETE FROM audit_events WHERE id = ${target.id}`);
    const broken = (await verifyChain(database().db, target.organisationId)).breaks[0];
    assert.equal(broken?.problem, 'missing');
    assert.equal(broken?.sequence, 2);
  });

  it('detects two events whose places were swapped', async () => {
    const events = await chainOf(database().db, 5);
    const [, , third, fourth] = events;
    assert.ok(third && fourth);
    await tamper(
      database().db,
      sql`UPDATE audit_events SET sequence = 1000 WHERE id = ${third.id}`,
      sql`UPDATE audit_events SET sequence = 3 WHERE id = ${fourth.id}`,
      sql`UPDATE audit_events SET sequence = 4 WHERE id = ${third.id}`,
    );
    const broken = (await verifyChain(database().db, third.organisationId)).breaks[0];
    assert.equal(broken?.problem, 'out_of_order');
    assert.equal(broken?.sequence, 3);
    assert.equal(broken?.eventId, fourth.id);
  });

  it('detects a removed tail against the recorded head', async () => {
    const events = await chainOf(database().db, 5);
    const organisationId = events[0]?.organisationId ?? null;
    await tamper(
      database().db,
      sql`DELETE FROM audit_events WHERE organisation_id = ${organisationId} AND sequence > 3`,
    );
    const broken = (await verifyChain(database().db, organisationId)).breaks[0];
    assert.equal(broken?.problem, 'truncated');
    assert.equal(broken?.sequence, 4);
  });

  it('detects a chain emptied of every event', async () => {
    const events = await chainOf(database().db, 2);
    const organisationId = events[0]?.organisationId ?? null;
    await tamper(
      database().db,
      sql`DELETE FROM audit_events WHERE organisation_id = ${organisationId}`,
    );
    assert.equal(
      (await verifyChain(database().db, organisationId)).breaks[0]?.problem,
      'truncated',
    );
  });

  it('detects a well-formed event written around the repository', async () => {
    const events = await chainOf(database().db, 2);
    const last = events[1];
    assert.ok(last);
    const forged = {
      ...last,
      id: randomUUID(),
      sequence: 3,
      previousHash: last.hash,
      occurredAt: new Date(),
    };
    const hash = hashAuditEvent(forged);
    await database()
      .db.insertInto('audit_events')
      .values({
        id: forged.id,
        organisation_id: forged.organisationId,
        sequence: 3,
        event_type: forged.eventType,
        actor: forged.actor,
        subject: forged.subject,
        details: JSON.stringify(forged.details),
        occurred_at: forged.occurredAt,
        previous_hash: forged.previousHash,
        hash,
      })
      .execute();
    const broken = (await verifyChain(database().db, last.organisationId)).breaks[0];
    assert.equal(broken?.problem, 'beyond_head');
    assert.equal(broken?.sequence, 3);
  });

  it('detects a chain whose head was removed', async () => {
    const events = await chainOf(database().db, 2);
    const organisationId = events[0]?.organisationId ?? null;
    await tamper(
      database().db,
      sql`DELETE FROM audit_heads WHERE organisation_id = ${organisationId}`,
    );
    assert.equal(
      (await verifyChain(database().db, organisationId)).breaks[0]?.problem,
      'head_missing',
    );
  });

  it('checks every chain when no organisation is named, reporting each broken one', async () => {
    const intact = await chainOf(database().db, 2);
    const broken = await chainOf(database().db, 3);
    const target = broken[0];
    assert.ok(target);
    await tamper(
      database().db,
      sql`UPDATE audit_events SET details = jsonb_set(details, '{purpose}', '"x"') WHERE id = ${target.id}`,
    );
    const report = await verifyChain(database().db);
    assert.equal(report.intact, false);
    const chainIds = report.chains.map((chain) => chain.organisationId);
    assert.ok(chainIds.includes(intact[0]?.organisationId ?? null));
    assert.ok(chainIds.includes(target.organisationId));
    const mine = report.breaks.filter((item) => item.organisationId === target.organisationId);
    assert.deepEqual(
      mine.map((item) => [item.problem, item.sequence]),
      [['altered', 1]],
    );
    assert.equal(
      report.breaks.some((item) => item.organisationId === intact[0]?.organisationId),
      false,
    );
  });
});
