import { z } from 'zod';
import { type StaffApiSchema, staffApiSchemas } from './staff-api-schemas.ts';

/*
 * The staff API's part of the OpenAPI document (src/web/openapi.ts): each
 * request body is the zod schema the route parses with, turned into JSON
 * Schema, so the document cannot promise what the routes refuse.
 */

type Operation = Record<string, unknown>;

/** A response carrying the Error schema (components.schemas.Error in openapi.ts). */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function body(name: StaffApiSchema) {
  return {
    required: true,
    content: {
      'application/json': {
        schema: z.toJSONSchema(staffApiSchemas[name], { target: 'openapi-3.0', io: 'input' }),
      },
    },
  };
}

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

const caseId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};

/** The answers every signed-in route may give besides its own. */
const signedInErrors = {
  '401': errorResponse('No signed-in session (BLG_STAFF_SIGN_IN_REQUIRED)'),
  '403': errorResponse('The role does not allow it (BLG_FORBIDDEN)'),
  '422': errorResponse('A field missing, unknown or malformed (BLG_REQUEST_INVALID)'),
};

/** A change to one case: the body, a 204, and the case errors. */
function caseChange(operationId: string, summary: string, name: StaffApiSchema): Operation {
  return {
    post: {
      operationId,
      summary,
      tags: ['staff'],
      security: [{ staffSession: [] }],
      parameters: [caseId],
      requestBody: body(name),
      responses: {
        '204': { description: 'Done' },
        ...signedInErrors,
        '404': errorResponse('No such case in your organisations (BLG_CASE_NOT_FOUND)'),
        '409': errorResponse('Not from where the case is now (BLG_CASE_TRANSITION_REFUSED)'),
      },
    },
  };
}

export const staffSecurityScheme = {
  type: 'http',
  scheme: 'bearer',
  description:
    'A staff session from POST /api/v1/staff/sessions then /second-factor: 30 minutes idle, 12 hours in all.',
};

export function staffApiPaths(): Record<string, Operation> {
  return {
    '/api/v1/staff/sessions': {
      post: {
        operationId: 'staffSignIn',
        summary: 'Email and password: a session that still needs its second factor',
        tags: ['staff'],
        requestBody: body('signIn'),
        responses: {
          '201': json('`{ token, next: "second-factor" }`'),
          '401': errorResponse('Refused, whatever the reason (BLG_STAFF_SIGN_IN_FAILED)'),
          '403': errorResponse(
            'First sign-in not finished in a browser (BLG_STAFF_ENROL_REQUIRED)',
          ),
          '429': errorResponse('Too many attempts (BLG_STAFF_RATE_LIMITED)'),
        },
      },
    },
    '/api/v1/staff/sessions/second-factor': {
      post: {
        operationId: 'staffSecondFactor',
        summary: 'A TOTP code for the session from staffSignIn: a new, signed-in token',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        requestBody: body('secondFactor'),
        responses: {
          '200': json('`{ token }`: send it as `Authorization: Bearer`'),
          '401': errorResponse('Wrong or reused code (BLG_STAFF_CODE_INVALID)'),
        },
      },
    },
    '/api/v1/staff/sessions/current': {
      delete: {
        operationId: 'staffSignOut',
        summary: 'End this session',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        responses: { '204': { description: 'Signed out' } },
      },
    },
    '/api/v1/staff/queue': {
      get: {
        operationId: 'staffQueue',
        summary: 'Open cases by due date, with age, overdue and why each waits',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        parameters: [
          { name: 'organisation', in: 'query', schema: { type: 'string', format: 'uuid' } },
          { name: 'program', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': json('`{ organisationId, program, cases }`'), ...signedInErrors },
      },
    },
    '/api/v1/staff/queue/claim': {
      post: {
        operationId: 'staffClaimNext',
        summary: 'Take the next unassigned case; never the same one to two people',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        requestBody: body('claim'),
        responses: { '200': json('`{ caseId }`, null when none waits'), ...signedInErrors },
      },
    },
    '/api/v1/staff/queue/bulk': {
      post: {
        operationId: 'staffBulk',
        summary:
          'Assign, approve or request the same document for many cases; confirmCount must match',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        requestBody: body('bulk'),
        responses: { '200': json('`{ done, skipped }`'), ...signedInErrors },
      },
    },
    '/api/v1/staff/cases/{id}': {
      get: {
        operationId: 'staffCase',
        summary: 'The review: answers, the rules’ reasons with citations, flags, events (audited)',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        parameters: [caseId],
        responses: {
          '200': json('The case'),
          ...signedInErrors,
          '404': errorResponse('No such case in your organisations (BLG_CASE_NOT_FOUND)'),
        },
      },
    },
    '/api/v1/staff/cases/{id}/assignment': caseChange(
      'staffAssign',
      'Assign or reassign',
      'assignment',
    ),
    '/api/v1/staff/cases/{id}/information-requests': caseChange(
      'staffRequestInformation',
      'Ask the applicant for something by a date; shown on their status page',
      'informationRequest',
    ),
    '/api/v1/staff/cases/{id}/information-received': caseChange(
      'staffInformationReceived',
      'What was asked for has come: back to review',
      'empty',
    ),
    '/api/v1/staff/cases/{id}/decision': caseChange(
      'staffDecide',
      'Approve, deny or withdraw, with reasons from the rules and free text',
      'decision',
    ),
    '/api/v1/staff/cases/{id}/advance': caseChange(
      'staffAdvance',
      'A fund’s award and payment, or closing a decided case',
      'advance',
    ),
    '/api/v1/staff/cases/{id}/notes': caseChange('staffNote', 'An internal note', 'note'),
    '/api/v1/staff/cases/{id}/station': caseChange(
      'staffStation',
      'Move a clinic case to a station',
      'station',
    ),
    '/api/v1/staff/processing-times': {
      get: {
        operationId: 'staffProcessingTimes',
        summary: 'Median and 90th-percentile days to a decision, and the backlog; aggregate only',
        tags: ['staff'],
        security: [{ staffSession: [] }],
        responses: { '200': json('The report'), ...signedInErrors },
      },
    },
  };
}
