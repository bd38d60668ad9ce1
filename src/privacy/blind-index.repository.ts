import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { BlindIndexer, BlindIndexKind } from './blind-index.ts';

/** A value to index for a person: where it comes from, what kind, the plaintext. */
export interface IndexedValue {
  /** `applicant.family_name`: the table and field, and the HMAC subkey's domain. */
  domain: string;
  kind: BlindIndexKind;
  value: string | Date | null | undefined;
}

/**
 * Stores and searches blind indexes. Plaintext passes through `index` on its
 * way to an HMAC and is never stored; an index is a coarse filter, so a
 * caller opens the candidates' sealed values and compares the real ones.
 */
export class BlindIndexRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly indexer: BlindIndexer,
  ) {}

  /**
   * Replaces the person's indexes in the given domains with those of the
   * given values. Empty values are not indexed (they would match each other).
   * Inside `trx` when given (a submission writes its case and its indexes in
   * one commit); in a transaction of its own otherwise.
   */
  /**
   * The index values of the given values, empty ones left out: what `put`
   * stores, for a caller that writes them in a statement of its own.
   */
  indexValues(values: readonly IndexedValue[]): { domain: string; value: string }[] {
    return values.flatMap((entry) => {
      if (entry.value === null || entry.value === undefined) return [];
      const value = this.indexer.index(entry.domain, entry.kind, entry.value);
      return value === null ? [] : [{ domain: entry.domain, value }];
    });
  }

  async put(
    personId: string,
    organisationId: string | null,
    values: readonly IndexedValue[],
    trx?: Transaction<Database>,
  ): Promise<void> {
    const rows = this.indexValues(values).map((entry) => ({
      person_id: personId,
      organisation_id: organisationId,
      ...entry,
    }));
    const domains = [...new Set(values.map((entry) => entry.domain))];
    const write = async (db: Transaction<Database>) => {
      if (domains.length > 0) {
        await db
          .deleteFrom('person_blind_indexes')
          .where('person_id', '=', personId)
          .where('domain', 'in', domains)
          .execute();
      }
      if (rows.length > 0) {
        await db
          .insertInto('person_blind_indexes')
          .values(rows)
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
    };
    if (trx) await write(trx);
    else await this.db.transaction().execute(write);
  }

  /**
   * The people whose indexes match every given value (an AND over domains):
   * candidates, to be confirmed by opening their sealed values. Inside `db`
   * when given: on the embedded database a query outside an open
   * transaction waits for it forever.
   */
  async candidates(
    values: readonly IndexedValue[],
    db: Kysely<Database> = this.db,
  ): Promise<string[]> {
    const wanted = this.indexValues(values);
    if (wanted.length === 0) return [];
    const rows = await db
      .selectFrom('person_blind_indexes')
      .select('person_id')
      .where((eb) =>
        eb.or(
          wanted.map((entry) =>
            eb.and([eb('domain', '=', entry.domain), eb('value', '=', entry.value)]),
          ),
        ),
      )
      .groupBy('person_id')
      .having((eb) => eb.fn.count('domain').distinct(), '=', wanted.length)
      .orderBy('person_id')
      .execute();
    return rows.map((row) => row.person_id);
  }

  /** The domains a person is indexed in (for the data report; values say nothing alone). */
  async domainsOf(personId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('person_blind_indexes')
      .select('domain')
      .where('person_id', '=', personId)
      .orderBy('domain')
      .execute();
    return rows.map((row) => row.domain);
  }

  /** Deletes every index of the person: after forgetting, nothing can confirm they were here. */
  async deleteFor(personId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('person_blind_indexes')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
