import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../../audit/audit.service.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { getAnswer } from '../../flow/flow.ts';
import type { PersonKeysService } from '../../privacy/person-keys.service.ts';
import { birthDateOf } from '../applications/applications.service.ts';
import { caseFields } from '../applications/sealed-fields.ts';
import type { StaffContext } from './casework.service.ts';
import { mayAny } from './permissions.ts';

/** Columns every export has: what a supervisor needs to manage a backlog, nothing personal. */
const caseColumns = [
  'reference',
  'program',
  'status',
  'outcome',
  'screening_outcome',
  'submitted_at',
  'decision_due_on',
  'decided_at',
  'language',
  'channel',
] as const;
/** Columns only roles allowed `export.cases_personal` get: who the applicant is and how to reach them. */
const personalColumns = ['given_name', 'family_name', 'birth_date', 'phone', 'email'] as const;

/**
 * A cell as a spreadsheet will not run: text starting with = + - @ (or a
 * tab or carriage return) is a formula to Excel and LibreOffice, so it gets
 * a leading apostrophe (OWASP, "CSV Injection").
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Exports an organisation's cases as CSV for a supervisor (issue 6, item 8).
 * The export is an audit event; with personal columns, each person read is
 * one too.
 */
export class CaseExportService {
  constructor(private readonly deps: { db: Kysely<Database>; personKeys: PersonKeysService }) {}

  async exportCsv(
    staff: StaffContext,
    organisationId: string,
    options: { program?: string; personal?: boolean } = {},
  ): Promise<{ csv: string; rows: number; personal: boolean }> {
    const roles = staff.memberships
      .filter((membership) => membership.organisationId === organisationId)
      .map((membership) => membership.role);
    if (!mayAny(roles, 'export.cases')) throw new AppError('BLG_FORBIDDEN');
    const personal = options.personal === true;
    if (personal && !mayAny(roles, 'export.cases_personal')) throw new AppError('BLG_FORBIDDEN');
    let query = this.deps.db
      .selectFrom('cases')
      .select([...caseColumns, 'id', 'person_id', 'answers'])
      .where('organisation_id', '=', organisationId);
    if (options.program) query = query.where('program', '=', options.program);
    const cases = await query.orderBy('submitted_at').execute();
    const header = [...caseColumns, ...(personal ? personalColumns : [])];
    const records: string[][] = [];
    for (const row of cases) {
      const cells = caseColumns.map((column) => safeCell(row[column]));
      if (personal) {
        const key = row.answers
          ? await this.deps.personKeys.get(row.person_id).catch(() => undefined)
          : undefined;
        const answers =
          key && row.answers ? caseFields.open({ answers: row.answers }, key, row.id).answers : {};
        cells.push(
          safeCell(getAnswer(answers, 'applicant.givenName')),
          safeCell(getAnswer(answers, 'applicant.familyName')),
          safeCell(birthDateOf(answers)),
          safeCell(getAnswer(answers, 'applicant.phone')),
          safeCell(getAnswer(answers, 'applicant.email')),
        );
        if (key) {
          await recordAuditEvent(this.deps.db, {
            organisationId,
            type: 'person.data_read',
            actor: staff.staffId,
            subject: row.person_id,
            details: {
              fields: ['given_name', 'family_name', 'birth_date', 'phone', 'email'],
              purpose: 'export',
            },
          });
        }
      }
      records.push(cells);
    }
    await recordAuditEvent(this.deps.db, {
      organisationId,
      type: 'export.created',
      actor: staff.staffId,
      details: { kind: personal ? 'cases_personal' : 'cases', format: 'csv', rows: records.length },
    });
    return { csv: stringify([header, ...records]), rows: records.length, personal };
  }
}
