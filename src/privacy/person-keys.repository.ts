import { type Kysely, sql } from 'kysely';
import type { KeyStoreDatabase } from '../db/schema.ts';

export interface StoredPersonKey {
  personId: string;
  /** Null once the person has been forgotten. */
  wrappedKey: Buffer | null;
  kekId: string;
  createdAt: Date;
  destroyedAt: Date | null;
}

/**
 * The `person_keys` table: wrapped data keys only, never an unwrapped one.
 * It lives in the key store (src/db/key-store.ts), never the main database.
 */
export class PersonKeysRepository {
  constructor(private readonly db: Kysely<KeyStoreDatabase>) {}

  /** Inserts a wrapped key; false when the person already has (or had) one. */
  async insert(personId: string, wrappedKey: Uint8Array, kekId: string): Promise<boolean> {
    const result = await this.db
      .insertInto('person_keys')
      .values({ person_id: personId, wrapped_key: wrappedKey, kek_id: kekId })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async find(personId: string): Promise<StoredPersonKey | undefined> {
    const row = await this.db
      .selectFrom('person_keys')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row ? toStored(row) : undefined;
  }

  /**
   * Crypto-shreds one key: the wrapped bytes are overwritten with NULL in
   * the same statement that marks it destroyed. True when a live key was
   * destroyed, false when there was none or it was already destroyed.
   */
  async destroy(personId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('person_keys')
      .set({ wrapped_key: null, destroyed_at: sql<Date>`now()` })
      .where('person_id', '=', personId)
      .where('destroyed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Live keys not yet wrapped under `kekId`, in person-id order after
   * `afterPersonId`: one batch of a resumable KEK rotation.
   */
  async listNotUnder(
    kekId: string,
    limit: number,
    afterPersonId?: string,
  ): Promise<StoredPersonKey[]> {
    let query = this.db
      .selectFrom('person_keys')
      .selectAll()
      .where('destroyed_at', 'is', null)
      .where('kek_id', '<>', kekId)
      .orderBy('person_id')
      .limit(limit);
    if (afterPersonId) query = query.where('person_id', '>', afterPersonId);
    return (await query.execute()).map(toStored);
  }

  /** How many live keys are not wrapped under `kekId`. */
  async countNotUnder(kekId: string): Promise<number> {
    const row = await this.db
      .selectFrom('person_keys')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('destroyed_at', 'is', null)
      .where('kek_id', '<>', kekId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Replaces a wrapped key with one under another KEK, only if it is still
   * live and still under `fromKekId` (a concurrent forget or rotation wins).
   */
  async rewrap(
    personId: string,
    fromKekId: string,
    wrappedKey: Uint8Array,
    toKekId: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('person_keys')
      .set({ wrapped_key: wrappedKey, kek_id: toKekId })
      .where('person_id', '=', personId)
      .where('kek_id', '=', fromKekId)
      .where('destroyed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toStored(row: {
  person_id: string;
  wrapped_key: Uint8Array | null;
  kek_id: string;
  created_at: Date;
  destroyed_at: Date | null;
}): StoredPersonKey {
  return {
    personId: row.person_id,
    wrappedKey: row.wrapped_key ? Buffer.from(row.wrapped_key) : null,
    kekId: row.kek_id,
    createdAt: row.created_at,
    destroyedAt: row.destroyed_at,
  };
}
