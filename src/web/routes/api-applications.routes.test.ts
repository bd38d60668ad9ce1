import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { testApp } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { testServices } from '../../../test/support/services.ts';
import { applicationFlows } from '../../flow/application-flows.ts';

describeEachEngine(
  'applications API',
  (database, _engine, keyStore) => {
    const app = () => {
      const { services, rules } = testServices(database(), keyStore());
      return testApp({ database: database(), services, rules }).app;
    };
    const post = (
      web: ReturnType<typeof app>,
      body: unknown,
      headers: Record<string, string> = {},
    ) =>
      web.request('/api/v1/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    it('takes each program’s example once per key, and shows its status to the claim code', async () => {
      const web = app();
      for (const [program, { exampleAnswers }] of applicationFlows) {
        const key = `example-${program}-${Date.now()}`;
        const body = { program, answers: exampleAnswers };
        const created = await post(web, body, { 'idempotency-key': key });
        assert.equal(created.status, 201, program);
        const receipt = (await created.json()) as {
          reference: string;
          claimCode: string;
          status: string;
        };
        assert.equal(receipt.status, 'submitted');
        const again = await post(web, body, { 'idempotency-key': key });
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await again.json(), receipt);

        const status = await web.request(`/api/v1/applications/${receipt.reference}`, {
          headers: { 'x-claim-code': receipt.claimCode },
        });
        assert.equal(status.status, 200);
        const shown = (await status.json()) as Record<string, unknown>;
        assert.equal(shown.program, program);
        assert.deepEqual(Object.keys(shown).sort(), [
          'decidedAt',
          'decisionDueOn',
          'infoRequests',
          'program',
          'reference',
          'status',
          'submittedAt',
        ]);
        const wrong = await web.request(`/api/v1/applications/${receipt.reference}`, {
          headers: { 'x-claim-code': '0000-0000-0000' },
        });
        assert.equal(wrong.status, 404);
        assert.equal(
          ((await wrong.json()) as { error: { code: string } }).error.code,
          'BLG_CASE_NOT_FOUND',
        );
      }
    });

    it('explains malformed answers field by field, translated, with stable codes', async () => {
      const web = app();
      const example = applicationFlows.get('naturalization')?.exampleAnswers ?? {};
      const response = await post(
        web,
        { program: 'naturalization', answers: { ...example, lprDate: '2015-02-30', extra: 1 } },
        { 'idempotency-key': `bad-${Date.now()}`, 'accept-language': 'es' },
      );
      assert.equal(response.status, 422);
      const body = (await response.json()) as {
        error: { code: string; fields: { path: string; code: string; message: string }[] };
      };
      assert.equal(body.error.code, 'BLG_ANSWERS_INVALID');
      const codes = Object.fromEntries(body.error.fields.map((field) => [field.path, field.code]));
      assert.equal(codes.lprDate, 'invalid-date');
      assert.equal(codes.extra, 'unknown-field');
      assert.ok(body.error.fields.every((field) => field.message.length > 0));
      const notJson = await post(web, '{"program": "tps", ', { 'idempotency-key': 'k' });
      assert.equal(notJson.status, 400);
      assert.equal(
        ((await notJson.json()) as { error: { code: string } }).error.code,
        'BLG_BAD_REQUEST',
      );
      const missingKey = await post(web, { program: 'tps', answers: {} });
      assert.equal(missingKey.status, 400);
      const unknownProgram = await post(
        web,
        { program: 'nope', answers: {} },
        { 'idempotency-key': 'k' },
      );
      assert.equal(unknownProgram.status, 404);
    });

    it('answers any body with a coded 4xx or a 201, never a 5xx', async () => {
      const web = app();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.json(),
            fc.record({
              program: fc.constantFrom(
                'tps',
                'wa-relief',
                'naturalization',
                'wage-replacement',
                'x',
              ),
              answers: fc.jsonValue(),
            }),
          ),
          fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
          async (body, key) => {
            const response = await post(
              web,
              body,
              key === undefined ? {} : { 'idempotency-key': key },
            );
            assert.ok(response.status < 500, `${response.status} for ${JSON.stringify(body)}`);
            if (response.status >= 400) {
              const error = ((await response.json()) as { error?: { code?: string } }).error;
              assert.match(error?.code ?? '', /^BLG_[A-Z_]+$/);
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  },
  { keyStore: true },
);
