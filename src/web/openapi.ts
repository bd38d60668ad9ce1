import { errorCatalogue } from '../errors.ts';
import { applicationFlows } from '../flow/application-flows.ts';
import type { FlowDefinition, FlowField } from '../flow/flow-definition.ts';
import { errorResponse, staffApiPaths, staffSecurityScheme } from './openapi-staff.ts';

/** A JSON Schema object, as OpenAPI 3.0 writes it. */
type Schema = Record<string, unknown>;

function fieldSchema(field: FlowField): Schema {
  switch (field.kind) {
    case 'text':
    case 'long-text':
      return { type: 'string', maxLength: field.maxLength ?? 200 };
    case 'date':
      return { type: 'string', format: 'date', example: '1990-04-01' };
    case 'yes-no':
      return { type: 'boolean' };
    case 'choice':
      return { type: 'string', enum: (field.options ?? []).map((option) => option.value) };
    case 'integer':
      return {
        type: 'integer',
        ...(field.min === undefined ? {} : { minimum: field.min }),
        ...(field.max === undefined ? {} : { maximum: field.max }),
      };
    case 'money':
      return {
        type: 'number',
        description: 'US dollars',
        ...(field.min === undefined ? {} : { minimum: field.min }),
        ...(field.max === undefined ? {} : { maximum: field.max }),
      };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'phone':
      return { type: 'string', pattern: '^[0-9+ ().-]{7,30}$' };
  }
}

/** Puts `schema` at a dot path inside an object schema, making the objects on the way. */
function place(root: Schema, path: string, schema: Schema): void {
  const parts = path.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const properties = node.properties as Record<string, Schema>;
    properties[part] ??= { type: 'object', additionalProperties: false, properties: {} };
    node = properties[part] as Schema;
  }
  (node.properties as Record<string, Schema>)[parts.at(-1) as string] = schema;
}

/**
 * The JSON Schema of a program's answers, derived from its flow: every
 * field any page can ask, at its path. Which are required depends on the
 * answers (a page shows only when its condition holds), so the API checks
 * that and says which are missing; the schema gives the shape.
 */
export function answersSchema(flow: FlowDefinition): Schema {
  const root: Schema = { type: 'object', additionalProperties: false, properties: {} };
  for (const page of flow.pages) {
    if (page.repeat) {
      const item: Schema = { type: 'object', additionalProperties: false, properties: {} };
      for (const field of page.fields) place(item, field.path, fieldSchema(field));
      place(root, page.repeat.path, { type: 'array', maxItems: page.repeat.max, items: item });
    } else {
      for (const field of page.fields) place(root, field.path, fieldSchema(field));
    }
  }
  return root;
}

const schemaName = (program: string) =>
  `${program.replace(/(^|-)([a-z])/g, (_m, _dash, letter: string) => letter.toUpperCase())}Application`;

const errorSchema: Schema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorCatalogue) },
        title: { type: 'string' },
        message: { type: 'string', description: 'In the Accept-Language language.' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: {
              path: { type: 'string', example: 'trips.2.returned' },
              code: { type: 'string', example: 'invalid-date' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

/**
 * The OpenAPI document for partners (issue 5, item 9), built from the flows
 * so it can never drift from what the API accepts; each program carries a
 * complete example a partner can copy (tested to be accepted).
 */
export function buildOpenApiDocument(): Record<string, unknown> {
  const schemas: Record<string, Schema> = { Error: errorSchema };
  const examples: Record<string, unknown> = {};
  for (const [program, { flow, exampleAnswers }] of applicationFlows) {
    schemas[schemaName(program)] = {
      type: 'object',
      required: ['program', 'answers'],
      additionalProperties: false,
      properties: {
        program: { type: 'string', enum: [program] },
        answers: answersSchema(flow),
      },
    };
    examples[program] = {
      summary: `A complete ${program} application`,
      value: { program, answers: exampleAnswers },
    };
  }
  const programs = [...applicationFlows.keys()];
  return {
    openapi: '3.0.3',
    info: {
      title: 'Belong API',
      version: '1',
      description:
        'Screen a person for every program, submit applications from your own intake, and (staff of a coalition organisation) work the cases. Answers are sealed under the applicant’s own key before they touch the database. Errors carry a stable code and a message in the Accept-Language language.',
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    servers: [{ url: '/' }],
    paths: {
      ...staffApiPaths(),
      '/api/v1/screen': {
        post: {
          operationId: 'screen',
          summary: 'Run every program on one person’s facts; nothing is stored',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['answers'],
                  additionalProperties: false,
                  properties: {
                    answers: { type: 'object', description: 'Facts, as the screener asks them.' },
                    asOf: { type: 'string', format: 'date' },
                  },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'Each program: yes, no or maybe, with reasons and citations',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            '415': errorResponse('The body is not JSON'),
            '422': errorResponse('Malformed facts, field by field'),
          },
        },
      },
      '/api/v1/applications': {
        post: {
          operationId: 'submitApplication',
          summary:
            'Submit an application; a retry with the same Idempotency-Key never makes a second',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description:
                'Unique per application, 1–255 visible ASCII characters. The same key with the same body returns the same receipt; with another body, 422.',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: programs.map((program) => ({
                    $ref: `#/components/schemas/${schemaName(program)}`,
                  })),
                  discriminator: {
                    propertyName: 'program',
                    mapping: Object.fromEntries(
                      programs.map((program) => [
                        program,
                        `#/components/schemas/${schemaName(program)}`,
                      ]),
                    ),
                  },
                },
                examples,
              },
            },
          },
          responses: {
            '201': {
              description: 'Committed (durably) before this answer is sent',
              headers: {
                'Idempotent-Replayed': {
                  description: 'true when this answers a retry of an earlier request',
                  schema: { type: 'string' },
                },
              },
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['reference', 'claimCode', 'status'],
                    properties: {
                      reference: { type: 'string', example: 'BLG-7K3M-Q9XD' },
                      claimCode: {
                        type: 'string',
                        example: '7K3M-Q9XD-2BHT',
                        description: 'Give it to the applicant; it opens the status.',
                      },
                      status: { type: 'string', example: 'submitted' },
                    },
                  },
                },
              },
            },
            '400': errorResponse('No or malformed Idempotency-Key'),
            '404': errorResponse('No such program'),
            '415': errorResponse('The body is not JSON'),
            '422': errorResponse('Malformed answers, field by field, or a reused Idempotency-Key'),
          },
        },
      },
      '/api/v1/applications/{reference}': {
        get: {
          operationId: 'applicationStatus',
          summary: 'Where an application is; nothing personal',
          parameters: [
            { name: 'reference', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'X-Claim-Code',
              in: 'header',
              required: true,
              description: 'The claim code given with the reference (never in the address).',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': {
              description: 'The status',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      reference: { type: 'string' },
                      program: { type: 'string', enum: programs },
                      status: { type: 'string' },
                      submittedAt: { type: 'string', format: 'date-time' },
                      decisionDueOn: { type: 'string', format: 'date' },
                      decidedAt: { type: 'string', format: 'date-time', nullable: true },
                      infoRequests: {
                        type: 'array',
                        description:
                          'What the organisation has asked the applicant for, not yet answered.',
                        items: {
                          type: 'object',
                          properties: {
                            message: { type: 'string' },
                            dueOn: { type: 'string', format: 'date' },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            '404': errorResponse('No case with this reference and claim code'),
          },
        },
      },
    },
    components: { schemas, securitySchemes: { staffSession: staffSecurityScheme } },
  };
}
