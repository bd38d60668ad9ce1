import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import { applicationFlows } from '../flow/application-flows.ts';
import { validateAnswers } from '../flow/flow.ts';
import { buildOpenApiDocument } from './openapi.ts';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.0 document', async () => {
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(buildOpenApiDocument()) as never);
  });

  it('carries for each program a complete example, with the name filled, that the schema and the API accept', () => {
    const document = buildOpenApiDocument() as {
      components: { schemas: Record<string, object> };
      paths: Record<
        string,
        {
          post?: {
            requestBody: {
              content: Record<
                string,
                {
                  examples: Record<
                    string,
                    { value: { program: string; answers: Record<string, unknown> } }
                  >;
                }
              >;
            };
          };
        }
      >;
    };
    const examples =
      document.paths['/api/v1/applications']?.post?.requestBody.content['application/json']
        ?.examples ?? {};
    assert.deepEqual(Object.keys(examples).sort(), [...applicationFlows.keys()].sort());
    const ajv = new Ajv({ strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/, email: /@/ } });
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      ajv.addSchema(schema, `#/components/schemas/${name}`);
    }
    for (const [program, example] of Object.entries(examples)) {
      const { value } = example;
      assert.equal(value.program, program);
      const applicant = value.answers.applicant as Record<string, unknown>;
      assert.ok(
        typeof applicant.givenName === 'string' && typeof applicant.familyName === 'string',
      );
      const schemaName = Object.keys(document.components.schemas).find(
        (name) => name.toLowerCase() === `${program.replaceAll('-', '')}application`,
      );
      assert.ok(schemaName, program);
      const validate = ajv.getSchema(`#/components/schemas/${schemaName}`);
      assert.ok(validate?.(value), `${program}: ${JSON.stringify(validate?.errors)}`);
      const flow = applicationFlows.get(program)?.flow;
      assert.ok(flow);
      assert.deepEqual(validateAnswers(flow, value.answers).errors, []);
    }
  });
});
