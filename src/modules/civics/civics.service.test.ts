import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDay } from '../../engine/dates.ts';
import { supportedLocales } from '../../i18n/locales.ts';
import { CivicsService } from './civics.service.ts';
import { parseSession } from './civics-session.ts';

const civics = new CivicsService();
const today = parseDay('2026-01-15') as number;

describe('civics service', () => {
  it('has a machine-drafted bank of both tests in every language Belong speaks', () => {
    for (const locale of supportedLocales) {
      for (const version of ['2025', '2008'] as const) {
        assert.equal(
          civics.bankStatus(version, locale),
          locale === 'en' ? 'source' : 'machine-drafted',
          `${version} ${locale}`,
        );
      }
    }
  });

  it('shows English questions, marked as such, where a language has no bank yet', () => {
    assert.equal(civics.bankStatus('2025', 'xx'), 'not-translated');
    const [first] = civics.questions('2025', 'all', 'xx', today);
    assert.equal(first?.language, 'en');
    assert.equal(first?.text, 'What is the form of government of the United States?');
    assert.equal(first?.english, undefined);
  });

  it('shows a translation with its English source beside it', () => {
    const [first] = civics.questions('2025', 'all', 'es', today);
    assert.equal(first?.language, 'es');
    assert.equal(first?.text, '¿Cuál es la forma de gobierno de los Estados Unidos?');
    assert.equal(first?.english?.text, 'What is the form of government of the United States?');
  });

  it('lists only the 20 marked questions for the 65/20 set', () => {
    const senior = civics.questions('2008', 'senior', 'en', today);
    assert.equal(senior.length, 20);
    assert.ok(senior.every((question) => question.senior));
  });

  it('resolves the answer of an office question for the day it is asked', () => {
    const governor = civics
      .questions('2025', 'all', 'en', today)
      .find((question) => question.number === 61);
    assert.equal(governor?.office?.answer.kind, 'names');
    assert.ok(
      governor?.office?.answer.kind === 'names' &&
        governor.office.answer.names.includes('Bob Ferguson'),
    );
  });

  it('asks the question the seed puts at the session’s position', () => {
    const state = parseSession(
      { test: '2008', set: 'senior', seed: '99', i: '2', r: '1', w: '1' },
      civics.rules,
    );
    const order = civics.order(state);
    assert.equal(order.length, 10);
    assert.equal(civics.current(state, 'en', today).number, order[2]);
  });
});
