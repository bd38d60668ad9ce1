import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachEngine } from '../../test/support/engines.ts';

describeEachEngine('database', (database) => {
  it('keeps a statement from another request out of an open transaction', async () => {
    const { db } = database();
    await sql`CREATE TABLE isolation_probe (label text NOT NULL)`.execute(db);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Request A opens a transaction, waits on other work, then rolls back.
    const requestA = db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('isolation_probe' as never)
          .values({ label: 'a' } as never)
          .execute();
        await held;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    // Request B writes while A is open. Its row must survive A's rollback.
    const requestB = db
      .insertInto('isolation_probe' as never)
      .values({ label: 'b' } as never)
      .execute();
    setTimeout(release, 50);
    assert.equal(await requestA, 'rolled back');
    await requestB;
    const rows = await sql<{ label: string }>`SELECT label FROM isolation_probe`.execute(db);
    assert.deepEqual(
      rows.rows.map((row) => row.label),
      ['b'],
    );
  });

  it('loses no update when many transactions read, wait and write at once', async () => {
    const { db } = database();
    await sql`CREATE TABLE counter_probe (id int PRIMARY KEY, value int NOT NULL)`.execute(db);
    await sql`INSERT INTO counter_probe VALUES (1, 0)`.execute(db);
    await Promise.all(
      Array.from({ length: 25 }, () =>
        db.transaction().execute(async (trx) => {
          const { rows } = await sql<{
            value: number;
          }>`SELECT value FROM counter_probe WHERE id = 1 FOR UPDATE`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 1));
          await sql`UPDATE counter_probe SET value = ${(rows[0]?.value ?? 0) + 1} WHERE id = 1`.execute(
            trx,
          );
        }),
      ),
    );
    const { rows } = await sql<{
      value: number;
    }>`SELECT value FROM counter_probe WHERE id = 1`.execute(db);
    assert.equal(rows[0]?.value, 25);
  });
});
