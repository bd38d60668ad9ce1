import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldError, FlowDefinition, FlowField } from '../../flow/flow-definition.ts';
import {
  ApplicationInvalid,
  type ApplicationsService,
  flowOf,
} from '../../modules/applications/applications.service.ts';
import { answersInvalid } from '../api-errors.ts';
import type { AppEnv } from '../app-env.ts';
import { fieldErrorMessage } from '../components/flow-page.tsx';
import { readJson } from '../json-body.ts';
import { buildOpenApiDocument } from '../openapi.ts';

/** The field a full answer path names (`trips.2.returned` → the `returned` field of `trips`). */
function fieldAt(flow: FlowDefinition, path: string): FlowField | undefined {
  for (const page of flow.pages) {
    if (page.repeat && path.startsWith(`${page.repeat.path}.`)) {
      const rest = path.slice(page.repeat.path.length + 1).replace(/^\d+\./, '');
      const field = page.fields.find((candidate) => candidate.path === rest);
      if (field) return field;
    }
    const field = page.fields.find((candidate) => candidate.path === path);
    if (field) return field;
  }
  return undefined;
}

function listMax(flow: FlowDefinition, path: string): number | undefined {
  return flow.pages.find((page) => page.repeat?.path === path)?.repeat?.max;
}

/** The 422 body, each field with its translated message. */
function invalid(
  c: Context<AppEnv>,
  flow: FlowDefinition | undefined,
  fields: readonly FieldError[],
) {
  const t = c.get('translator');
  return answersInvalid(
    c,
    fields.map((error) => ({
      path: error.path,
      code: error.code,
      message: fieldErrorMessage(
        t,
        error.code,
        flow ? fieldAt(flow, error.path) : undefined,
        flow ? listMax(flow, error.path) : undefined,
      ),
    })),
  );
}

/**
 * The applications API (issue 5, item 9) for partners who run their own
 * intake: `POST /api/v1/applications` with an Idempotency-Key, and
 * `GET /api/v1/applications/{reference}` with the claim code in a header
 * (never in the address, where proxies and logs would keep it).
 */
export function apiApplicationsRoutes(applications: ApplicationsService) {
  const document = buildOpenApiDocument();
  return new Hono<AppEnv>()
    .get('/api/v1/openapi.json', (c) => c.json(document))
    .post('/api/v1/applications', async (c) => {
      const body = await readJson(c);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return invalid(c, undefined, [{ path: '', code: 'required' }]);
      }
      const { program, answers, ...rest } = body as Record<string, unknown>;
      const unknown: FieldError[] = Object.keys(rest).map((path) => ({
        path,
        code: 'unknown-field',
      }));
      if (typeof program !== 'string') {
        return invalid(c, undefined, [...unknown, { path: 'program', code: 'required' }]);
      }
      const flow = flowOf(program);
      if (unknown.length > 0) return invalid(c, flow, unknown);
      try {
        const receipt = await applications.submitApi(
          program,
          answers ?? {},
          c.req.header('idempotency-key'),
          c.get('translator').locale,
        );
        if (receipt.replayed) c.header('idempotent-replayed', 'true');
        return c.json(
          { reference: receipt.reference, claimCode: receipt.claimCode, status: receipt.status },
          201,
        );
      } catch (error) {
        if (error instanceof ApplicationInvalid) return invalid(c, flow, error.fields);
        throw error;
      }
    })
    .get('/api/v1/applications/:reference', async (c) => {
      const status = await applications.status(
        c.req.param('reference'),
        c.req.header('x-claim-code') ?? '',
      );
      return c.json({
        reference: status.reference,
        program: status.program,
        status: status.status,
        submittedAt: status.submittedAt.toISOString(),
        decisionDueOn: status.decisionDueOn,
        decidedAt: status.decidedAt?.toISOString() ?? null,
        infoRequests: status.infoRequests,
      });
    });
}
