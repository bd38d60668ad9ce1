import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachEngine } from '../../test/support/engines.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditEventRejected, type RecordAuditEvent, recordAuditEvent } from './audit.service.ts';
import type { AuditEventType } from './audit-events.ts';

describeEachEngine('audit service', (database) => {
  it('records an event that fits its type, with its details as given', async () => {
    const organisationId = randomUUID();
    const caseId = randomUUID();
    const recorded = await recordAuditEvent(database().db, {
      organisationId,
      type: 'decision.made',
      actor: randomUUID(),
      subject: caseId,
      details: { programId: 'tps', outcome: 'approved' },
    });
    assert.equal(recorded.eventType, 'decision.made');
    assert.deepEqual(recorded.details, { programId: 'tps', outcome: 'approved' });
    const [read] = await new AuditRepository(database().db).listForSubject(caseId);
    assert.deepEqual(read, recorded);
  });

  it('refuses, naming the field but never the value, anything outside the allow-list', async () => {
    const canary = 'Zyxwvut Canary-Quintero';
    const organisationId = randomUUID();
    const person = randomUUID();
    const attempts: RecordAuditEvent<AuditEventType>[] = [
      // A name where a column name belongs.
      {
        organisationId,
        type: 'person.data_read',
        actor: 'system',
        subject: person,
        details: { fields: [canary] },
      },
      // A field the type does not allow.
      {
        organisationId,
        type: 'person.data_read',
        actor: 'system',
        subject: person,
        details: { fields: ['given_name'], note: canary } as never,
      },
      // A name as the subject.
      {
        organisationId,
        type: 'person.forgotten',
        actor: 'system',
        subject: canary,
        details: { reason: 'request' },
      },
      // A subject on an event about no one.
      {
        organisationId,
        type: 'staff.signed_in',
        actor: randomUUID(),
        subject: person,
        details: { method: 'password' },
      },
      // A person's event without its person.
      { organisationId, type: 'person.report_created', actor: 'system', details: {} },
      // An actor that is neither a staff id nor the system.
      { organisationId, type: 'case.viewed', actor: canary, subject: person, details: {} },
      // A type that is not on the list.
      { organisationId, type: 'person.searched' as AuditEventType, actor: 'system', details: {} },
      { organisationId, type: 'constructor' as AuditEventType, actor: 'system', details: {} },
    ];
    for (const attempt of attempts) {
      await assert.rejects(recordAuditEvent(database().db, attempt), (error: Error) => {
        assert.ok(error instanceof AuditEventRejected, error.message);
        assert.ok(!error.message.includes('Canary'), error.message);
        return true;
      });
    }
    assert.equal(await new AuditRepository(database().db).findHead(organisationId), undefined);
  });
});
