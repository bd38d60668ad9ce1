import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { auditEventTypeNames, auditEventTypes, isAuditEventType } from './audit-events.ts';

const documentation = readFileSync(new URL('../../docs/audit-events.md', import.meta.url), 'utf8');

/** The sections of docs/audit-events.md, one per event type, by the type's name. */
function documentedEvents(): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = documentation.split(/^### `([a-z_]+\.[a-z_]+)`$/m);
  for (let i = 1; i < parts.length; i += 2) {
    sections.set(parts[i] as string, (parts[i + 1] ?? '').split(/^## /m)[0] ?? '');
  }
  return sections;
}

describe('audit event types', () => {
  it('are the same list in the code and in docs/audit-events.md', () => {
    assert.deepEqual([...documentedEvents().keys()].sort(), [...auditEventTypeNames].sort());
  });

  it('include the events the privacy model promises', () => {
    for (const name of [
      'case.viewed',
      'person.data_read',
      'person.data_written',
      'decision.made',
      'export.created',
      'person.forgotten',
      'person.report_created',
      'staff.signed_in',
      'staff.signed_out',
      'keys.rotated',
    ]) {
      assert.ok(isAuditEventType(name), name);
    }
    assert.equal(isAuditEventType('toString'), false);
  });

  it('each have a one-line description and every detail field documented', () => {
    const sections = documentedEvents();
    for (const name of auditEventTypeNames) {
      const definition = auditEventTypes[name];
      assert.match(definition.description, /^[^\n]{10,100}$/, name);
      for (const field of Object.keys(definition.details.shape)) {
        assert.match(
          sections.get(name) ?? '',
          new RegExp(`^- \`${field}\``, 'm'),
          `${name}.${field}`,
        );
      }
    }
  });

  it('refuse free text and unknown fields in details', () => {
    const read = auditEventTypes['person.data_read'].details;
    assert.equal(read.safeParse({ fields: ['given_name'] }).success, true);
    assert.equal(read.safeParse({ fields: ['María José Canary'] }).success, false);
    assert.equal(read.safeParse({ fields: ['given_name'], name: 'x' }).success, false);
    assert.equal(read.safeParse({ fields: [] }).success, false);
    const exported = auditEventTypes['export.created'].details;
    assert.equal(exported.safeParse({ kind: 'cases', format: 'csv', rows: 1.5 }).success, false);
  });
});
