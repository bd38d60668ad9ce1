import type { PersonalDataHolder } from '../../privacy/personal-data-holder.ts';
import { caseFields, draftFields } from './sealed-fields.ts';

/**
 * What the applications module holds about a person, for the data report and
 * for forgetting (src/modules/personal-data-holders.ts).
 */
export const applicationDraftsHolder: PersonalDataHolder = {
  source: 'application_drafts',
  async describe(db, personId, dataKey) {
    const rows = await db
      .selectFrom('application_drafts')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
    return {
      source: 'application_drafts',
      purpose: 'An application being filled in, saved at each page so nothing is lost.',
      records: rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at.toISOString(),
        fields: {
          program: row.program,
          lastSavedAt: row.updated_at.toISOString(),
          submitted: row.case_id !== null,
          answers: dataKey
            ? draftFields.open({ answers: row.answers }, dataKey, row.id).answers
            : null,
        },
      })),
    };
  },
  async erase(db, personId) {
    // A draft has no statistical use: it goes entirely.
    const result = await db
      .deleteFrom('application_drafts')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

export const casesHolder: PersonalDataHolder = {
  source: 'cases',
  async describe(db, personId, dataKey) {
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('submitted_at')
      .execute();
    return {
      source: 'cases',
      purpose: 'An application sent for a decision, with the rules version that screened it.',
      records: rows.map((row) => ({
        id: row.id,
        createdAt: row.submitted_at.toISOString(),
        fields: {
          reference: row.reference,
          program: row.program,
          status: row.status,
          channel: row.channel,
          language: row.language,
          screeningOutcome: row.screening_outcome,
          answers:
            dataKey && row.answers !== null
              ? caseFields.open({ answers: row.answers }, dataKey, row.id).answers
              : null,
        },
      })),
    };
  },
  async erase(db, personId) {
    // The case stays for the processing-time and fund reports (program,
    // status, dates, outcome); every answer and code goes, and the status
    // page no longer opens it.
    const result = await db
      .updateTable('cases')
      .set({ answers: null, claim_code: null, request_digest: null, claim_hash: 'forgotten' })
      .where('person_id', '=', personId)
      .where('claim_hash', '!=', 'forgotten')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
