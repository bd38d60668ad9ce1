import type { PersonalDataHolder } from '../../privacy/personal-data-holder.ts';

/**
 * What the accounts module holds, sealed, about a staff member: their TOTP
 * secret and their passkeys' public keys (src/modules/personal-data-holders.ts). The data report says that
 * one exists and when it was set up, never the secret: a report is a
 * document that travels, and the secret would sign in as them.
 */
export const staffSecondFactorsHolder: PersonalDataHolder = {
  source: 'staff_second_factors',
  async describe(db, personId) {
    const rows = await db
      .selectFrom('staff_second_factors')
      .select(['staff_id', 'kind', 'created_at', 'confirmed_at'])
      .where('staff_id', '=', personId)
      .execute();
    return {
      source: 'staff_second_factors',
      purpose: "A staff member's second factor for signing in; the secret itself is not shown.",
      records: rows.map((row) => ({
        id: row.staff_id,
        createdAt: new Date(row.created_at).toISOString(),
        fields: {
          kind: row.kind,
          confirmedAt: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
        },
      })),
    };
  },
  async erase(db, personId) {
    // Unreadable once the key is gone, and of no statistical use: it goes.
    const result = await db
      .deleteFrom('staff_second_factors')
      .where('staff_id', '=', personId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/**
 * A staff member's passkeys (src/modules/accounts/passkeys.service.ts): the
 * report says when each was added and last used, never the key.
 */
export const staffPasskeysHolder: PersonalDataHolder = {
  source: 'staff_passkeys',
  async describe(db, personId) {
    const rows = await db
      .selectFrom('staff_passkeys')
      .select(['credential_id', 'created_at', 'last_used_at'])
      .where('staff_id', '=', personId)
      .orderBy('created_at')
      .execute();
    return {
      source: 'staff_passkeys',
      purpose: "A staff member's passkeys for signing in; the keys themselves are not shown.",
      records: rows.map((row) => ({
        id: row.credential_id,
        createdAt: new Date(row.created_at).toISOString(),
        fields: {
          lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
        },
      })),
    };
  },
  async erase(db, personId) {
    // Useless once the key is gone, and of no statistical use: they go.
    const result = await db
      .deleteFrom('staff_passkeys')
      .where('staff_id', '=', personId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
