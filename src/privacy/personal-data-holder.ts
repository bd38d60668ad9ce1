import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** One table's worth of what Belong holds about a person, as the data report prints it. */
export interface PersonalDataSection {
  /** The table (or feature) the records come from: `application_drafts`. */
  source: string;
  /** Why Belong holds it, in a sentence (the same words as docs/privacy.md). */
  purpose: string;
  /**
   * Each record: its id, when it was made, and its fields. Sealed fields are
   * opened when the person's key is live, and given as `null` with the
   * record's `sealed: true` once it is destroyed.
   */
  records: {
    id: string;
    createdAt: string;
    fields: Record<string, unknown>;
  }[];
}

/**
 * A feature module that stores anything about a person implements this, and
 * lists itself in src/modules/personal-data-holders.ts, so that the data
 * report and forgetting reach every table without the privacy core knowing
 * the modules (dependencies point from modules to privacy, never back).
 */
export interface PersonalDataHolder {
  /** The table or feature, as in docs/privacy.md. */
  readonly source: string;
  /**
   * What the person's records hold. `dataKey` is their unwrapped key, or
   * undefined once they are forgotten (the report then says what is left).
   */
  describe(
    db: Kysely<Database>,
    personId: string,
    dataKey: Uint8Array | undefined,
  ): Promise<PersonalDataSection>;
  /**
   * Removes the person's personal fields after their key is destroyed,
   * keeping only what aggregate statistics need (a program, dates, an
   * outcome). Must be idempotent: a forget that crashed is run again.
   * Returns how many records it changed.
   */
  erase(db: Kysely<Database>, personId: string): Promise<number>;
}
