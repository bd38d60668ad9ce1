import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Day } from '../../engine/dates.ts';
import { parseDay } from '../../engine/dates.ts';
import { AppError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import type { Translator } from '../../i18n/translator.ts';
import {
  type ProgramScreening,
  type Screening,
  ScreeningInputError,
  sharedScreeningService,
  todayInWashington,
} from '../../modules/screening/screening.service.ts';
import type { AnswerError, AnswerErrorCode } from '../../modules/screening/screening-answers.ts';
import { answersInvalid } from '../api-errors.ts';
import type { AppEnv } from '../app-env.ts';

/*
 * POST /api/v1/screen: a partner's server sends one person's facts and gets
 * every program's answer, in English or the Accept-Language language. Bad
 * input of any kind is a 4xx with a stable code, never a 500. Nothing is
 * stored or logged: the answers are personal.
 */

const fieldMessages: Record<AnswerErrorCode, MessageKey> = {
  required: 'check.fieldRequired',
  'invalid-type': 'check.fieldInvalidType',
  'invalid-date': 'check.fieldInvalidDate',
  'invalid-value': 'check.fieldInvalidValue',
  'too-small': 'check.fieldTooSmall',
  'too-large': 'check.fieldTooLarge',
  'too-many-items': 'check.fieldTooManyItems',
  'unknown-field': 'check.fieldUnknown',
  'invalid-json': 'check.fieldInvalidJson',
};

/** The 422 body, each field with its translated message. */
function invalid(c: Context<AppEnv>, errors: readonly AnswerError[]): Response {
  const t = c.get('translator');
  return answersInvalid(
    c,
    errors.map((error) => ({
      path: error.path,
      code: error.code,
      message: t.t(fieldMessages[error.code]),
      detail: error.detail,
    })),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as `{ answers, asOf }`, or the problems with it. */
function readRequest(
  text: string,
):
  | { ok: true; answers: Record<string, unknown>; asOf: Day | undefined }
  | { ok: false; errors: AnswerError[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      errors: [{ path: '', code: 'invalid-json', detail: 'the body is not JSON' }],
    };
  }
  if (!isPlainObject(body)) {
    return {
      ok: false,
      errors: [{ path: '', code: 'invalid-type', detail: 'the body must be one JSON object' }],
    };
  }
  const errors: AnswerError[] = [];
  for (const key of Object.keys(body)) {
    if (key !== 'answers' && key !== 'asOf') {
      errors.push({
        path: key,
        code: 'unknown-field',
        detail: 'the body holds only answers and asOf',
      });
    }
  }
  let asOf: Day | undefined;
  if (body.asOf !== undefined) {
    asOf = typeof body.asOf === 'string' ? parseDay(body.asOf) : undefined;
    if (asOf === undefined) {
      errors.push({
        path: 'asOf',
        code: 'invalid-date',
        detail: 'must be a date written YYYY-MM-DD',
      });
    }
  }
  if (body.answers === undefined) {
    errors.push({ path: 'answers', code: 'required', detail: 'the facts to screen' });
  } else if (!isPlainObject(body.answers)) {
    errors.push({ path: 'answers', code: 'invalid-type', detail: 'must be one JSON object' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, answers: body.answers as Record<string, unknown>, asOf };
}

function resultJson(t: Translator, result: ProgramScreening) {
  // Dates stay YYYY-MM-DD in the messages: unambiguous for a partner's staff in any language.
  const message = (key: MessageKey, values: Record<string, string | number>) => t.t(key, values);
  return {
    program: result.program,
    kind: result.kind,
    title: t.t(result.title),
    outcome: result.outcome,
    reasons: result.reasons.map((reason) => ({
      rule: reason.rule,
      met: reason.met,
      informational: reason.informational,
      message: message(reason.messageKey, reason.messageValues),
      citations: reason.citations,
    })),
    earliestFilingDate: result.earliestFilingDate,
    fee: result.fee,
    derivedCitizenship: result.derivedCitizenship,
    tps: result.tps,
    missing: result.missing,
    changes: result.changes.map((change) => ({
      rule: change.rule,
      met: change.met,
      message: message(change.messageKey, change.messageValues),
      missing: change.missing,
    })),
    nextSteps: result.nextSteps.map((key) => t.t(key)),
    applyPath: result.applyPath,
    values: result.values,
  };
}

function screeningJson(t: Translator, screening: Screening) {
  const help = sharedScreeningService().legalHelp;
  return {
    asOf: screening.asOf,
    rulesVersion: screening.rulesVersion,
    language: t.locale,
    results: screening.results.map((result) => resultJson(t, result)),
    legalHelp: {
      reviewedOn: help.reviewedOn,
      providers: help.providers.map((provider) => ({
        id: provider.id,
        name: t.t(provider.name),
        description: t.t(provider.body),
        phone: provider.phone ?? null,
        href: provider.href,
        citations: provider.references,
      })),
    },
  };
}

export const apiScreenRoutes = new Hono<AppEnv>().post('/api/v1/screen', async (c) => {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new AppError('BLG_UNSUPPORTED_MEDIA_TYPE');
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    throw new AppError('BLG_BAD_REQUEST', { cause: error });
  }
  const request = readRequest(text);
  if (!request.ok) return invalid(c, request.errors);
  try {
    const screening = sharedScreeningService().screen(
      request.answers,
      request.asOf ?? todayInWashington(),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(screeningJson(c.get('translator'), screening));
  } catch (error) {
    if (error instanceof ScreeningInputError) {
      return invalid(
        c,
        error.errors.map((field) => ({
          ...field,
          path: field.path ? `answers.${field.path}` : 'answers',
        })),
      );
    }
    throw error;
  }
});
