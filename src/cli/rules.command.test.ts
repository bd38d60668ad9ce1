import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runBelong } from '../../test/support/cli.ts';

function run(argv: string[], stdin = '') {
  return runBelong(argv, { stdin });
}

const folder = mkdtempSync(path.join(tmpdir(), 'belong-rules-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('belong rules', () => {
  it('evaluates one person from standard input into the contract shape', async () => {
    const facts = {
      householdSize: 4,
      householdIncome: 49500,
      residenceState: 'WA',
      receivesMeansTestedBenefit: false,
    };
    const result = await run(
      ['rules', 'eval', 'naturalization-fee', '--as-of', '2026-11-24'],
      JSON.stringify(facts),
    );
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(output), [
      'program',
      'asOf',
      'rulesVersion',
      'outcome',
      'values',
      'reasons',
      'missing',
    ]);
    assert.equal(output.asOf, '2026-11-24');
    assert.equal(output.outcome, 'yes');
    assert.deepEqual(output.values, {
      fee: 0,
      option: 'waiver',
      filingMethod: 'paper',
      fplPercent: 150,
    });
    const reasons = output.reasons as {
      rule: string;
      met: unknown;
      citation: string;
      message: string;
    }[];
    for (const reason of reasons) {
      assert.ok(reason.citation.includes('https://'), reason.rule);
      assert.ok(reason.message.length > 10 && !reason.message.includes('{'), reason.rule);
    }
  });

  it('exits 2 with one line on standard error for malformed input', async () => {
    const cases: [string[], string][] = [
      [['rules', 'eval', 'naturalization-fee'], 'not json'],
      [['rules', 'eval', 'naturalization-fee'], '[1, 2]'],
      [['rules', 'eval', 'naturalization-fee'], '{"householdSize": "four"}'],
      [['rules', 'eval', 'naturalization-fee'], '{"filingDate": "2026-02-30"}'],
      [['rules', 'eval', 'naturalization-fee'], '{"shoeSize": 9}'],
      [['rules', 'eval', 'no-such-program'], '{}'],
      [['rules', 'eval', 'naturalization-fee', '--as-of', 'yesterday'], '{}'],
    ];
    for (const [argv, stdin] of cases) {
      const result = await run(argv, stdin);
      assert.equal(result.code, 2, `${argv.join(' ')} < ${stdin}`);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
  });

  it('runs the YAML cases', async () => {
    const result = await run(['rules', 'test', 'naturalization-fee']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /naturalization-fee: \d+ passed, 0 failed/);
  });

  it('simulates a population from a newline-delimited file, counting bad lines as invalid', async () => {
    const file = path.join(folder, 'people.ndjson');
    const lines = [
      {
        householdSize: 1,
        householdIncome: 10000,
        residenceState: 'WA',
        receivesMeansTestedBenefit: false,
      },
      {
        householdSize: 1,
        householdIncome: 200000,
        residenceState: 'WA',
        receivesMeansTestedBenefit: false,
      },
      { militaryService: true },
      {},
    ].map((facts) => JSON.stringify(facts));
    writeFileSync(file, `${lines.join('\n')}\nnot json\n{"householdSize": -1}\n`);
    const result = await run([
      'rules',
      'simulate',
      'naturalization-fee',
      file,
      '--as-of',
      '2026-11-24',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as {
      records: number;
      invalid: number;
      outcomes: Record<string, number>;
      reasons: Record<string, { met: number; notMet: number; unknown: number }>;
      missing: Record<string, number>;
    };
    assert.equal(summary.records, 6);
    assert.equal(summary.invalid, 2);
    assert.deepEqual(summary.outcomes, { yes: 2, no: 1, maybe: 1 });
    // No answer about military service means none (the contract makes it optional).
    assert.deepEqual(summary.reasons['military-exemption'], { met: 1, notMet: 3, unknown: 0 });
    // The veteran's fee needs no income, but the income percentage it reports does.
    assert.equal(summary.missing.householdIncome, 2);
    assert.match(result.stderr, /100%/);
  });
});
