import type { Context } from 'hono';
import { dayOf } from '../engine/dates.ts';
import { AppError } from '../errors.ts';
import { ruleAnswers } from '../flow/flow.ts';
import type { FlowAnswers } from '../flow/flow-definition.ts';
import type { Translator } from '../i18n/translator.ts';
import type { CaseDetail, StaffContext } from '../modules/casework/casework.service.ts';
import { mayAny } from '../modules/casework/permissions.ts';
import { evaluationToJson } from '../modules/rules/evaluation-json.ts';
import type { RulesService } from '../modules/rules/rules.service.ts';
import type { AppEnv } from './app-env.ts';

/*
 * What the staff console (casework.routes.tsx) and the staff JSON API
 * (api-staff.routes.ts) both read from a request: who is signed in, which
 * of their organisations it is about, which case.
 */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return uuid.test(value);
}

/** The signed-in staff member requireStaff or requireStaffToken put on the request. */
export function staffOf(c: Context<AppEnv>): StaffContext {
  const staff = c.get('staff');
  if (!staff) throw new AppError('BLG_STAFF_SIGN_IN_REQUIRED');
  return staff;
}

/** The organisation asked for, if the staff member belongs to it; their first when none is asked. */
export function organisationFor(staff: StaffContext, asked: string | undefined): string {
  const ids = staff.memberships.map((membership) => membership.organisationId);
  if (asked && ids.includes(asked)) return asked;
  if (asked) throw new AppError('BLG_FORBIDDEN');
  const first = ids[0];
  if (!first) throw new AppError('BLG_FORBIDDEN');
  return first;
}

/**
 * Refuses a bulk action to a staff member whose roles in the organisation
 * do not allow it, before anything is counted or shown: the console's
 * confirmation page is part of the action. Each case is checked again as
 * it is acted on (CaseworkService.bulk).
 */
export function requireBulkPermission(
  staff: StaffContext,
  organisationId: string,
  kind: 'assign' | 'approve' | 'request_info',
): void {
  const roles = staff.memberships
    .filter((membership) => membership.organisationId === organisationId)
    .map((membership) => membership.role);
  const permission =
    kind === 'assign'
      ? 'case.bulk_assign'
      : kind === 'approve'
        ? 'case.bulk_approve'
        : 'case.bulk_request_info';
  if (!mayAny(roles, permission)) throw new AppError('BLG_FORBIDDEN');
}

/** The case id in the address; an id that cannot be one answers as a case not found. */
export function caseIdOf(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!isUuid(id)) throw new AppError('BLG_CASE_NOT_FOUND');
  return id;
}

/** The rules' verdict on the answers as of the day they were sent, in `translator`'s language. */
export function caseEvaluation(
  rules: RulesService,
  detail: CaseDetail,
  answers: FlowAnswers,
  translator: Translator,
) {
  try {
    return evaluationToJson(
      rules.evaluate(detail.program, ruleAnswers(answers), dayOf(detail.submittedAt)),
      translator,
    );
  } catch {
    // A program whose rules no longer evaluate this version's answers: the review shows none.
    return null;
  }
}
