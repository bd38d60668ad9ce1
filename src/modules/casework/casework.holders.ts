import type { PersonalDataHolder } from '../../privacy/personal-data-holder.ts';
import { caseEventText, infoRequestMessage } from './sealed-fields.ts';

/**
 * What casework writes about a person — notes, a decision's own words,
 * requests for information — for the data report and for forgetting.
 * Forgetting keeps each event's kind, statuses, reason codes and dates (the
 * processing-time figures) and drops the words.
 */
export const caseEventsHolder: PersonalDataHolder = {
  source: 'case_events',
  async describe(db, personId, dataKey) {
    const rows = await db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select([
        'case_events.id',
        'case_events.kind',
        'case_events.from_status',
        'case_events.to_status',
        'case_events.actor',
        'case_events.reason_codes',
        'case_events.text',
        'case_events.created_at',
      ])
      .where('cases.person_id', '=', personId)
      .orderBy('case_events.created_at')
      .execute();
    return {
      source: 'case_events',
      purpose:
        'What happened to a case and who did it: transitions, assignments, notes, decisions.',
      records: rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at.toISOString(),
        fields: {
          kind: row.kind,
          from: row.from_status,
          to: row.to_status,
          actor: row.actor,
          reasonCodes: row.reason_codes,
          text: dataKey && row.text ? caseEventText.open(row.text, dataKey, row.id) : null,
        },
      })),
    };
  },
  async erase(db, personId) {
    const result = await db
      .updateTable('case_events')
      .set({ text: null })
      .where('text', 'is not', null)
      .where('case_id', 'in', (eb) =>
        eb.selectFrom('cases').select('id').where('person_id', '=', personId),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};

export const infoRequestsHolder: PersonalDataHolder = {
  source: 'info_requests',
  async describe(db, personId, dataKey) {
    const rows = await db
      .selectFrom('info_requests')
      .innerJoin('cases', 'cases.id', 'info_requests.case_id')
      .select([
        'info_requests.id',
        'info_requests.message',
        'info_requests.due_on',
        'info_requests.answered_at',
        'info_requests.created_at',
      ])
      .where('cases.person_id', '=', personId)
      .orderBy('info_requests.created_at')
      .execute();
    return {
      source: 'info_requests',
      purpose: 'What an organisation asked the person for, and by when.',
      records: rows.map((row) => ({
        id: row.id,
        createdAt: row.created_at.toISOString(),
        fields: {
          dueOn: row.due_on,
          answeredAt: row.answered_at?.toISOString() ?? null,
          message:
            dataKey && row.message ? infoRequestMessage.open(row.message, dataKey, row.id) : null,
        },
      })),
    };
  },
  async erase(db, personId) {
    // The message column is NOT NULL: an empty string says "forgotten".
    const result = await db
      .updateTable('info_requests')
      .set({ message: '' })
      .where('message', '!=', '')
      .where('case_id', 'in', (eb) =>
        eb.selectFrom('cases').select('id').where('person_id', '=', personId),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
