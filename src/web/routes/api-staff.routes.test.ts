import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { signedInStaff, staffOfEveryRole, testOrganisation } from '../../../test/support/staff.ts';
import { type StaffRole, staffRoles } from '../../db/schema.ts';
import { AccountsService } from '../../modules/accounts/accounts.service.ts';
import { totpCodeAt } from '../../modules/accounts/totp.ts';
import { type Action, may } from '../../modules/casework/permissions.ts';
import { exampleAnswers as tpsExample } from '../../programs/tps/flow.ts';
import type { AppServices } from '../app-services.ts';

type App = ReturnType<typeof testApp>['app'];

interface ApiError {
  error: { code: string; message: string; fields?: { path: string; code: string }[] };
}

describeEachEngine(
  'staff JSON API',
  (database, _engine, keyStore) => {
    let app: App;
    let services: AppServices;
    let organisationId: string;
    const tokens = new Map<StaffRole, string>();

    before(async () => {
      const built = testServices(database(), keyStore());
      services = built.services;
      app = testApp({ database: database(), services, rules: built.rules }).app;
      organisationId = await testOrganisation(database().db, ['tps']);
      for (const [role, staff] of await staffOfEveryRole(database().db, services, organisationId)) {
        tokens.set(role, staff.token);
      }
    });

    /** A JSON request to the API, with a bearer token when given. */
    function call(
      method: 'GET' | 'POST' | 'DELETE',
      path: string,
      options: { token?: string | undefined; body?: unknown; raw?: string; type?: string } = {},
    ) {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.raw !== undefined || options.body !== undefined) {
        headers['content-type'] = options.type ?? 'application/json';
        body = options.raw ?? JSON.stringify(options.body);
      }
      return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    }

    const submitted = async (language = 'en') =>
      services.applications.submitApi('tps', tpsExample, randomUUID(), language);

    it('signs in with a password and a TOTP code, then answers with the bearer token', async () => {
      const staff = await signedInStaff(database().db, services, {
        organisationId,
        role: 'caseworker',
      });
      const wrong = await call('POST', '/api/v1/staff/sessions', {
        body: { email: staff.email, password: 'not the password at all' },
      });
      assert.equal(wrong.status, 401);
      assert.equal(((await wrong.json()) as ApiError).error.code, 'BLG_STAFF_SIGN_IN_FAILED');

      const opened = await call('POST', '/api/v1/staff/sessions', {
        body: { email: staff.email, password: staff.password },
      });
      assert.equal(opened.status, 201);
      assert.equal(opened.headers.get('cache-control'), 'no-store');
      const half = (await opened.json()) as { token: string; next: string };
      assert.equal(half.next, 'second-factor');

      const early = await call('GET', '/api/v1/staff/queue', { token: half.token });
      assert.equal(early.status, 401, 'a password alone opens nothing');
      assert.match(early.headers.get('www-authenticate') ?? '', /^Bearer/);

      // The code of the next 30-second step: the enrolment used the current one.
      const code = totpCodeAt(staff.totpSecret, new Date(Date.now() + 30_000));
      const proven = await call('POST', '/api/v1/staff/sessions/second-factor', {
        token: half.token,
        body: { code },
      });
      assert.equal(proven.status, 200);
      const { token } = (await proven.json()) as { token: string };
      assert.notEqual(token, half.token);

      const queue = await call('GET', '/api/v1/staff/queue', { token });
      assert.equal(queue.status, 200);
      const listed = (await queue.json()) as { organisationId: string; cases: unknown[] };
      assert.equal(listed.organisationId, organisationId);
      assert.ok(Array.isArray(listed.cases));

      assert.equal((await call('DELETE', '/api/v1/staff/sessions/current', { token })).status, 204);
      assert.equal((await call('GET', '/api/v1/staff/queue', { token })).status, 401);
    });

    it('sends an account that never finished first sign-in to the browser', async () => {
      const created = await new AccountsService(database().db).createStaffWithOneTimePassword({
        email: `new-${randomUUID().slice(0, 8)}@example.org`,
        displayName: 'New Navigator',
        organisationId,
        role: 'navigator',
      });
      const response = await call('POST', '/api/v1/staff/sessions', {
        body: { email: created.email, password: created.oneTimePassword },
      });
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as ApiError).error.code, 'BLG_STAFF_ENROL_REQUIRED');
    });

    it('claims, requests information the applicant sees, and decides', async () => {
      const receipt = await submitted('es');
      const token = tokens.get('caseworker');
      let claimed: string | null = null;
      // Earlier tests may have left older cases first in the queue: claim until ours.
      for (let tries = 0; tries < 50 && claimed !== receipt.caseId; tries++) {
        const response = await call('POST', '/api/v1/staff/queue/claim', {
          token,
          body: { organisationId, program: 'tps' },
        });
        assert.equal(response.status, 200);
        claimed = ((await response.json()) as { caseId: string | null }).caseId;
        if (claimed === null) break;
      }
      assert.equal(claimed, receipt.caseId);

      const viewed = await call('GET', `/api/v1/staff/cases/${receipt.caseId}`, { token });
      assert.equal(viewed.status, 200);
      const detail = (await viewed.json()) as {
        reference: string;
        status: string;
        language: string;
        answers: Record<string, unknown> | null;
        evaluation: { reasons: { rule: string }[] } | null;
      };
      assert.equal(detail.reference, receipt.reference);
      assert.equal(detail.status, 'in_review');
      assert.equal(detail.language, 'es');
      assert.ok(detail.answers, 'a caseworker reads the answers');
      assert.ok(detail.evaluation && detail.evaluation.reasons.length > 0);

      const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const asked = await call(
        'POST',
        `/api/v1/staff/cases/${receipt.caseId}/information-requests`,
        {
          token,
          body: { message: 'Please send your EAD card, both sides.', dueOn: due },
        },
      );
      assert.equal(asked.status, 204);
      const status = await app.request(`/api/v1/applications/${receipt.reference}`, {
        headers: { 'x-claim-code': receipt.claimCode },
      });
      const seen = (await status.json()) as { status: string; infoRequests: { dueOn: string }[] };
      assert.equal(seen.status, 'info_requested');
      assert.deepEqual(
        seen.infoRequests.map((request) => request.dueOn),
        [due],
      );

      assert.equal(
        (
          await call('POST', `/api/v1/staff/cases/${receipt.caseId}/information-received`, {
            token,
            body: {},
          })
        ).status,
        204,
      );
      const decided = await call('POST', `/api/v1/staff/cases/${receipt.caseId}/decision`, {
        token,
        body: { outcome: 'approved', reasonCodes: [], text: 'Registration complete.' },
      });
      assert.equal(decided.status, 204);
      const after = await call('GET', `/api/v1/staff/cases/${receipt.caseId}`, { token });
      const final = (await after.json()) as { status: string; outcome: string };
      assert.deepEqual([final.status, final.outcome], ['decided', 'approved']);
    });

    it('walks every role through every API route, as the permission table says', async () => {
      const receipt = await submitted();
      const caseBase = `/api/v1/staff/cases/${receipt.caseId}`;
      const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      const routes: {
        method: 'GET' | 'POST';
        path: string;
        action: Action;
        body?: unknown;
      }[] = [
        {
          method: 'GET',
          path: `/api/v1/staff/queue?organisation=${organisationId}`,
          action: 'queue.view',
        },
        { method: 'GET', path: caseBase, action: 'case.view' },
        {
          method: 'POST',
          path: `${caseBase}/notes`,
          action: 'case.note',
          body: { text: 'Called.' },
        },
        {
          method: 'POST',
          path: `${caseBase}/information-requests`,
          action: 'case.request_info',
          body: { message: 'Your passport, please.', dueOn: due },
        },
        {
          method: 'POST',
          path: `${caseBase}/station`,
          action: 'clinic.move',
          body: { station: 'preparation' },
        },
        {
          method: 'POST',
          path: '/api/v1/staff/queue/claim',
          action: 'case.claim',
          body: { organisationId },
        },
        {
          method: 'POST',
          path: '/api/v1/staff/queue/bulk',
          action: 'case.bulk_assign',
          body: { organisationId, kind: 'assign', caseIds: [receipt.caseId], confirmCount: 1 },
        },
        {
          method: 'POST',
          path: `${caseBase}/decision`,
          action: 'case.decide',
          body: { outcome: 'withdrawn', reasonCodes: [] },
        },
        { method: 'GET', path: '/api/v1/staff/processing-times', action: 'processing_times.view' },
      ];
      for (const route of routes) {
        for (const role of staffRoles) {
          const response = await call(route.method, route.path, {
            token: tokens.get(role),
            ...(route.body === undefined ? {} : { body: route.body }),
          });
          const where = `${role} ${route.method} ${route.path} (${route.action}) → ${response.status}`;
          assert.ok(response.status < 500, where);
          if (may(role, route.action)) assert.notEqual(response.status, 403, where);
          else assert.ok([403, 404].includes(response.status), where);
        }
      }
    });

    it("never shows one organisation's case to another's staff", async () => {
      const receipt = await submitted();
      const elsewhere = await testOrganisation(database().db, ['tps']);
      const stranger = await signedInStaff(database().db, services, {
        organisationId: elsewhere,
        role: 'supervisor',
      });
      const response = await call('GET', `/api/v1/staff/cases/${receipt.caseId}`, {
        token: stranger.token,
      });
      assert.equal(response.status, 404);
      const queue = await call('GET', `/api/v1/staff/queue?organisation=${organisationId}`, {
        token: stranger.token,
      });
      assert.equal(queue.status, 403);
    });

    it('refuses bodies field by field with coded 4xx answers', async () => {
      const token = tokens.get('supervisor');
      const receipt = await submitted();
      const unknown = await call('POST', `/api/v1/staff/cases/${receipt.caseId}/notes`, {
        token,
        body: { text: 'ok', colour: 'blue' },
      });
      assert.equal(unknown.status, 422);
      const refused = (await unknown.json()) as ApiError;
      assert.equal(refused.error.code, 'BLG_REQUEST_INVALID');
      assert.deepEqual(
        refused.error.fields?.map((field) => [field.path, field.code]),
        [['colour', 'invalid']],
      );

      const missing = await call('POST', `/api/v1/staff/cases/${receipt.caseId}/decision`, {
        token,
        body: {},
      });
      assert.deepEqual(
        ((await missing.json()) as ApiError).error.fields?.map((field) => [field.path, field.code]),
        [['outcome', 'required']],
      );

      const notJson = await call('POST', `/api/v1/staff/cases/${receipt.caseId}/notes`, {
        token,
        raw: 'text=hello',
        type: 'application/x-www-form-urlencoded',
      });
      assert.equal(notJson.status, 415);
      const broken = await call('POST', `/api/v1/staff/cases/${receipt.caseId}/notes`, {
        token,
        raw: '{"text":',
      });
      assert.equal(broken.status, 400);

      const miscount = await call('POST', '/api/v1/staff/queue/bulk', {
        token,
        body: { organisationId, kind: 'approve', caseIds: [receipt.caseId], confirmCount: 2 },
      });
      assert.equal(miscount.status, 422);
      assert.equal(((await miscount.json()) as ApiError).error.fields?.[0]?.path, 'confirmCount');
    });

    it('answers any fuzzed body on any route with a 2xx or a coded 4xx, never a 5xx', async () => {
      const receipt = await submitted();
      const token = tokens.get('supervisor');
      const paths = [
        '/api/v1/staff/sessions',
        '/api/v1/staff/sessions/second-factor',
        '/api/v1/staff/queue/claim',
        '/api/v1/staff/queue/bulk',
        ...[
          'assignment',
          'information-requests',
          'information-received',
          'decision',
          'advance',
          'notes',
          'station',
        ].map((action) => `/api/v1/staff/cases/${receipt.caseId}/${action}`),
        `/api/v1/staff/cases/${randomUUID()}/notes`,
        '/api/v1/staff/cases/not-a-case/notes',
      ];
      const field = fc.constantFrom(
        'email',
        'password',
        'code',
        'organisationId',
        'program',
        'kind',
        'caseIds',
        'confirmCount',
        'assigneeId',
        'message',
        'dueOn',
        'outcome',
        'reasonCodes',
        'text',
        'to',
        'station',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...paths),
          fc.oneof(
            fc.dictionary(field, fc.jsonValue({ maxDepth: 2 })),
            fc.jsonValue({ maxDepth: 3 }),
          ),
          fc.option(fc.constant(token)),
          async (path, body, bearer) => {
            const response = await call('POST', path, {
              ...(bearer ? { token: bearer } : {}),
              body,
            });
            assert.ok(
              response.status < 500,
              `${path} answered ${response.status} to ${JSON.stringify(body).slice(0, 200)}`,
            );
            if (response.status >= 400) {
              const answer = (await response.json()) as ApiError;
              assert.match(answer.error.code, /^BLG_[A-Z_]+$/);
            }
          },
        ),
        { numRuns: 120 },
      );
    });
  },
  { keyStore: true },
);
