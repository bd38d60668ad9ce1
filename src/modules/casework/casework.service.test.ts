import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { AuditRepository } from '../../audit/audit.repository.ts';
import type { StaffRole } from '../../db/schema.ts';
import { exampleAnswers as tpsExample } from '../../programs/tps/flow.ts';
import { exampleAnswers as reliefExample } from '../../programs/wa-relief/flow.ts';
import type { AppServices } from '../../web/app-services.ts';
import { CaseExportService } from './case-export.service.ts';
import type { CaseworkService, StaffContext } from './casework.service.ts';

const rejectsWith = (code: string) => (error: unknown) =>
  (error as { code?: string }).code === code;

describeEachEngine(
  'casework: queues, claim-next, requests for information, decisions',
  (database, _engine, keyStore) => {
    let services: AppServices;
    let casework: CaseworkService;
    let organisationId: string;
    let otherOrganisationId: string;
    let personKeys: ReturnType<typeof testServices>['privacy']['personKeys'];
    const testPrivacyKeys = () => personKeys;

    async function staffMember(
      role: StaffRole,
      organisation = organisationId,
    ): Promise<StaffContext> {
      const staffId = randomUUID();
      await database()
        .db.insertInto('staff_accounts')
        .values({
          id: staffId,
          email: `${staffId}@example.org`,
          display_name: role,
          password_hash: 'x',
          password_must_change: false,
        })
        .execute();
      await database()
        .db.insertInto('staff_memberships')
        .values({ staff_id: staffId, organisation_id: organisation, role })
        .execute();
      return { staffId, memberships: [{ organisationId: organisation, role }] };
    }

    async function organisation(slug: string, programs: string[]): Promise<string> {
      const row = await database()
        .db.insertInto('organisations')
        .values({ slug: `${slug}-${randomUUID().slice(0, 8)}`, name: slug })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (programs.length > 0) {
        await database()
          .db.insertInto('organisation_programs')
          .values(programs.map((program) => ({ organisation_id: row.id, program })))
          .execute();
      }
      return row.id;
    }

    before(async () => {
      const built = testServices(database(), keyStore());
      services = built.services;
      personKeys = built.privacy.personKeys;
      casework = services.casework;
      organisationId = await organisation('clinic', ['tps', 'wa-relief']);
      otherOrganisationId = await organisation('elsewhere', []);
    });

    it('routes a submission to its organisation and never hands one case to two of twenty caseworkers', async () => {
      const submitted = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          services.applications.submitApi('tps', tpsExample, `claim-${i}-${randomUUID()}`, 'en'),
        ),
      );
      const workers = await Promise.all(
        Array.from({ length: 20 }, () => staffMember('caseworker')),
      );
      const claimed = await Promise.all(
        workers.map((staff) => casework.claimNext(staff, organisationId, 'tps')),
      );
      const got = claimed.filter((id): id is string => id !== null);
      assert.equal(got.length, 12, 'each case claimed once');
      assert.equal(new Set(got).size, 12, 'no case claimed twice');
      assert.deepEqual(new Set(got), new Set(submitted.map((receipt) => receipt.caseId)));
      const queue = await casework.queue(workers[0] as StaffContext, organisationId, {
        program: 'tps',
      });
      assert.ok(queue.every((row) => row.status === 'in_review' && row.waitingFor === 'review'));
    });

    it('keeps each organisation to its own cases, in the service layer', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'en');
      const outsider = await staffMember('supervisor', otherOrganisationId);
      await assert.rejects(
        casework.view(outsider, receipt.caseId),
        rejectsWith('BLG_CASE_NOT_FOUND'),
      );
      await assert.rejects(casework.queue(outsider, organisationId), rejectsWith('BLG_FORBIDDEN'));
      assert.equal(await casework.claimNext(outsider, otherOrganisationId), null);
      const organiser = await staffMember('organiser');
      await assert.rejects(casework.view(organiser, receipt.caseId), rejectsWith('BLG_FORBIDDEN'));
    });

    it('asks for information the applicant sees, then decides, audited, with a retention date', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'es');
      const worker = await staffMember('caseworker');
      // Claim until this case is ours (earlier tests may have left others waiting).
      let claimed: string | null = null;
      while (claimed !== receipt.caseId) {
        claimed = await casework.claimNext(worker, organisationId, 'tps');
        assert.ok(claimed, 'the case is claimable');
      }
      const navigator = await staffMember('navigator');
      await assert.rejects(
        casework.decide(navigator, receipt.caseId, { outcome: 'approved', reasonCodes: [] }),
        rejectsWith('BLG_FORBIDDEN'),
      );
      const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await casework.requestInformation(worker, receipt.caseId, {
        message: 'Envíe una copia de su pasaporte.',
        dueOn: due,
      });
      const status = await services.applications.status(receipt.reference, receipt.claimCode);
      assert.equal(status.status, 'info_requested');
      assert.deepEqual(status.infoRequests, [
        { message: 'Envíe una copia de su pasaporte.', dueOn: due },
      ]);
      const stored = JSON.stringify(
        await database().db.selectFrom('info_requests').selectAll().execute(),
      );
      assert.ok(!stored.includes('pasaporte'), 'the request is sealed');

      // The applicant answers; the case goes back to review and is decided.
      await casework.informationReceived(worker, receipt.caseId);
      assert.deepEqual(
        (await services.applications.status(receipt.reference, receipt.claimCode)).infoRequests,
        [],
      );
      await casework.decide(worker, receipt.caseId, {
        outcome: 'approved',
        reasonCodes: ['nationality', 'continuousResidence'],
        text: 'Todo en orden.',
      });
      await assert.rejects(
        casework.decide(worker, receipt.caseId, { outcome: 'denied', reasonCodes: [] }),
        rejectsWith('BLG_CASE_TRANSITION_REFUSED'),
        'a decided case is not decided again',
      );
      const detail = await casework.view(worker, receipt.caseId);
      assert.equal(detail.status, 'decided');
      assert.equal(detail.outcome, 'approved');
      assert.deepEqual(detail.answers, tpsExample);
      const decision = detail.events.find((event) => event.kind === 'decision');
      assert.equal(decision?.text, 'Todo en orden.');
      const events = await new AuditRepository(database().db).listForSubject(receipt.caseId);
      const types = events.map((event) => event.eventType);
      for (const type of ['case.transitioned', 'case.viewed', 'decision.made']) {
        assert.ok(types.includes(type), type);
      }
      const schedule = await database()
        .db.selectFrom('retention_schedule')
        .select(['basis'])
        .innerJoin('cases', 'cases.person_id', 'retention_schedule.person_id')
        .where('cases.id', '=', receipt.caseId)
        .execute();
      assert.deepEqual(schedule, [{ basis: 'final-decision' }]);
    });

    it('takes a fund case through award and payment, by the roles allowed', async () => {
      const receipt = await services.applications.submitApi(
        'wa-relief',
        reliefExample,
        randomUUID(),
        'en',
      );
      const worker = await staffMember('caseworker');
      const funds = await staffMember('fund-admin');
      let claimed: string | null = null;
      while (claimed !== receipt.caseId) {
        claimed = await casework.claimNext(worker, organisationId, 'wa-relief');
        assert.ok(claimed);
      }
      await casework.decide(worker, receipt.caseId, { outcome: 'approved', reasonCodes: [] });
      await assert.rejects(
        casework.advance(worker, receipt.caseId, 'awarded'),
        rejectsWith('BLG_FORBIDDEN'),
      );
      await assert.rejects(
        casework.advance(funds, receipt.caseId, 'paid'),
        rejectsWith('BLG_CASE_TRANSITION_REFUSED'),
      );
      await casework.advance(funds, receipt.caseId, 'awarded');
      await casework.advance(funds, receipt.caseId, 'paid');
      const status = await services.applications.status(receipt.reference, receipt.claimCode);
      assert.equal(status.status, 'paid');
    });

    it('exports cases as CSV: personal columns only for roles allowed them, formulas defused, audited', async () => {
      const answers = {
        ...tpsExample,
        applicant: { ...(tpsExample.applicant as object), familyName: '=HYPERLINK("x")' },
      };
      const receipt = await services.applications.submitApi('tps', answers, randomUUID(), 'en');
      const exporter = new CaseExportService({
        db: database().db,
        personKeys: testPrivacyKeys(),
      });
      const supervisor = await staffMember('supervisor');
      const plain = await exporter.exportCsv(supervisor, organisationId, { program: 'tps' });
      assert.match(plain.csv, new RegExp(receipt.reference));
      assert.doesNotMatch(plain.csv, /HYPERLINK|José/);
      const personal = await exporter.exportCsv(supervisor, organisationId, {
        program: 'tps',
        personal: true,
      });
      assert.match(personal.csv, /'=HYPERLINK/);
      assert.doesNotMatch(personal.csv, /(^|,)=HYPERLINK/m);
      const fundAdmin = await staffMember('fund-admin');
      await exporter.exportCsv(fundAdmin, organisationId);
      await assert.rejects(
        exporter.exportCsv(fundAdmin, organisationId, { personal: true }),
        rejectsWith('BLG_FORBIDDEN'),
      );
      await assert.rejects(
        exporter.exportCsv(await staffMember('caseworker'), organisationId),
        rejectsWith('BLG_FORBIDDEN'),
      );
      const exports = await database()
        .db.selectFrom('audit_events')
        .select('details')
        .where('event_type', '=', 'export.created')
        .where('actor', '=', supervisor.staffId)
        .execute();
      assert.equal(exports.length, 2);
    });

    it('flags a possible duplicate by blind index, without reading the other person', async () => {
      const first = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'en');
      const second = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'en');
      const supervisor = await staffMember('supervisor');
      const detail = await casework.view(supervisor, second.caseId);
      assert.ok(detail.possibleDuplicates.includes(first.reference));
      assert.ok(!detail.possibleDuplicates.includes(second.reference));
      const reads = await database()
        .db.selectFrom('audit_events')
        .select('subject')
        .where('event_type', '=', 'person.data_read')
        .where('actor', '=', supervisor.staffId)
        .execute();
      assert.equal(reads.length, 1, 'only the viewed case’s applicant was read');
    });

    it('acts in bulk with the same checks as one case at a time, and counts what it skipped', async () => {
      const receipts = await Promise.all(
        [1, 2, 3].map(() => services.applications.submitApi('tps', tpsExample, randomUUID(), 'en')),
      );
      const ids = receipts.map((receipt) => receipt.caseId);
      const supervisor = await staffMember('supervisor');
      const worker = await staffMember('caseworker');
      await assert.rejects(
        casework.bulk(worker, organisationId, ids, { kind: 'assign', assigneeId: worker.staffId }),
        rejectsWith('BLG_FORBIDDEN'),
      );
      const foreign = await services.applications.submitApi(
        'wa-relief',
        reliefExample,
        randomUUID(),
        'en',
      );
      const assigned = await casework.bulk(supervisor, organisationId, [...ids, randomUUID()], {
        kind: 'assign',
        assigneeId: worker.staffId,
      });
      assert.deepEqual(assigned, { done: 3, skipped: 1 });
      assert.ok(foreign.caseId);
      // Nothing is in review yet, so no request can be sent and nothing approved.
      const approved = await casework.bulk(supervisor, organisationId, ids, { kind: 'approve' });
      assert.deepEqual(approved, { done: 0, skipped: 3 });
      await assert.rejects(
        casework.bulk(supervisor, organisationId, ids, {
          kind: 'request_info',
          message: '',
          dueOn: '2099-01-01',
        }),
        rejectsWith('BLG_BAD_REQUEST'),
      );
    });
  },
  { keyStore: true },
);
