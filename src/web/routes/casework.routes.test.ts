import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { signedInStaff, staffOfEveryRole, testOrganisation } from '../../../test/support/staff.ts';
import { Visitor } from '../../../test/support/visitor.ts';
import { type StaffRole, staffRoles } from '../../db/schema.ts';
import { may } from '../../modules/casework/permissions.ts';
import { exampleAnswers as naturalizationExample } from '../../programs/naturalization/flow.ts';
import { exampleAnswers as tpsExample } from '../../programs/tps/flow.ts';
import type { AppServices } from '../app-services.ts';

type App = ReturnType<typeof testApp>['app'];

describeEachEngine(
  'casework console',
  (database, _engine, keyStore) => {
    let app: App;
    let services: AppServices;
    let organisationId: string;
    const cookies = new Map<StaffRole, string>();
    const staffIds = new Map<StaffRole, string>();

    before(async () => {
      const built = testServices(database(), keyStore());
      services = built.services;
      app = testApp({ database: database(), services, rules: built.rules }).app;
      organisationId = await testOrganisation(database().db, ['tps']);
      for (const [role, staff] of await staffOfEveryRole(database().db, services, organisationId)) {
        cookies.set(role, staff.cookie);
        staffIds.set(role, staff.staffId);
      }
    });

    const visitor = (role: StaffRole) => {
      const v = new Visitor(app);
      const [name, value] = (cookies.get(role) ?? '').split('=');
      v.cookies.set(name ?? '', value ?? '');
      return v;
    };

    it('walks every role through every console route, as the permission table says', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'es');
      const org = `organisation=${organisationId}`;
      const caseBase = `/en/staff/cases/${receipt.caseId}`;
      const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      // Every route of the console with the action it needs. A role the
      // table refuses gets 403 (or the same 404 as a case it may not see);
      // a role it allows is never refused for its role — it may still meet
      // a 409 when an earlier role has moved the case on. `own-account`
      // marks what every role may do to its own account.
      const routes: {
        method: 'GET' | 'POST';
        path: string;
        action: Parameters<typeof may>[1] | 'own-account';
        form?: [string, string][];
      }[] = [
        { method: 'GET', path: `/en/staff/queue?${org}`, action: 'queue.view' },
        { method: 'POST', path: `/en/staff/queue/claim?${org}`, action: 'case.claim' },
        {
          method: 'POST',
          path: `/en/staff/queue/bulk?${org}`,
          action: 'case.bulk_assign',
          form: [
            ['kind', 'assign'],
            ['case', receipt.caseId],
          ],
        },
        {
          method: 'POST',
          path: `/en/staff/queue/bulk?${org}`,
          action: 'case.bulk_approve',
          form: [
            ['kind', 'approve'],
            ['case', receipt.caseId],
            ['confirm', 'yes'],
          ],
        },
        { method: 'GET', path: caseBase, action: 'case.view' },
        {
          method: 'POST',
          path: `${caseBase}/request-info`,
          action: 'case.request_info',
          form: [
            ['message', 'Bring your passport.'],
            ['dueOn', due],
          ],
        },
        { method: 'POST', path: `${caseBase}/received`, action: 'case.request_info' },
        {
          method: 'POST',
          path: `${caseBase}/decide`,
          action: 'case.decide',
          form: [['outcome', 'withdrawn']],
        },
        {
          method: 'POST',
          path: `${caseBase}/advance`,
          action: 'case.award',
          form: [['to', 'awarded']],
        },
        { method: 'POST', path: `${caseBase}/advance`, action: 'case.pay', form: [['to', 'paid']] },
        {
          method: 'POST',
          path: `${caseBase}/advance`,
          action: 'case.close',
          form: [['to', 'closed']],
        },
        {
          method: 'POST',
          path: `${caseBase}/note`,
          action: 'case.note',
          form: [['text', 'Called.']],
        },
        {
          method: 'POST',
          path: `${caseBase}/assign`,
          action: 'case.assign',
          form: [['assignee', staffIds.get('caseworker') ?? '']],
        },
        { method: 'GET', path: `${caseBase}/letter`, action: 'case.view' },
        {
          method: 'POST',
          path: `${caseBase}/station`,
          action: 'clinic.move',
          form: [['station', 'screening']],
        },
        { method: 'GET', path: `/en/staff/clinic?${org}`, action: 'clinic.move' },
        { method: 'GET', path: '/en/staff/processing-times', action: 'processing_times.view' },
        { method: 'GET', path: `/en/staff/export.csv?${org}`, action: 'export.cases' },
        {
          method: 'GET',
          path: `/en/staff/export.csv?${org}&personal=1`,
          action: 'export.cases_personal',
        },
        { method: 'GET', path: '/en/staff/password', action: 'own-account' },
        // Posted empty: refused for its missing fields (422), never for the role.
        { method: 'POST', path: '/en/staff/password', action: 'own-account' },
        { method: 'GET', path: '/en/staff/passkeys', action: 'own-account' },
        // Posted empty: a passkey that does not verify (422), or none to remove (404).
        { method: 'POST', path: '/en/staff/passkeys', action: 'own-account' },
        { method: 'POST', path: '/en/staff/passkeys/remove', action: 'own-account' },
      ];
      for (const route of routes) {
        for (const role of staffRoles) {
          const v = visitor(role);
          if (route.method === 'GET') {
            await v.get(route.path);
          } else {
            // A form token from the one page every staff member has.
            await v.get('/en/staff');
            const token = /name="_csrf" value="([^"]+)"/.exec(v.html)?.[1] ?? '';
            assert.ok(token, `${role} has a form token`);
            await v.post(route.path, [['_csrf', token], ...(route.form ?? [])]);
          }
          const allowed = route.action === 'own-account' || may(role, route.action);
          const where = `${role} ${route.method} ${route.path} (${route.action}) → ${v.status}`;
          assert.ok(v.status < 500, where);
          if (allowed) assert.notEqual(v.status, 403, where);
          else assert.ok([403, 404].includes(v.status), where);
        }
      }
    });

    it('signs nobody in by address alone: every console route needs a session', async () => {
      const anonymous = new Visitor(app);
      await anonymous.get(`/en/staff/queue?organisation=${organisationId}`);
      assert.match(anonymous.url, /\/staff\/sign-in$/);
      const post = await app.request(`/en/staff/queue/claim?organisation=${organisationId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'belong_csrf=x' },
        body: '_csrf=x',
      });
      assert.ok(post.status >= 400 && post.status < 500);
    });

    it('claims the next case, asks for information the applicant sees, decides, and writes the letter in Spanish', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'es');
      const worker = visitor('caseworker');
      for (let guard = 0; guard < 20; guard++) {
        await worker.get(`/en/staff/queue?organisation=${organisationId}`);
        const token = /name="_csrf" value="([^"]+)"/.exec(worker.html)?.[1] ?? '';
        await worker.post(`/en/staff/queue/claim?organisation=${organisationId}`, { _csrf: token });
        if (worker.url.endsWith(receipt.caseId)) break;
      }
      assert.ok(worker.url.endsWith(`/staff/cases/${receipt.caseId}`), worker.url);
      assert.match(worker.html, /José/, 'the caseworker reads the answers');
      const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await worker.post(`/en/staff/cases/${receipt.caseId}/request-info`, {
        message: 'Traiga su pasaporte.',
        dueOn: due,
      });
      const status = await services.applications.status(receipt.reference, receipt.claimCode);
      assert.deepEqual(status.infoRequests, [{ message: 'Traiga su pasaporte.', dueOn: due }]);
      await worker.post(`/en/staff/cases/${receipt.caseId}/received`, {});
      const rule = /name="reasons" value="([^"]+)"/.exec(worker.html)?.[1];
      await worker.post(`/en/staff/cases/${receipt.caseId}/decide`, [
        ['outcome', 'approved'],
        ...(rule ? ([['reasons', rule]] as [string, string][]) : []),
        ['text', 'Felicidades.'],
      ]);
      assert.equal(worker.status, 200);
      await worker.get(`/en/staff/cases/${receipt.caseId}/letter`);
      assert.equal(worker.status, 200);
      assert.match(worker.html, /lang="es"/);
      assert.match(worker.html, /Felicidades\./);
      assert.match(worker.html, /José Example/);
      const pdf = await app.request(`/en/staff/cases/${receipt.caseId}/letter.pdf`, {
        headers: {
          cookie: [...worker.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
      });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(pdf.headers.get('cache-control'), 'no-store');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });

    it('answers fuzzed input on every console form with a 2xx, 3xx or coded 4xx, never a 5xx', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'en');
      const supervisor = visitor('supervisor');
      await supervisor.get(`/en/staff/cases/${receipt.caseId}`);
      const token = /name="_csrf" value="([^"]+)"/.exec(supervisor.html)?.[1] ?? '';
      const cookie = [...supervisor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      // Every form of the console: per case, and the queue's claim and bulk forms.
      const forms = [
        'request-info',
        'received',
        'decide',
        'advance',
        'note',
        'station',
        'assign',
        'claim',
        'bulk',
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...forms),
          fc.dictionary(
            fc.constantFrom(
              'message',
              'dueOn',
              'outcome',
              'reasons',
              'text',
              'to',
              'station',
              'kind',
              'case',
              'confirm',
              'return',
              'assignee',
              'x',
            ),
            fc.oneof(
              fc.string({ maxLength: 3000 }),
              fc.date().map((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))),
            ),
          ),
          fc.constantFrom(receipt.caseId, randomUUID(), 'not-a-uuid', '../../etc'),
          async (form, fields, caseId) => {
            const body = new URLSearchParams({ _csrf: token, ...fields });
            const path =
              form === 'claim' || form === 'bulk'
                ? `/en/staff/queue/${form}?organisation=${encodeURIComponent(caseId === receipt.caseId ? organisationId : caseId)}`
                : `/en/staff/cases/${encodeURIComponent(caseId)}/${form}`;
            const response = await app.request(path, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
              body: body.toString(),
            });
            assert.ok(
              response.status < 500,
              `${form} ${JSON.stringify(fields)} → ${response.status}`,
            );
          },
        ),
        { numRuns: 120 },
      );
    });

    it('lets a supervisor assign a case to a colleague who works cases, and names who has it', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'en');
      const supervisor = visitor('supervisor');
      const casePath = `/en/staff/cases/${receipt.caseId}`;
      await supervisor.get(casePath);
      assert.match(supervisor.html, /Assigned to[\s\S]*?Nobody yet/);
      const options = [
        ...supervisor.html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g),
      ].map((match) => match[2]);
      assert.ok(options.includes('caseworker'), 'a caseworker can be chosen');
      assert.ok(!options.includes('organiser'), 'an organiser, who works no cases, cannot');

      await supervisor.post(`${casePath}/assign`, { assignee: staffIds.get('caseworker') ?? '' });
      assert.equal(supervisor.url, casePath);
      assert.match(supervisor.html, /Assigned to<\/dt>\s*<dd[^>]*>caseworker</);
      await supervisor.get(`/en/staff/queue?organisation=${organisationId}`);
      const row =
        new RegExp(`${receipt.reference}[\\s\\S]*?</tr>`).exec(supervisor.html)?.[0] ?? '';
      assert.match(row, /<td>caseworker<\/td>/);

      await supervisor.get(casePath);
      const refused = await supervisor.post(`${casePath}/assign`, {
        assignee: staffIds.get('organiser') ?? '',
      });
      assert.equal(refused.status, 403);
      await supervisor.get(casePath);
      assert.equal(
        (await supervisor.post(`${casePath}/assign`, { assignee: 'nobody' })).status,
        400,
      );
      const caseworker = visitor('caseworker');
      await caseworker.get(casePath);
      assert.doesNotMatch(caseworker.html, /name="assignee"/, 'a caseworker may not assign');
    });

    it('flags a rule the facts cannot settle, such as the presumption a long trip raises', async () => {
      const clinic = await testOrganisation(database().db, ['naturalization']);
      const staff = await signedInStaff(database().db, services, {
        organisationId: clinic,
        role: 'caseworker',
      });
      // Seven months away: more than six, less than a year (8 CFR 316.5(c)(1)(i)).
      const answers = {
        ...naturalizationExample,
        trips: [{ departed: '2023-07-01', returned: '2024-02-01' }],
      };
      const receipt = await services.applications.submitApi(
        'naturalization',
        answers,
        randomUUID(),
        'en',
      );
      const reader = new Visitor(app);
      const [name, value] = staff.cookie.split('=');
      reader.cookies.set(name ?? '', value ?? '');
      await reader.get(`/en/staff/cases/${receipt.caseId}`);
      assert.equal(reader.status, 200);
      assert.match(reader.html, /Needs a person&#39;s judgement|Needs a person's judgement/);
      assert.match(reader.html, /316\.5/);
      assert.doesNotMatch(reader.html, /No flags\./);
    });

    it('confirms a bulk action with its count before it acts', async () => {
      const receipts = await Promise.all(
        [1, 2].map(() => services.applications.submitApi('tps', tpsExample, randomUUID(), 'en')),
      );
      const supervisor = visitor('supervisor');
      await supervisor.get(`/en/staff/queue?organisation=${organisationId}`);
      const ids = [...supervisor.html.matchAll(/name="case" value="([^"]+)"/g)].map(
        (m) => m[1] as string,
      );
      const chosen = receipts.map((receipt) => receipt.caseId);
      assert.ok(
        chosen.every((id) => ids.includes(id)),
        'each case has a checkbox',
      );
      const action = `/en/staff/queue/bulk?organisation=${organisationId}`;
      await supervisor.post(action, [
        ['kind', 'assign'],
        ...chosen.map((id) => ['case', id] as [string, string]),
      ]);
      assert.match(supervisor.html, /assign 2 cases to yourself/);
      const before = await database()
        .db.selectFrom('cases')
        .select('assigned_to')
        .where('id', 'in', chosen)
        .execute();
      assert.deepEqual(
        before.map((row) => row.assigned_to),
        [null, null],
        'nothing happens before the confirmation',
      );
      await supervisor.post(action, []);
      assert.match(supervisor.html, /Done: 2 cases/);
      const after = await database()
        .db.selectFrom('cases')
        .select('assigned_to')
        .where('id', 'in', chosen)
        .execute();
      assert.ok(after.every((row) => row.assigned_to !== null));
    });

    it('runs a clinic: a navigator moves an applicant through the stations', async () => {
      const receipt = await services.applications.submitApi('tps', tpsExample, randomUUID(), 'en');
      const navigator = visitor('navigator');
      await navigator.get(`/en/staff/cases/${receipt.caseId}`);
      assert.match(navigator.html, /Start clinic mode/);
      await navigator.post(`/en/staff/cases/${receipt.caseId}/station`, []);
      assert.match(navigator.url, /\/staff\/clinic$/);
      assert.match(navigator.html, new RegExp(`Move ${receipt.reference} to Preparation`));
      await navigator.post(`/en/staff/cases/${receipt.caseId}/station`, []);
      const row = await database()
        .db.selectFrom('cases')
        .select('station')
        .where('id', '=', receipt.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(row.station, 'preparation');
      const organiser = visitor('organiser');
      await organiser.get('/en/staff/clinic');
      assert.equal(organiser.status, 403);
    });
  },
  { keyStore: true },
);
