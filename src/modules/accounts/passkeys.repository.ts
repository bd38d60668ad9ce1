import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffPasskeysTable } from '../../db/schema.ts';

export interface StoredPasskey {
  credentialId: string;
  staffId: string;
  /** Sealed under the staff member's data key (src/privacy/sealing.ts). */
  sealedPublicKey: string;
  signCount: number;
  transports: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Where a passkey's public key is sealed: bound into its ciphertext, so a copied value opens nowhere else. */
export const passkeySealContext = (credentialId: string) => ({
  table: 'staff_passkeys',
  column: 'public_key',
  recordId: credentialId,
});

function toPasskey(row: Selectable<StaffPasskeysTable>): StoredPasskey {
  return {
    credentialId: row.credential_id,
    staffId: row.staff_id,
    sealedPublicKey: row.public_key,
    signCount: Number(row.sign_count),
    transports: row.transports ? row.transports.split(',') : [],
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
  };
}

export class PasskeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The staff member's passkeys, oldest first. */
  async listOf(staffId: string): Promise<StoredPasskey[]> {
    const rows = await this.db
      .selectFrom('staff_passkeys')
      .selectAll()
      .where('staff_id', '=', staffId)
      .orderBy('created_at')
      .orderBy('credential_id')
      .execute();
    return rows.map(toPasskey);
  }

  /** One passkey, only if it belongs to this staff member. */
  async findOf(staffId: string, credentialId: string): Promise<StoredPasskey | undefined> {
    const row = await this.db
      .selectFrom('staff_passkeys')
      .selectAll()
      .where('staff_id', '=', staffId)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
    return row ? toPasskey(row) : undefined;
  }

  /** False when the credential id is already registered (to anyone). */
  async add(passkey: Omit<StoredPasskey, 'lastUsedAt'>): Promise<boolean> {
    const result = await this.db
      .insertInto('staff_passkeys')
      .values({
        credential_id: passkey.credentialId,
        staff_id: passkey.staffId,
        public_key: passkey.sealedPublicKey,
        sign_count: passkey.signCount,
        transports: passkey.transports.join(','),
        created_at: passkey.createdAt,
      })
      .onConflict((oc) => oc.column('credential_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /**
   * Records a use, moving the signature counter only forwards: two
   * requests racing with one assertion cannot both pass the compare.
   */
  async recordUse(
    credentialId: string,
    previousCount: number,
    newCount: number,
    now: Date,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_passkeys')
      .set({ sign_count: newCount, last_used_at: now })
      .where('credential_id', '=', credentialId)
      .where('sign_count', '=', previousCount)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(staffId: string, credentialId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_passkeys')
      .where('staff_id', '=', staffId)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteAllOf(staffId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_passkeys')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
