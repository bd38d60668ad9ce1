import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDay } from '../../engine/dates.ts';
import {
  CivicsDataError,
  civicsDirectory,
  civicsVersions,
  loadCivicsLibrary,
  officeIds,
} from './civics-questions.ts';
import { loadCivicsRules } from './civics-session.ts';

const library = loadCivicsLibrary();
const rules = loadCivicsRules();
const day = (iso: string) => parseDay(iso) as number;

describe('civics question banks', () => {
  it('holds the 128 questions of the 2025 test and the 100 of the 2008 test', () => {
    assert.equal(library.english('2025').questions.length, 128);
    assert.equal(library.english('2008').questions.length, 100);
  });

  it('marks 20 questions of each test for the 65/20 exemption', () => {
    for (const version of civicsVersions) {
      const senior = library.english(version).questions.filter((q) => q.senior);
      assert.equal(senior.length, 20, version);
    }
    assert.deepEqual(
      library
        .english('2008')
        .questions.filter((q) => q.senior)
        .map((q) => q.number),
      [6, 11, 13, 17, 20, 27, 28, 44, 45, 49, 54, 56, 70, 75, 78, 85, 94, 95, 97, 99],
    );
  });

  it('agrees with the dated test-format parameter on the size of every set', () => {
    for (const version of civicsVersions) {
      const questions = library.english(version).questions;
      assert.equal(questions.length, rules.format(version, 'all').bank, version);
      assert.equal(questions.filter((q) => q.senior).length, rules.format(version, 'senior').bank);
    }
  });

  it('writes no office holder into a question bank', () => {
    const text = ['2025.en.yaml', '2008.en.yaml']
      .map((name) => readFileSync(path.join(civicsDirectory, name), 'utf8'))
      .join('\n');
    for (const name of [
      'Trump',
      'Vance',
      'Johnson',
      'Roberts',
      'Murray',
      'Cantwell',
      'Ferguson',
      'Olympia',
    ]) {
      assert.ok(!text.includes(name), name);
    }
    const withOffice = library.english('2025').questions.filter((q) => q.office);
    assert.deepEqual(
      withOffice.map((q) => q.number),
      [23, 29, 30, 38, 39, 57, 61, 62],
    );
    assert.ok(withOffice.every((q) => q.answers.length === 0));
  });

  it('translates every question of every bank it holds, with as many answers as English', () => {
    for (const version of civicsVersions) {
      const english = library.english(version);
      for (const language of library.languages(version)) {
        const bank = library.translation(version, language);
        assert.ok(bank, `${version}.${language}`);
        assert.equal(bank.questions.length, english.questions.length);
        bank.questions.forEach((question, index) => {
          const source = english.questions[index];
          assert.equal(question.answers.length, source?.answers.length);
          assert.equal(question.senior, source?.senior);
        });
        if (language !== 'en') assert.equal(bank.machineDrafted, true, `${version}.${language}`);
      }
    }
  });

  it('has no bank for a language nobody translated yet', () => {
    assert.equal(library.translation('2025', 'xx'), undefined);
  });
});

describe('office holders', () => {
  it('resolves each office as of a date, from the value in force that day', () => {
    const governorBefore = library.office('state-governor', day('2025-01-14'));
    const governorAfter = library.office('state-governor', day('2025-01-15'));
    assert.equal(governorBefore.answer.kind, 'unknown');
    assert.deepEqual(
      governorAfter.answer.kind === 'names' ? governorAfter.answer.names[0] : undefined,
      'Bob Ferguson',
    );
    const president = library.office('president', day('2026-01-01')).answer;
    assert.ok(president.kind === 'names' && president.names.includes('Donald J. Trump'));
    const vice = library.office('vice-president', day('2026-01-01')).answer;
    assert.ok(vice.kind === 'names' && vice.names.includes('JD Vance'));
    const senators = library.office('state-senators', day('2026-01-01')).answer;
    assert.ok(senators.kind === 'names');
    assert.deepEqual([...senators.names].sort(), ['Maria Cantwell', 'Patty Murray']);
    const capital = library.office('state-capital', day('2026-01-01')).answer;
    assert.ok(capital.kind === 'names' && capital.names[0] === 'Olympia');
    const party = library.office('president-party', day('2026-01-01')).answer;
    assert.ok(party.kind === 'party' && party.party === 'republican');
  });

  it('sends people to the House to find their own representative', () => {
    const representative = library.office('state-representative', day('2026-01-01'));
    assert.equal(representative.answer.kind, 'varies');
    assert.equal(
      representative.href,
      'https://www.house.gov/representatives/find-your-representative',
    );
  });

  it('says when the names are past their review date', () => {
    assert.equal(library.office('speaker', day('2026-06-01')).stale, false);
    assert.equal(library.office('speaker', day('2030-01-01')).stale, true);
  });

  it('answers for every office', () => {
    for (const id of officeIds) assert.ok(library.office(id, day('2026-01-01')));
  });
});

describe('loading bad data', () => {
  function withFiles(change: (directory: string) => void): () => unknown {
    const directory = `${mkdtempSync(path.join(tmpdir(), 'civics-'))}/`;
    for (const name of ['2025.en.yaml', '2008.en.yaml', 'office-holders.yaml']) {
      copyFileSync(path.join(civicsDirectory, name), directory + name);
    }
    change(directory);
    return () => {
      try {
        return loadCivicsLibrary(directory);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    };
  }

  it('refuses a translation that leaves a question out', () => {
    const load = withFiles((directory) =>
      writeFileSync(
        `${directory}2008.xx.yaml`,
        'version: "2008"\nlanguage: xx\nmachine_drafted: true\nquestions:\n  - n: 1\n    q: Q\n    a: [A]\n',
      ),
    );
    assert.throws(load, CivicsDataError);
  });

  it('refuses an office holder without a date', () => {
    const load = withFiles((directory) => {
      const file = `${directory}office-holders.yaml`;
      writeFileSync(file, readFileSync(file, 'utf8').replace('2025-01-15:', 'soon:'));
    });
    assert.throws(load, CivicsDataError);
  });
});
