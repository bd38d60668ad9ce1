import type { PersonalDataHolder } from '../../privacy/personal-data-holder.ts';

/**
 * What the accounts module holds, sealed, about a staff member: their TOTP
 * secret (src/modules/personal-data-holders.ts). The data report says that
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
