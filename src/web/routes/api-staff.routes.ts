import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { applicationFlow } from '../../flow/application-flows.ts';
import { TokenBucket } from '../../modules/accounts/sign-in-rate-limit.ts';
import type { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import type { CaseworkService, QueueRow } from '../../modules/casework/casework.service.ts';
import { mayAny } from '../../modules/casework/permissions.ts';
import type { ProcessingTimesService } from '../../modules/casework/processing-times.service.ts';
import type { RulesService } from '../../modules/rules/rules.service.ts';
import { fieldsInvalid } from '../api-errors.ts';
import type { AppEnv } from '../app-env.ts';
import { readJsonAs } from '../json-body.ts';
import { bearerToken, requireStaffToken } from '../middleware/staff-session.ts';
import { staffApiSchemas } from '../staff-api-schemas.ts';
import {
  caseEvaluation,
  caseIdOf,
  organisationFor,
  requireBulkPermission,
  staffOf,
} from '../staff-context.ts';

export interface StaffApiDependencies {
  staffAuth: StaffAuthService;
  casework: CaseworkService;
  rules: RulesService;
  processingTimes?: ProcessingTimesService;
  /** Sign-in and code posts admitted by this process; a bucket of its own by default. */
  limiter?: TokenBucket;
}

function queueRowJson(row: QueueRow) {
  return { ...row, submittedAt: row.submittedAt.toISOString() };
}

/** A program named in a query, if it is one of ours. */
function programIn(value: string | undefined): string | undefined {
  return value && applicationFlow(value) ? value : undefined;
}

/**
 * The staff console's JSON API (issue 6): the same sessions, permissions
 * and service calls as the pages, for a coalition's own tools. Sign in with
 * `POST /api/v1/staff/sessions` (email and password), prove the second
 * factor with `POST /api/v1/staff/sessions/second-factor` (a TOTP code; a
 * passkey needs a browser), then send `Authorization: Bearer <token>`. First
 * sign-in (own password, authenticator app) happens once in a browser.
 * Every body is a strict JSON object (src/web/staff-api-schemas.ts).
 */
export function apiStaffRoutes(deps: StaffApiDependencies) {
  const { casework, staffAuth } = deps;
  const limiter = deps.limiter ?? new TokenBucket();
  const signedIn = requireStaffToken(staffAuth);
  const admit = () => {
    if (!limiter.take()) throw new AppError('BLG_STAFF_RATE_LIMITED');
  };
  /** Runs a change to a case and answers 204: the caller asks for the case again if it needs it. */
  const changeCase = async (c: Context<AppEnv>, change: () => Promise<unknown>) => {
    await change();
    return c.body(null, 204);
  };

  return new Hono<AppEnv>()
    .post('/api/v1/staff/sessions', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.signIn);
      if ('refused' in body) return body.refused;
      admit();
      const { token, stage } = await staffAuth.signIn(body.data.email, body.data.password);
      if (stage !== 'second-factor') {
        // A session that could only choose a password here would be a dead end.
        await staffAuth.signOut(token);
        throw new AppError('BLG_STAFF_ENROL_REQUIRED');
      }
      c.header('cache-control', 'no-store');
      return c.json({ token, next: 'second-factor' }, 201);
    })
    .post('/api/v1/staff/sessions/second-factor', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.secondFactor);
      if ('refused' in body) return body.refused;
      const token = bearerToken(c);
      if (!token) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
      admit();
      const signed = await staffAuth.verifySecondFactor(token, body.data.code);
      c.header('cache-control', 'no-store');
      return c.json({ token: signed.token });
    })
    .delete('/api/v1/staff/sessions/current', async (c) => {
      await staffAuth.signOut(bearerToken(c));
      return c.body(null, 204);
    })
    .use('/api/v1/staff/queue', signedIn)
    .use('/api/v1/staff/queue/*', signedIn)
    .use('/api/v1/staff/cases/*', signedIn)
    .use('/api/v1/staff/processing-times', signedIn)
    .get('/api/v1/staff/queue', async (c) => {
      const staff = staffOf(c);
      const organisationId = organisationFor(staff, c.req.query('organisation'));
      const program = programIn(c.req.query('program'));
      const rows = await casework.queue(staff, organisationId, program ? { program } : {});
      return c.json({ organisationId, program: program ?? null, cases: rows.map(queueRowJson) });
    })
    .post('/api/v1/staff/queue/claim', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.claim);
      if ('refused' in body) return body.refused;
      const staff = staffOf(c);
      const organisationId = organisationFor(staff, body.data.organisationId);
      const caseId = await casework.claimNext(staff, organisationId, programIn(body.data.program));
      return c.json({ caseId });
    })
    .post('/api/v1/staff/queue/bulk', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.bulk);
      if ('refused' in body) return body.refused;
      const { organisationId, kind, caseIds, confirmCount, message, dueOn } = body.data;
      const staff = staffOf(c);
      // Refuses a staff member of another organisation too: they hold no role in it.
      requireBulkPermission(staff, organisationId, kind);
      const distinct = [...new Set(caseIds)];
      // The count the caller saw is the count acted on, as the console's confirmation page.
      if (confirmCount !== distinct.length) {
        return fieldsInvalid(c, 'BLG_REQUEST_INVALID', [
          {
            path: 'confirmCount',
            code: 'invalid',
            message: c.get('translator').t('errors.requestFieldInvalid'),
          },
        ]);
      }
      const result = await casework.bulk(
        staff,
        organisationId,
        distinct,
        kind === 'assign'
          ? { kind, assigneeId: staff.staffId }
          : kind === 'request_info'
            ? { kind, message: message ?? '', dueOn: dueOn ?? '' }
            : { kind },
      );
      return c.json(result);
    })
    .get('/api/v1/staff/cases/:id', async (c) => {
      const detail = await casework.view(staffOf(c), caseIdOf(c));
      return c.json({
        ...detail,
        submittedAt: detail.submittedAt.toISOString(),
        events: detail.events.map((event) => ({ ...event, at: event.at.toISOString() })),
        infoRequests: detail.infoRequests.map((request) => ({
          ...request,
          answeredAt: request.answeredAt?.toISOString() ?? null,
        })),
        evaluation: detail.answers
          ? caseEvaluation(deps.rules, detail, detail.answers, c.get('translator'))
          : null,
      });
    })
    .post('/api/v1/staff/cases/:id/assignment', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.assignment);
      if ('refused' in body) return body.refused;
      return changeCase(c, () => casework.assign(staffOf(c), caseIdOf(c), body.data.assigneeId));
    })
    .post('/api/v1/staff/cases/:id/information-requests', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.informationRequest);
      if ('refused' in body) return body.refused;
      const { message, dueOn, documentCode } = body.data;
      return changeCase(c, () =>
        casework.requestInformation(staffOf(c), caseIdOf(c), {
          message,
          dueOn,
          ...(documentCode ? { documentCode } : {}),
        }),
      );
    })
    .post('/api/v1/staff/cases/:id/information-received', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.empty);
      if ('refused' in body) return body.refused;
      return changeCase(c, () => casework.informationReceived(staffOf(c), caseIdOf(c)));
    })
    .post('/api/v1/staff/cases/:id/decision', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.decision);
      if ('refused' in body) return body.refused;
      const { outcome, reasonCodes, text } = body.data;
      return changeCase(c, () =>
        casework.decide(staffOf(c), caseIdOf(c), {
          outcome,
          reasonCodes,
          ...(text === undefined ? {} : { text }),
        }),
      );
    })
    .post('/api/v1/staff/cases/:id/advance', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.advance);
      if ('refused' in body) return body.refused;
      return changeCase(c, () => casework.advance(staffOf(c), caseIdOf(c), body.data.to));
    })
    .post('/api/v1/staff/cases/:id/notes', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.note);
      if ('refused' in body) return body.refused;
      return changeCase(c, () => casework.note(staffOf(c), caseIdOf(c), body.data.text));
    })
    .post('/api/v1/staff/cases/:id/station', async (c) => {
      const body = await readJsonAs(c, staffApiSchemas.station);
      if ('refused' in body) return body.refused;
      return changeCase(c, () => casework.moveStation(staffOf(c), caseIdOf(c), body.data.station));
    })
    .get('/api/v1/staff/processing-times', async (c) => {
      const roles = staffOf(c).memberships.map((membership) => membership.role);
      if (!mayAny(roles, 'processing_times.view')) throw new AppError('BLG_FORBIDDEN');
      const report = deps.processingTimes ? await deps.processingTimes.report() : null;
      return c.json(report);
    });
}
