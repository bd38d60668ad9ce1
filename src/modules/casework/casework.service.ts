import { type Kysely, sql, type Transaction } from 'kysely';
import { recordAuditEvent } from '../../audit/audit.service.ts';
import { withOrganisationScope } from '../../db/organisation-scope.ts';
import {
  type CaseStatus,
  type ClinicStation,
  clinicStations,
  type Database,
  type StaffRole,
} from '../../db/schema.ts';
import { addDays, dayOf, formatDay, parseDay } from '../../engine/dates.ts';
import { AppError } from '../../errors.ts';
import { getAnswer, ruleAnswers } from '../../flow/flow.ts';
import type { FlowAnswers } from '../../flow/flow-definition.ts';
import type { BlindIndexRepository } from '../../privacy/blind-index.repository.ts';
import type { PersonKeysService } from '../../privacy/person-keys.service.ts';
import type { RetentionService } from '../../privacy/retention.service.ts';
import { birthDateOf } from '../applications/applications.service.ts';
import { caseFields } from '../applications/sealed-fields.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { recordCaseEvent } from './case-events.repository.ts';
import {
  type DecisionOutcome,
  decisionOutcomes,
  fundPrograms,
  mayTransition,
  openStatuses,
} from './case-state-machine.ts';
import { type Action, may, mayAny } from './permissions.ts';
import { caseEventText, infoRequestMessage } from './sealed-fields.ts';

/** Who is acting: a signed-in staff member and the organisations they belong to, with roles. */
export interface StaffContext {
  staffId: string;
  memberships: readonly { organisationId: string; role: StaffRole }[];
}

export interface QueueRow {
  caseId: string;
  reference: string;
  program: string;
  status: CaseStatus;
  submittedAt: Date;
  decisionDueOn: string;
  /** Whole days since submission. */
  ageDays: number;
  overdue: boolean;
  /** Why it waits: for someone to pick it up, for a reviewer, for the applicant. */
  waitingFor: 'assignment' | 'review' | 'applicant';
  assignedTo: string | null;
  screeningOutcome: 'yes' | 'no' | 'maybe' | null;
}

export interface CaseDetail {
  caseId: string;
  reference: string;
  program: string;
  status: CaseStatus;
  outcome: DecisionOutcome | null;
  station: ClinicStation | null;
  organisationId: string;
  assignedTo: string | null;
  submittedAt: Date;
  decisionDueOn: string;
  language: string;
  screeningOutcome: 'yes' | 'no' | 'maybe' | null;
  rulesVersion: string;
  answers: FlowAnswers | null;
  events: {
    kind: string;
    from: string | null;
    to: string | null;
    actor: string;
    at: Date;
    text: string | null;
    reasonCodes: string[];
  }[];
  infoRequests: {
    id: string;
    message: string | null;
    dueOn: string;
    answeredAt: Date | null;
    documentCode: string | null;
  }[];
  /** References of other cases of the organisation whose applicant has the same family name and birth date. */
  possibleDuplicates: string[];
}

const dayMs = 24 * 60 * 60 * 1000;
const maxTextLength = 2000;
/** Most cases one bulk action touches: enough for a clinic day, small enough to confirm. */
const maxBulk = 200;

/**
 * The caseworker's side (issue 6): queues with a clock, claim-next,
 * requests for information, decisions — each checked against the role ×
 * action table and the state machine, each an audit event. An organisation
 * sees only its own cases: every query names the organisations the staff
 * member belongs to (and PostgreSQL's row-level security holds the same
 * line underneath).
 */
export class CaseworkService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      personKeys: PersonKeysService;
      rules: RulesService;
      retention: RetentionService;
      /** Finds possible duplicates by blind index; without it no duplicate flag is raised. */
      blindIndexes?: BlindIndexRepository;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The roles `staff` holds in `organisationId`. */
  private rolesIn(staff: StaffContext, organisationId: string | null): StaffRole[] {
    return staff.memberships
      .filter((membership) => membership.organisationId === organisationId)
      .map((membership) => membership.role);
  }

  /** Refuses, with one coded 403, anything the staff member's roles there do not allow. */
  private require(staff: StaffContext, organisationId: string | null, action: Action): StaffRole[] {
    const roles = this.rolesIn(staff, organisationId);
    if (!mayAny(roles, action)) throw new AppError('BLG_FORBIDDEN');
    return roles;
  }

  /** Runs `work` where row-level security shows only the staff member's organisations. */
  private scoped<T>(staff: StaffContext, work: (trx: Transaction<Database>) => Promise<T>) {
    return withOrganisationScope(
      this.deps.db,
      staff.memberships.map((membership) => membership.organisationId),
      work,
    );
  }

  /** A case of one of the staff member's organisations; the same 404 for one of another. */
  private async caseFor(staff: StaffContext, caseId: string, db: Kysely<Database>) {
    const organisations = staff.memberships.map((membership) => membership.organisationId);
    if (organisations.length === 0 || !/^[0-9a-f-]{36}$/.test(caseId)) {
      throw new AppError('BLG_CASE_NOT_FOUND');
    }
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', caseId)
      .where('organisation_id', 'in', organisations)
      .executeTakeFirst();
    if (!row?.organisation_id) throw new AppError('BLG_CASE_NOT_FOUND');
    return { ...row, organisation_id: row.organisation_id };
  }

  /** The names of organisations, by id, for the console's pages (public names, not personal). */
  async organisationNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.deps.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .orderBy('name')
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Open cases of an organisation (and program), the most urgent first. */
  async queue(
    staff: StaffContext,
    organisationId: string,
    options: { program?: string; limit?: number; offset?: number } = {},
  ): Promise<QueueRow[]> {
    this.require(staff, organisationId, 'queue.view');
    return this.scoped(staff, (trx) => this.queueIn(trx, organisationId, options));
  }

  private async queueIn(
    db: Kysely<Database>,
    organisationId: string,
    options: { program?: string; limit?: number; offset?: number },
  ): Promise<QueueRow[]> {
    let query = db
      .selectFrom('cases')
      .select([
        'id',
        'reference',
        'program',
        'status',
        'submitted_at',
        'decision_due_on',
        'assigned_to',
        'screening_outcome',
      ])
      .where('organisation_id', '=', organisationId)
      .where('status', 'in', openStatuses);
    if (options.program) query = query.where('program', '=', options.program);
    const rows = await query
      .orderBy('decision_due_on')
      .orderBy('submitted_at')
      .limit(Math.min(options.limit ?? 50, 500))
      .offset(options.offset ?? 0)
      .execute();
    const now = this.now();
    const today = formatDay(dayOf(now));
    return rows.map((row) => ({
      caseId: row.id,
      reference: row.reference,
      program: row.program,
      status: row.status,
      submittedAt: row.submitted_at,
      decisionDueOn: row.decision_due_on,
      ageDays: Math.floor((now.getTime() - row.submitted_at.getTime()) / dayMs),
      overdue: row.decision_due_on < today,
      waitingFor:
        row.status === 'info_requested'
          ? 'applicant'
          : row.assigned_to === null
            ? 'assignment'
            : 'review',
      assignedTo: row.assigned_to,
      screeningOutcome: row.screening_outcome,
    }));
  }

  /**
   * Hands the staff member the most urgent unassigned case and starts its
   * review. `FOR UPDATE SKIP LOCKED`: twenty caseworkers pressing at once
   * get twenty different cases, never one case twice.
   */
  async claimNext(
    staff: StaffContext,
    organisationId: string,
    program?: string,
  ): Promise<string | null> {
    this.require(staff, organisationId, 'case.claim');
    const claimed = await this.scoped(staff, async (trx) => {
      const { rows } = await sql<{ id: string; status: CaseStatus; program: string }>`
        UPDATE cases SET assigned_to = ${staff.staffId}, assigned_at = now(), status = 'in_review'
        WHERE id = (
          SELECT id FROM cases
          WHERE organisation_id = ${organisationId}
            AND status IN ('submitted', 'screening')
            AND assigned_to IS NULL
            ${program ? sql`AND program = ${program}` : sql``}
          ORDER BY decision_due_on, submitted_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id, status, program`.execute(trx);
      const row = rows[0];
      if (!row) return null;
      await recordCaseEvent(
        trx,
        {
          caseId: row.id,
          organisationId,
          kind: 'assignment',
          from: null,
          to: null,
          actor: staff.staffId,
        },
        {
          caseId: row.id,
          organisationId,
          kind: 'transition',
          from: 'submitted',
          to: 'in_review',
          actor: staff.staffId,
        },
      );
      await recordAuditEvent(trx, {
        organisationId,
        type: 'case.transitioned',
        actor: staff.staffId,
        subject: row.id,
        details: { from: 'submitted', to: 'in_review', action: 'claim' },
      });
      return row.id;
    });
    return claimed;
  }

  /**
   * The organisation's staff who can work a case (their role may claim
   * one), by name: whom a supervisor can assign to, and how the queue and
   * the review name whoever has a case. Staff names are work identities,
   * not sealed personal data.
   */
  async colleagues(
    staff: StaffContext,
    organisationId: string,
  ): Promise<{ staffId: string; displayName: string; canWork: boolean }[]> {
    this.require(staff, organisationId, 'queue.view');
    const rows = await this.deps.db
      .selectFrom('staff_memberships')
      .innerJoin('staff_accounts', 'staff_accounts.id', 'staff_memberships.staff_id')
      .select(['staff_accounts.id', 'staff_accounts.display_name', 'staff_memberships.role'])
      .where('staff_memberships.organisation_id', '=', organisationId)
      .where('staff_accounts.disabled_at', 'is', null)
      .orderBy('staff_accounts.display_name')
      .orderBy('staff_accounts.id')
      .execute();
    return rows.map((row) => ({
      staffId: row.id,
      displayName: row.display_name,
      canWork: may(row.role, 'case.claim'),
    }));
  }

  /** Assigns a case to a member of its organisation (supervisor). */
  async assign(staff: StaffContext, caseId: string, assigneeId: string): Promise<void> {
    await this.scoped(staff, async (trx) => {
      const row = await this.caseFor(staff, caseId, trx);
      this.require(staff, row.organisation_id, 'case.assign');
      const member = await trx
        .selectFrom('staff_memberships')
        .select('role')
        .where('staff_id', '=', assigneeId)
        .where('organisation_id', '=', row.organisation_id)
        .executeTakeFirst();
      // Only to someone of the organisation whose role works cases.
      if (!member || !may(member.role, 'case.claim')) throw new AppError('BLG_FORBIDDEN');
      await trx
        .updateTable('cases')
        .set({ assigned_to: assigneeId, assigned_at: this.now() })
        .where('id', '=', caseId)
        .execute();
      await recordCaseEvent(trx, {
        caseId,
        organisationId: row.organisation_id,
        kind: 'assignment',
        from: null,
        to: null,
        actor: staff.staffId,
      });
      await recordAuditEvent(trx, {
        organisationId: row.organisation_id,
        type: 'case.assigned',
        actor: staff.staffId,
        subject: caseId,
        details: {},
      });
    });
  }

  /**
   * A case as the review screen shows it. Opening the answers is reading a
   * person's data: it needs `case.view_personal` and leaves a
   * `person.data_read` event; seeing the case at all leaves `case.viewed`.
   */
  async view(staff: StaffContext, caseId: string): Promise<CaseDetail> {
    return this.scoped(staff, (trx) => this.viewIn(trx, staff, caseId));
  }

  private async viewIn(
    db: Kysely<Database>,
    staff: StaffContext,
    caseId: string,
  ): Promise<CaseDetail> {
    const row = await this.caseFor(staff, caseId, db);
    const roles = this.require(staff, row.organisation_id, 'case.view');
    const personal = mayAny(roles, 'case.view_personal');
    const key = personal
      ? await this.deps.personKeys.get(row.person_id).catch(() => undefined)
      : undefined;
    const events = await db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    const requests = await db
      .selectFrom('info_requests')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    await recordAuditEvent(db, {
      organisationId: row.organisation_id,
      type: 'case.viewed',
      actor: staff.staffId,
      subject: caseId,
      details: { view: key ? 'full' : 'summary' },
    });
    if (key) {
      await recordAuditEvent(db, {
        organisationId: row.organisation_id,
        type: 'person.data_read',
        actor: staff.staffId,
        subject: row.person_id,
        details: { fields: ['answers'], purpose: 'case_review' },
      });
    }
    const answers =
      key && row.answers !== null
        ? caseFields.open({ answers: row.answers }, key, row.id).answers
        : null;
    return {
      caseId: row.id,
      reference: row.reference,
      program: row.program,
      status: row.status,
      outcome: row.outcome,
      station: row.station,
      organisationId: row.organisation_id,
      assignedTo: row.assigned_to,
      submittedAt: row.submitted_at,
      decisionDueOn: row.decision_due_on,
      language: row.language,
      screeningOutcome: row.screening_outcome,
      rulesVersion: row.rules_version,
      answers,
      possibleDuplicates: answers
        ? await this.possibleDuplicates(db, row.organisation_id, row.person_id, answers)
        : [],
      events: events.map((event) => ({
        kind: event.kind,
        from: event.from_status,
        to: event.to_status,
        actor: event.actor,
        at: event.created_at,
        text: key && event.text ? caseEventText.open(event.text, key, event.id) : null,
        reasonCodes: event.reason_codes,
      })),
      infoRequests: requests.map((request) => ({
        id: request.id,
        message: key ? infoRequestMessage.open(request.message, key, request.id) : null,
        dueOn: request.due_on,
        answeredAt: request.answered_at,
        documentCode: request.document_code,
      })),
    };
  }

  /**
   * Other cases of the organisation whose applicant's family name and birth
   * date have the same blind indexes: candidates only (an index is a few
   * bits), for a person to look at — never read here.
   */
  private async possibleDuplicates(
    db: Kysely<Database>,
    organisationId: string,
    personId: string,
    answers: FlowAnswers,
  ): Promise<string[]> {
    const familyName = getAnswer(answers, 'applicant.familyName');
    const birthDate = birthDateOf(answers);
    if (!this.deps.blindIndexes || typeof familyName !== 'string' || !birthDate) return [];
    const people = (
      await this.deps.blindIndexes.candidates(
        [
          { domain: 'applicant.family_name', kind: 'name', value: familyName },
          { domain: 'applicant.birth_date', kind: 'date', value: birthDate },
        ],
        db,
      )
    ).filter((candidate) => candidate !== personId);
    if (people.length === 0) return [];
    const rows = await db
      .selectFrom('cases')
      .select('reference')
      .where('organisation_id', '=', organisationId)
      .where('person_id', 'in', people)
      .orderBy('reference')
      .limit(20)
      .execute();
    return rows.map((candidate) => candidate.reference);
  }

  /** Moves a case along the state machine, if the staff member's roles allow it. */
  private async move(
    staff: StaffContext,
    caseId: string,
    to: CaseStatus,
    action: Action,
    extra: (
      trx: Kysely<Database>,
      row: Awaited<ReturnType<CaseworkService['caseFor']>>,
    ) => Promise<void> = async () => {},
  ): Promise<void> {
    await this.scoped(staff, async (trx) => {
      const row = await this.caseFor(staff, caseId, trx);
      const roles = this.require(staff, row.organisation_id, action);
      if (!mayTransition(row.program, row.status, to, roles)) {
        throw new AppError('BLG_CASE_TRANSITION_REFUSED');
      }
      // The status is checked again under the update: two people acting at
      // once cannot both move the case from the same state.
      const moved = await trx
        .updateTable('cases')
        .set({ status: to })
        .where('id', '=', caseId)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new AppError('BLG_CASE_TRANSITION_REFUSED');
      await recordCaseEvent(trx, {
        caseId,
        organisationId: row.organisation_id,
        kind: 'transition',
        from: row.status,
        to,
        actor: staff.staffId,
      });
      await recordAuditEvent(trx, {
        organisationId: row.organisation_id,
        type: 'case.transitioned',
        actor: staff.staffId,
        subject: caseId,
        details: { from: row.status, to, action: action.replace('case.', '') },
      });
      await extra(trx, row);
    });
  }

  /** Asks the applicant for something, with a date; the status page shows it. */
  async requestInformation(
    staff: StaffContext,
    caseId: string,
    request: { message: string; dueOn: string; documentCode?: string },
  ): Promise<void> {
    const message = request.message.trim();
    const due = parseDay(request.dueOn);
    const today = dayOf(this.now());
    if (message.length === 0 || message.length > maxTextLength)
      throw new AppError('BLG_BAD_REQUEST');
    if (due === undefined || due < today || due > addDays(today, 365)) {
      throw new AppError('BLG_BAD_REQUEST', { details: { reason: 'due-date' } });
    }
    await this.move(staff, caseId, 'info_requested', 'case.request_info', async (trx, row) => {
      const key = await this.deps.personKeys.get(row.person_id);
      const id = crypto.randomUUID();
      await trx
        .insertInto('info_requests')
        .values({
          id,
          case_id: caseId,
          organisation_id: row.organisation_id,
          requested_by: staff.staffId,
          document_code: request.documentCode ?? null,
          message: infoRequestMessage.seal(message, key, id),
          due_on: formatDay(due),
        })
        .execute();
    });
  }

  /** The applicant answered (or a caseworker records that they did): back to review. */
  async informationReceived(staff: StaffContext, caseId: string): Promise<void> {
    await this.move(staff, caseId, 'in_review', 'case.request_info', async (trx) => {
      await trx
        .updateTable('info_requests')
        .set({ answered_at: this.now() })
        .where('case_id', '=', caseId)
        .where('answered_at', 'is', null)
        .execute();
    });
  }

  /**
   * Decides a case, with reasons chosen from the rules (their codes) and the
   * caseworker's own words (sealed). Starts the program's retention clock.
   */
  async decide(
    staff: StaffContext,
    caseId: string,
    decision: { outcome: DecisionOutcome; reasonCodes: readonly string[]; text?: string },
  ): Promise<void> {
    if (!decisionOutcomes.includes(decision.outcome)) throw new AppError('BLG_BAD_REQUEST');
    const text = decision.text?.trim() ?? '';
    if (text.length > maxTextLength || decision.reasonCodes.length > 50) {
      throw new AppError('BLG_BAD_REQUEST');
    }
    if (!decision.reasonCodes.every((code) => /^[a-z][a-zA-Z0-9_.-]{0,80}$/.test(code))) {
      throw new AppError('BLG_BAD_REQUEST');
    }
    let personId = '';
    let program = '';
    await this.move(staff, caseId, 'decided', 'case.decide', async (trx, row) => {
      personId = row.person_id;
      program = row.program;
      const decidedAt = this.now();
      await trx
        .updateTable('cases')
        .set({ outcome: decision.outcome, decided_at: decidedAt })
        .where('id', '=', caseId)
        .execute();
      const key = text ? await this.deps.personKeys.get(row.person_id) : undefined;
      const id = crypto.randomUUID();
      await recordCaseEvent(trx, {
        id,
        caseId,
        organisationId: row.organisation_id,
        kind: 'decision',
        from: null,
        to: decision.outcome,
        actor: staff.staffId,
        reasonCodes: decision.reasonCodes,
        text: key ? caseEventText.seal(text, key, id) : null,
      });
      await recordAuditEvent(trx, {
        organisationId: row.organisation_id,
        type: 'decision.made',
        actor: staff.staffId,
        subject: caseId,
        details: {
          programId: row.program,
          outcome: decision.outcome,
          ...(/^[0-9a-f]{8,128}$/.test(row.rules_version)
            ? { rulesVersion: row.rules_version }
            : {}),
        },
      });
    });
    // A fund's approved case waits for its payment to start the clock.
    if (!(fundPrograms.includes(program) && decision.outcome === 'approved')) {
      await this.deps.retention.schedule(personId, program, 'final-decision', this.now());
    }
  }

  /** A fund's award and payment, and closing a case. */
  async advance(
    staff: StaffContext,
    caseId: string,
    to: 'awarded' | 'paid' | 'closed',
  ): Promise<void> {
    const action: Action =
      to === 'awarded' ? 'case.award' : to === 'paid' ? 'case.pay' : 'case.close';
    let personId = '';
    let program = '';
    await this.move(staff, caseId, to, action, async (_trx, row) => {
      personId = row.person_id;
      program = row.program;
    });
    if (to === 'paid') await this.deps.retention.schedule(personId, program, 'payment', this.now());
  }

  /**
   * Bulk actions on cases of one organisation (issue 6, item 4). Each case
   * goes through the same checks as one at a time; a case that cannot take
   * the action (another organisation's, already moved, not eligible for a
   * bulk approval) is skipped and counted as such, never half-done.
   */
  async bulk(
    staff: StaffContext,
    organisationId: string,
    caseIds: readonly string[],
    action:
      | { kind: 'assign'; assigneeId: string }
      | { kind: 'request_info'; message: string; dueOn: string }
      | { kind: 'approve' },
  ): Promise<{ done: number; skipped: number }> {
    const permission: Action =
      action.kind === 'assign'
        ? 'case.bulk_assign'
        : action.kind === 'request_info'
          ? 'case.bulk_request_info'
          : 'case.bulk_approve';
    this.require(staff, organisationId, permission);
    if (caseIds.length > maxBulk) throw new AppError('BLG_BAD_REQUEST');
    let done = 0;
    for (const caseId of new Set(caseIds)) {
      try {
        if (action.kind === 'assign') await this.assign(staff, caseId, action.assigneeId);
        else if (action.kind === 'request_info') {
          await this.requestInformation(staff, caseId, {
            message: action.message,
            dueOn: action.dueOn,
          });
        } else {
          if (!(await this.approvableInBulk(staff, caseId)))
            throw new AppError('BLG_CASE_TRANSITION_REFUSED');
          await this.decide(staff, caseId, { outcome: 'approved', reasonCodes: [] });
        }
        done++;
      } catch (error) {
        // A bad request (a malformed message or date) is the same for every case: stop.
        if ((error as { code?: string }).code === 'BLG_BAD_REQUEST') throw error;
      }
    }
    return { done, skipped: new Set(caseIds).size - done };
  }

  /**
   * A case may be approved in bulk only if the rules said yes, it is in
   * review, and nothing is flagged: no possible duplicate, no missing answer.
   */
  private async approvableInBulk(staff: StaffContext, caseId: string): Promise<boolean> {
    const detail = await this.view(staff, caseId);
    if (detail.status !== 'in_review' || detail.screeningOutcome !== 'yes') return false;
    if (detail.possibleDuplicates.length > 0 || !detail.answers) return false;
    try {
      const evaluation = this.deps.rules.evaluate(
        detail.program,
        ruleAnswers(detail.answers),
        dayOf(detail.submittedAt),
      );
      return evaluation.outcome === 'yes' && evaluation.missing.length === 0;
    } catch {
      return false;
    }
  }

  /**
   * Clinic mode (issue 6, item 6): at a citizenship workshop a navigator
   * sits with the applicant and moves their case through the stations —
   * screening, preparation, legal review, done — the way workshops run.
   */
  async moveStation(staff: StaffContext, caseId: string, station: ClinicStation): Promise<void> {
    if (!clinicStations.includes(station)) throw new AppError('BLG_BAD_REQUEST');
    await this.scoped(staff, async (trx) => {
      const row = await this.caseFor(staff, caseId, trx);
      this.require(staff, row.organisation_id, 'clinic.move');
      await trx.updateTable('cases').set({ station }).where('id', '=', caseId).execute();
      await recordCaseEvent(trx, {
        caseId,
        organisationId: row.organisation_id,
        kind: 'station',
        from: row.station,
        to: station,
        actor: staff.staffId,
      });
      await recordAuditEvent(trx, {
        organisationId: row.organisation_id,
        type: 'case.station_moved',
        actor: staff.staffId,
        subject: caseId,
        details: { station },
      });
    });
  }

  /** The workshop's board: open cases at a station, by station. */
  async clinicBoard(
    staff: StaffContext,
    organisationId: string,
  ): Promise<Record<ClinicStation, { caseId: string; reference: string; program: string }[]>> {
    this.require(staff, organisationId, 'clinic.move');
    const rows = await this.scoped(staff, (trx) =>
      trx
        .selectFrom('cases')
        .select(['id', 'reference', 'program', 'station'])
        .where('organisation_id', '=', organisationId)
        .where('station', 'is not', null)
        .orderBy('reference')
        .limit(500)
        .execute(),
    );
    const board = Object.fromEntries(
      clinicStations.map((station) => [station, []]),
    ) as unknown as Record<ClinicStation, { caseId: string; reference: string; program: string }[]>;
    for (const row of rows) {
      if (row.station)
        board[row.station].push({ caseId: row.id, reference: row.reference, program: row.program });
    }
    return board;
  }

  /** An internal note on a case, sealed under the applicant's key. */
  async note(staff: StaffContext, caseId: string, text: string): Promise<void> {
    const trimmed = text.trim();
    if (trimmed.length === 0 || trimmed.length > maxTextLength)
      throw new AppError('BLG_BAD_REQUEST');
    await this.scoped(staff, async (trx) => {
      const row = await this.caseFor(staff, caseId, trx);
      this.require(staff, row.organisation_id, 'case.note');
      const key = await this.deps.personKeys.get(row.person_id);
      const id = crypto.randomUUID();
      await recordCaseEvent(trx, {
        id,
        caseId,
        organisationId: row.organisation_id,
        kind: 'note',
        from: null,
        to: null,
        actor: staff.staffId,
        text: caseEventText.seal(trimmed, key, id),
      });
      await recordAuditEvent(trx, {
        organisationId: row.organisation_id,
        type: 'person.data_written',
        actor: staff.staffId,
        subject: row.person_id,
        details: { fields: ['case_note'] },
      });
    });
  }
}
