import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDay } from '../../engine/dates.ts';
import {
  applyResult,
  InvalidSession,
  isFinished,
  loadCivicsRules,
  parseSession,
  passed,
  questionOrder,
  type SessionState,
  sessionFields,
} from './civics-session.ts';

const rules = loadCivicsRules();
const day = (iso: string) => parseDay(iso) as number;

describe('civics test formats', () => {
  it('gives the 2025 test to N-400s filed from 2025-10-20 and the 2008 test before', () => {
    assert.equal(rules.testForFilingDate(day('2025-10-19'))?.version, '2008');
    assert.equal(rules.testForFilingDate(day('2025-10-20'))?.version, '2025');
    assert.equal(rules.testForFilingDate(day('2000-01-01')), undefined);
  });

  it('asks up to 20 of the 2025 test and passes at 12, 10 and 6 for 2008 and 65/20', () => {
    assert.deepEqual(rules.format('2025', 'all'), {
      bank: 128,
      asked: 20,
      pass: 12,
      stopAfterWrong: 9,
    });
    assert.equal(rules.format('2008', 'all').asked, 10);
    assert.equal(rules.format('2008', 'all').pass, 6);
    for (const version of ['2025', '2008'] as const) {
      assert.equal(rules.format(version, 'senior').asked, 10);
      assert.equal(rules.format(version, 'senior').pass, 6);
    }
  });
});

describe('practice sessions', () => {
  const start = { test: '2025', set: 'all', seed: '42', i: '0', r: '0', w: '0' };
  const format = rules.format('2025', 'all');

  it('reads a session from its form fields and writes it back', () => {
    const state = parseSession(start, rules);
    assert.deepEqual(sessionFields(state), start);
  });

  it('refuses fields a page could not have sent', () => {
    const bad: Record<string, string>[] = [
      { ...start, test: '2020' },
      { ...start, set: 'some' },
      { ...start, seed: '0' },
      { ...start, seed: '-1' },
      { ...start, seed: '99999999999' },
      { ...start, i: '1' },
      { ...start, i: '21', r: '12', w: '9' },
      { ...start, i: 'x' },
      { ...start, i: '13', r: '13', w: '0' },
    ];
    for (const fields of bad) assert.throws(() => parseSession(fields, rules), InvalidSession);
    const { seed: _seed, ...noSeed } = start;
    assert.throws(() => parseSession(noSeed, rules), InvalidSession);
  });

  it('stops at 12 right, at 9 wrong, or after 20 questions', () => {
    let state: SessionState = parseSession(start, rules);
    for (let n = 0; n < 12; n++) state = applyResult(state, format, 'right');
    assert.ok(isFinished(state, format));
    assert.ok(passed(state, format));
    assert.throws(() => applyResult(state, format, 'right'), InvalidSession);

    state = parseSession(start, rules);
    for (let n = 0; n < 8; n++) state = applyResult(state, format, 'wrong');
    assert.equal(isFinished(state, format), false);
    state = applyResult(state, format, 'wrong');
    assert.ok(isFinished(state, format));
    assert.equal(passed(state, format), false);
  });

  it('asks the same questions for the same seed, different ones for another', () => {
    const numbers = Array.from({ length: 128 }, (_, i) => i + 1);
    const first = questionOrder(numbers, format, 42);
    assert.deepEqual(questionOrder(numbers, format, 42), first);
    assert.equal(first.length, 20);
    assert.equal(new Set(first).size, 20);
    assert.notDeepEqual(questionOrder(numbers, format, 43), first);
  });
});
