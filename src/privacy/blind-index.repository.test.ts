import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachEngine } from '../../test/support/engines.ts';
import { BlindIndexRepository } from './blind-index.repository.ts';
import { BlindIndexer } from './blind-index.ts';

describeEachEngine('blind-index repository', (database) => {
  it('finds a person by name and birth date without plaintext, and forgets them', async () => {
    const indexes = new BlindIndexRepository(database().db, new BlindIndexer(randomBytes(32)));
    const ana = randomUUID();
    const other = randomUUID();
    const of = (family: string, birth: string) => [
      { domain: 'applicant.family_name', kind: 'name' as const, value: family },
      { domain: 'applicant.birth_date', kind: 'date' as const, value: birth },
    ];
    await indexes.put(ana, null, of('Núñez  Herrera', '1984-03-09'));
    await indexes.put(other, null, of('Núñez Herrera', '1990-01-01'));

    // Folded for case, accents and spacing; both values must match.
    const found = await indexes.candidates(of('nunez herrera', '1984-03-09'));
    assert.ok(found.includes(ana));
    assert.ok(!found.includes(other), 'a different birth date is not a candidate');
    assert.deepEqual(await indexes.candidates([]), []);

    const rows = await database()
      .db.selectFrom('person_blind_indexes')
      .select('value')
      .where('person_id', '=', ana)
      .execute();
    for (const row of rows) assert.doesNotMatch(row.value, /nunez|1984/i);

    // Putting again replaces the domain's values rather than adding to them.
    await indexes.put(ana, null, of('Núñez', '1984-03-09'));
    assert.ok(!(await indexes.candidates(of('Núñez Herrera', '1984-03-09'))).includes(ana));
    assert.deepEqual(await indexes.domainsOf(ana), [
      'applicant.birth_date',
      'applicant.family_name',
    ]);

    assert.equal(await indexes.deleteFor(ana), 2);
    assert.deepEqual(await indexes.domainsOf(ana), []);
    assert.ok(!(await indexes.candidates(of('Núñez', '1984-03-09'))).includes(ana));
  });
});
