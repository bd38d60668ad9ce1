import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface StoredSecondFactor {
  staffId: string;
  kind: 'totp';
  /** Sealed under the staff member's data key (src/privacy/sealing.ts). */
  sealedSecret: string;
  lastUsedStep: number | null;
  createdAt: Date;
  confirmedAt: Date | null;
}

/** Where a TOTP secret is sealed: bound into its ciphertext, so a copied value opens nowhere else. */
export const secondFactorSealContext = (staffId: string) => ({
  table: 'staff_second_factors',
  column: 'secret',
  recordId: staffId,
});

export class SecondFactorsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(staffId: string): Promise<StoredSecondFactor | undefined> {
    const row = await this.db
      .selectFrom('staff_second_factors')
      .selectAll()
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      staffId: row.staff_id,
      kind: row.kind,
      sealedSecret: row.secret,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
      createdAt: new Date(row.created_at),
      confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
    };
  }

  /** Replaces any unconfirmed secret with a new one. Never touches a confirmed one. */
  async savePending(staffId: string, sealedSecret: string, now: Date): Promise<void> {
    await this.db
      .deleteFrom('staff_second_factors')
      .where('staff_id', '=', staffId)
      .where('confirmed_at', 'is', null)
      .execute();
    await this.db
      .insertInto('staff_second_factors')
      .values({ staff_id: staffId, kind: 'totp', secret: sealedSecret, created_at: now })
      .onConflict((oc) => oc.column('staff_id').doNothing())
      .execute();
  }

  /**
   * Accepts `step` if it is later than the last one accepted: the compare
   * and the write are one statement, so two requests racing with the same
   * code cannot both succeed. Confirms a pending factor on its first code.
   */
  async acceptStep(staffId: string, step: number, now: Date, confirm: boolean): Promise<boolean> {
    let query = this.db
      .updateTable('staff_second_factors')
      .set({ last_used_step: step, ...(confirm ? { confirmed_at: now } : {}) })
      .where('staff_id', '=', staffId)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]));
    query = confirm
      ? query.where('confirmed_at', 'is', null)
      : query.where('confirmed_at', 'is not', null);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(staffId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_second_factors')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
