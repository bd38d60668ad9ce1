import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogSink } from '../test/support/app.ts';
import { createLogger, redactPersonalFields, serializeError } from './logger.ts';

describe('logger', () => {
  it('redacts personal fields at the top level and one level down', () => {
    const sink = new LogSink();
    const logger = createLogger({ destination: sink });
    logger.info(
      {
        birthDate: '1980-02-29',
        person: { familyName: 'Canary', phone: '+12065550100' },
        route: '/',
      },
      'hello',
    );
    assert.doesNotMatch(sink.text, /1980-02-29|Canary|2065550100/);
    assert.match(sink.text, /\[redacted\]/);
    assert.match(sink.text, /"route":"\/"/);
  });

  it('keeps driver details such as "Key (email)=(…)" out of serialised errors', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (email)=(canary@example.org) already exists.',
    });
    const serialised = JSON.stringify(serializeError(error));
    assert.match(serialised, /23505/);
    assert.doesNotMatch(serialised, /canary@example\.org/);
  });
});

describe('redactPersonalFields', () => {
  it('hides secret headers in a nested headers object and leaves other objects untouched', () => {
    const input = { headers: { cookie: 'belong_csrf=abc', accept: 'text/html' }, route: '/' };
    const output = redactPersonalFields(input);
    assert.deepEqual(output, {
      headers: { cookie: '[redacted]', accept: 'text/html' },
      route: '/',
    });
    assert.equal(input.headers.cookie, 'belong_csrf=abc', 'the original object is not changed');
    const clean = { route: '/', status: 200 };
    assert.equal(redactPersonalFields(clean), clean, 'nothing to hide: the same object, no copy');
  });
});
