import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { personalDataHolders } from '../../src/modules/personal-data-holders.ts';
import { describeEachEngine } from '../support/engines.ts';

/**
 * docs/privacy.md lists every column Belong's database has, whether it holds
 * personal data, why, and for how long. A migration that adds a column
 * without adding it there fails here: nothing is stored that nobody wrote
 * down (issue 4, item 5). The key store, a database of its own, has its own
 * section, held to its own migrations.
 */
const keyStoreHeading = '## Every column the key store has';

function listedColumns(): { main: string[]; keyStore: string[]; sealedTables: string[] } {
  const text = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
  const listed = { main: [] as string[], keyStore: [] as string[] };
  const sealedTables = new Set<string>();
  let section: 'main' | 'keyStore' = 'main';
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) section = line.trim() === keyStoreHeading ? 'keyStore' : 'main';
    const match = /^\|\s*`([a-z_]+)\.([a-z_]+)`\s*\|([^|]*)\|/.exec(line);
    if (!match) continue;
    listed[section].push(`${match[1]}.${match[2]}`);
    // "personal" column of a sealed field reads "yes, sealed".
    if (/\bsealed\b/.test(match[3] as string)) sealedTables.add(match[1] as string);
  }
  return {
    main: listed.main.sort(),
    keyStore: listed.keyStore.sort(),
    sealedTables: [...sealedTables].sort(),
  };
}

async function actualColumns(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely\\_%'
  `.execute(db);
  return rows.map((row) => `${row.table_name}.${row.column_name}`).sort();
}

function assertSame(actual: string[], listed: string[], where: string): void {
  assert.deepEqual(
    actual.filter((column) => !listed.includes(column)),
    [],
    `columns in ${where} but not in its section of docs/privacy.md`,
  );
  assert.deepEqual(
    listed.filter((column) => !actual.includes(column)),
    [],
    `columns in docs/privacy.md's section for ${where} that no migration creates`,
  );
}

it('gives every table with a sealed field a holder, so the report and forgetting reach it', () => {
  const holders = personalDataHolders.map((holder) => holder.source);
  assert.deepEqual(
    listedColumns().sealedTables.filter((table) => !holders.includes(table)),
    [],
    'tables with sealed fields missing from src/modules/personal-data-holders.ts',
  );
});

describeEachEngine(
  'privacy inventory',
  (database, _engine, keyStore) => {
    it('lists in docs/privacy.md exactly the columns the migrations create', async () => {
      assertSame(
        await actualColumns(database().db as Kysely<unknown>),
        listedColumns().main,
        'the main database',
      );
    });

    it('lists in its own section exactly the columns the key store has', async () => {
      const { keyStore: listed, main } = listedColumns();
      assert.ok(listed.length > 0, `docs/privacy.md has no "${keyStoreHeading}" section`);
      assertSame(await actualColumns(keyStore().db as Kysely<unknown>), listed, 'the key store');
      assert.deepEqual(
        listed.filter((column) => main.includes(column)),
        [],
        'a key store column listed as in the main database too',
      );
    });
  },
  { keyStore: true },
);
