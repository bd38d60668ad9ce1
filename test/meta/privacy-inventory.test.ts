import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachEngine } from '../support/engines.ts';

/**
 * docs/privacy.md lists every column Belong's database has, whether it holds
 * personal data, why, and for how long. A migration that adds a column
 * without adding it there fails here: nothing is stored that nobody wrote
 * down (issue 4, item 5).
 */
function listedColumns(): string[] {
  const text = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
  const columns: string[] = [];
  for (const match of text.matchAll(/^\|\s*`([a-z_]+\.[a-z_]+)`\s*\|/gm)) {
    columns.push(match[1] as string);
  }
  return columns.sort();
}

describeEachEngine('privacy inventory', (database) => {
  it('lists in docs/privacy.md exactly the columns the migrations create', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely\\_%'
    `.execute(database().db);
    const actual = rows.map((row) => `${row.table_name}.${row.column_name}`).sort();
    const listed = listedColumns();
    assert.deepEqual(
      actual.filter((column) => !listed.includes(column)),
      [],
      'columns in the database but not in docs/privacy.md',
    );
    assert.deepEqual(
      listed.filter((column) => !actual.includes(column)),
      [],
      'columns in docs/privacy.md that no migration creates',
    );
  });
});
