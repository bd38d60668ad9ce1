import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { sharedRules, testServices } from '../../../test/support/services.ts';
import { exampleAnswers as tpsExample } from '../../programs/tps/flow.ts';
import { exampleAnswers as reliefExample } from '../../programs/wa-relief/flow.ts';
import type { AppServices } from '../../web/app-services.ts';
import { ApplicationInvalid, type ApplicationsService } from './applications.service.ts';

const rejectsWith = (code: string) => (error: unknown) =>
  (error as { code?: string }).code === code;

describeEachEngine(
  'applications: drafts, resume, idempotent submission, status',
  (database, _engine, keyStore) => {
    let services: AppServices;
    let applications: ApplicationsService;
    beforeEach(() => {
      services = testServices(database(), keyStore()).services;
      applications = services.applications;
    });

    it('saves a draft sealed at every page, and reopens it only with its cookie secret', async () => {
      const started = await applications.startDraft('tps');
      const draft = await applications.openDraft(started.draftId, started.accessToken);
      assert.deepEqual(draft.answers, {});
      assert.equal(draft.resumeCode, started.resumeCode);
      await applications.saveAnswers(draft, tpsExample);
      const again = await applications.openDraft(started.draftId, started.accessToken);
      assert.deepEqual(again.answers, tpsExample);
      await assert.rejects(
        applications.openDraft(started.draftId, 'x'.repeat(43)),
        rejectsWith('BLG_DRAFT_NOT_FOUND'),
      );
      const row = await database()
        .db.selectFrom('application_drafts')
        .selectAll()
        .where('id', '=', started.draftId)
        .executeTakeFirstOrThrow();
      const stored = JSON.stringify(row);
      for (const plain of ['José', 'Example', '1990-11-02', started.resumeCode]) {
        assert.ok(!stored.includes(plain), `${plain} is sealed`);
      }
      const schedule = await database()
        .db.selectFrom('retention_schedule')
        .selectAll()
        .where('person_id', '=', draft.personId)
        .execute();
      assert.deepEqual(
        schedule.map((entry) => [entry.program, entry.basis]),
        [['tps', 'draft-saved']],
      );
    });

    it('resumes with the code and birth date, and locks after five wrong birth dates', async () => {
      const started = await applications.startDraft('tps');
      const draft = await applications.openDraft(started.draftId, started.accessToken);
      await applications.saveAnswers(draft, tpsExample);
      const typed = started.resumeCode.toLowerCase().replaceAll('-', ' ');
      const resumed = await applications.resume(typed, '1990-11-02');
      assert.equal(resumed.draftId, started.draftId);
      // The new secret opens it; the old one no longer does.
      await applications.openDraft(resumed.draftId, resumed.accessToken);
      await assert.rejects(
        applications.openDraft(started.draftId, started.accessToken),
        rejectsWith('BLG_DRAFT_NOT_FOUND'),
      );
      await assert.rejects(
        applications.resume('0000-0000-0000', '1990-11-02'),
        rejectsWith('BLG_RESUME_FAILED'),
      );
      for (let i = 0; i < 5; i++) {
        await assert.rejects(
          applications.resume(typed, '1990-11-03'),
          rejectsWith('BLG_RESUME_FAILED'),
        );
      }
      await assert.rejects(
        applications.resume(typed, '1990-11-02'),
        rejectsWith('BLG_RESUME_LOCKED'),
      );
    });

    it('submits a draft once, however often it is sent, and keeps it while the case is open', async () => {
      const started = await applications.startDraft('wa-relief');
      const draft = await applications.openDraft(started.draftId, started.accessToken);
      await assert.rejects(applications.submitDraft(draft, 'en'), ApplicationInvalid);
      await applications.saveAnswers(draft, reliefExample);
      const ready = await applications.openDraft(started.draftId, started.accessToken);
      // A double click: two submissions at once.
      const [first, second] = await Promise.all([
        applications.submitDraft(ready, 'es'),
        applications.submitDraft(ready, 'es'),
      ]);
      assert.equal(first.reference, second.reference);
      assert.equal(first.claimCode, second.claimCode);
      const reload = await applications.submitDraft(
        await applications.openDraft(started.draftId, started.accessToken),
        'es',
      );
      assert.equal(reload.reference, first.reference);
      assert.equal(reload.replayed, true);
      const cases = await database()
        .db.selectFrom('cases')
        .selectAll()
        .where('person_id', '=', draft.personId)
        .execute();
      assert.equal(cases.length, 1);
      assert.equal(cases[0]?.language, 'es');
      assert.equal(cases[0]?.rules_version, sharedRules().parameters.version);
      assert.match(cases[0]?.flow_version ?? '', /\S/);
      const held = await database()
        .db.selectFrom('retention_schedule')
        .select('program')
        .where('person_id', '=', draft.personId)
        .execute();
      assert.deepEqual(held, [], 'an open case has no forget date');

      const status = await applications.status(first.reference.toLowerCase(), first.claimCode);
      assert.equal(status.status, 'submitted');
      assert.equal(status.program, 'wa-relief');
      assert.match(status.decisionDueOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(Object.keys(status).sort(), [
        'decidedAt',
        'decisionDueOn',
        'infoRequests',
        'program',
        'reference',
        'status',
        'submittedAt',
      ]);
      await assert.rejects(
        applications.status(first.reference, '0000-0000-0000'),
        rejectsWith('BLG_CASE_NOT_FOUND'),
      );
    });

    it('takes a partner submission once per Idempotency-Key, and refuses the key for other answers', async () => {
      await assert.rejects(
        applications.submitApi('tps', tpsExample, undefined, 'en'),
        rejectsWith('BLG_IDEMPOTENCY_KEY_REQUIRED'),
      );
      await assert.rejects(
        applications.submitApi('citizenship-now', tpsExample, 'key-1', 'en'),
        rejectsWith('BLG_UNKNOWN_PROGRAM'),
      );
      const malformed = await applications
        .submitApi('tps', { ...tpsExample, presenceSince: '2001-02-31' }, 'key-bad', 'en')
        .catch((error: unknown) => error);
      assert.ok(malformed instanceof ApplicationInvalid);
      assert.deepEqual(
        malformed.fields.map((field) => [field.path, field.code]),
        [['presenceSince', 'invalid-date']],
      );

      const key = `partner-${Date.now()}`;
      const results = await Promise.all(
        Array.from({ length: 4 }, () => applications.submitApi('tps', tpsExample, key, 'en')),
      );
      assert.equal(new Set(results.map((result) => result.reference)).size, 1);
      assert.equal(results.filter((result) => !result.replayed).length, 1);
      // Keys in another order are the same request.
      const reordered = Object.fromEntries(Object.entries(tpsExample).reverse());
      const replay = await applications.submitApi('tps', reordered, key, 'en');
      assert.equal(replay.reference, results[0]?.reference);
      await assert.rejects(
        applications.submitApi('tps', { ...tpsExample, residenceSince: '2000-12-02' }, key, 'en'),
        rejectsWith('BLG_IDEMPOTENCY_KEY_REUSED'),
      );
      const count = await database()
        .db.selectFrom('cases')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('idempotency_key', 'like', 'api:%')
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    it('reports a case with its answers, and after forgetting keeps only what statistics need', async () => {
      const receipt = await applications.submitApi('tps', tpsExample, `forget-${Date.now()}`, 'en');
      const row = await database()
        .db.selectFrom('cases')
        .select('person_id')
        .where('id', '=', receipt.caseId)
        .executeTakeFirstOrThrow();
      const report = await services.personPrivacy.report(row.person_id);
      const cases = report.records.find((section) => section.source === 'cases');
      assert.deepEqual(cases?.records[0]?.fields.answers, tpsExample);
      assert.deepEqual(report.blindIndexes, [
        'applicant.birth_date',
        'applicant.email',
        'applicant.family_name',
        'applicant.given_name',
      ]);

      await services.personPrivacy.forget(row.person_id);
      const after = await services.personPrivacy.report(row.person_id);
      const kept = after.records.find((section) => section.source === 'cases')?.records[0];
      assert.equal(kept?.fields.answers, null);
      assert.equal(kept?.fields.program, 'tps');
      assert.deepEqual(after.blindIndexes, []);
      await assert.rejects(
        applications.status(receipt.reference, receipt.claimCode),
        rejectsWith('BLG_CASE_NOT_FOUND'),
      );
      const stored = await database()
        .db.selectFrom('cases')
        .select(['answers', 'claim_code', 'status'])
        .where('id', '=', receipt.caseId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { answers: null, claim_code: null, status: 'submitted' });
    });
  },
  { keyStore: true },
);
