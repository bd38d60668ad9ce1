import type { Kysely } from 'kysely';
import type { CaseEventsTable, Database } from '../../db/schema.ts';

/** One line of a case's history, as the casework service records it. */
export interface NewCaseEvent {
  /** Given when `text` is sealed: the seal is bound to the row's id. */
  id?: string;
  caseId: string;
  organisationId: string;
  kind: CaseEventsTable['kind'];
  from: string | null;
  to: string | null;
  /** A staff account id. */
  actor: string;
  /** Codes of the rules' reasons; the column's default (none) when absent. */
  reasonCodes?: readonly string[];
  /** Already sealed under the person's key (`caseEventText`); never plain text. */
  text?: string | null;
}

/**
 * Appends events to `case_events` in one statement, in the caller's
 * transaction (the case's update, the event and its audit entry stand or
 * fall together). Optional fields left out are left to the column defaults.
 */
export async function recordCaseEvent(
  db: Kysely<Database>,
  ...events: [NewCaseEvent, ...NewCaseEvent[]]
): Promise<void> {
  await db
    .insertInto('case_events')
    .values(
      events.map((event) => ({
        ...(event.id === undefined ? {} : { id: event.id }),
        case_id: event.caseId,
        organisation_id: event.organisationId,
        kind: event.kind,
        from_status: event.from,
        to_status: event.to,
        actor: event.actor,
        ...(event.reasonCodes === undefined
          ? {}
          : { reason_codes: JSON.stringify(event.reasonCodes) }),
        ...(event.text === undefined ? {} : { text: event.text }),
      })),
    )
    .execute();
}
