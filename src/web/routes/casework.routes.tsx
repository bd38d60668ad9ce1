import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { type ClinicStation, clinicStations } from '../../db/schema.ts';
import { dayOf, formatDay, parseDay } from '../../engine/dates.ts';
import { AppError } from '../../errors.ts';
import { applicationFlow, applicationFlows } from '../../flow/application-flows.ts';
import { checkAnswerRows, getAnswer } from '../../flow/flow.ts';
import { isSupportedLocale } from '../../i18n/locales.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { Translations, Translator } from '../../i18n/translator.ts';
import type { StaffAuthService } from '../../modules/accounts/staff-auth.service.ts';
import type { CaseExportService } from '../../modules/casework/case-export.service.ts';
import { nextStatuses, openStatuses } from '../../modules/casework/case-state-machine.ts';
import type { CaseworkService, StaffContext } from '../../modules/casework/casework.service.ts';
import { mayAny } from '../../modules/casework/permissions.ts';
import type { ProcessingTimesService } from '../../modules/casework/processing-times.service.ts';
import type { RulesService } from '../../modules/rules/rules.service.ts';
import type { AppEnv } from '../app-env.ts';
import { readForm, single } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import { requireStaff } from '../middleware/staff-session.ts';
import { CaseworkBulkConfirmPage } from '../pages/casework-bulk-confirm.page.tsx';
import { type CaseActions, CaseworkCasePage } from '../pages/casework-case.page.tsx';
import { CaseworkClinicPage } from '../pages/casework-clinic.page.tsx';
import { CaseworkLetterPage } from '../pages/casework-letter.page.tsx';
import { CaseworkQueuePage } from '../pages/casework-queue.page.tsx';
import { ProcessingTimesPage } from '../pages/impact-processing-times.page.tsx';
import { letterPdf } from '../pdf/letter-pdf.ts';
import { pdfCanShow } from '../pdf/summary-pdf.ts';
import { renderPage } from '../render.ts';
import { respond } from '../response-headers.ts';
import {
  caseEvaluation,
  caseIdOf,
  isUuid,
  organisationFor,
  requireBulkPermission,
  staffOf,
} from '../staff-context.ts';

export interface CaseworkRouteDependencies {
  casework: CaseworkService;
  exports: CaseExportService;
  staffAuth: StaffAuthService;
  rules: RulesService;
  translations: Translations;
  /** The same aggregate figures as the public page, fresh for staff. */
  processingTimes?: ProcessingTimesService;
}

/** The organisation a queue or export is for: the one asked (if the staff member belongs), or their first. */
function organisationOf(c: Context<AppEnv>, staff: StaffContext): string {
  return organisationFor(staff, c.req.query('organisation'));
}

function programOf(c: Context<AppEnv>): string | undefined {
  const program = c.req.query('program');
  return program && applicationFlow(program) ? program : undefined;
}

/**
 * The staff console's casework (issue 6, items 3–5 and 8): the queue with a
 * clock and claim-next, the review screen, requests for information,
 * decisions and their letter, notes, a fund's award and payment, and CSV
 * exports. Every route needs a signed-in staff member with a second
 * factor; what each may do is src/modules/casework/permissions.ts, checked
 * in the service.
 */
export function caseworkRoutes(deps: CaseworkRouteDependencies) {
  const { casework } = deps;
  const back = (c: Context<AppEnv>, caseId: string) =>
    c.redirect(localePath(c.get('translator').locale, `/staff/cases/${caseId}`), 303);
  const page = (c: Context<AppEnv>, title: string, body: Child) =>
    renderPage(c, { title, body, linkPath: '/staff' });

  /** The decision letter's content, in the applicant's language (or `override`). */
  const loadLetter = async (c: Context<AppEnv>, override?: Translator) => {
    const staff = staffOf(c);
    const detail = await casework.view(staff, caseIdOf(c));
    if (!detail.outcome || !detail.answers) throw new AppError('BLG_CASE_NOT_FOUND');
    // The letter is in the applicant's language, whatever the caseworker reads.
    const letterT =
      override ??
      deps.translations.for(isSupportedLocale(detail.language) ? detail.language : 'en');
    const decision = [...detail.events].reverse().find((event) => event.kind === 'decision');
    const evaluation = caseEvaluation(deps.rules, detail, detail.answers, letterT);
    const chosen = new Set(decision?.reasonCodes ?? []);
    const names = await casework.organisationNames([detail.organisationId]);
    const given = getAnswer(detail.answers, 'applicant.givenName');
    const family = getAnswer(detail.answers, 'applicant.familyName');
    return {
      letterT,
      letter: {
        reference: detail.reference,
        program: detail.program,
        outcome: detail.outcome,
        name: [given, family].filter((part) => typeof part === 'string').join(' '),
        reasons: (evaluation?.reasons ?? []).filter((reason) => chosen.has(reason.rule)),
        text: decision?.text ?? null,
        decidedAt: decision?.at ?? new Date(),
        organisation: names.get(detail.organisationId) ?? '',
      },
    };
  };

  const showQueue = async (
    c: Context<AppEnv>,
    nothingToClaim = false,
    extra: { bulkResult?: { done: number; skipped: number }; bulkNoneSelected?: boolean } = {},
  ) => {
    const staff = staffOf(c);
    const organisationId = organisationOf(c, staff);
    const program = programOf(c);
    const [rows, colleagues] = await Promise.all([
      casework.queue(staff, organisationId, program ? { program } : {}),
      casework.colleagues(staff, organisationId),
    ]);
    const names = await casework.organisationNames(staff.memberships.map((m) => m.organisationId));
    const roles = staff.memberships
      .filter((m) => m.organisationId === organisationId)
      .map((m) => m.role);
    const t = c.get('translator');
    return page(
      c,
      t.t('casework.queueTitle'),
      <CaseworkQueuePage
        t={t}
        organisation={{ id: organisationId, name: names.get(organisationId) ?? '' }}
        organisations={[...names].map(([id, name]) => ({ id, name }))}
        programs={[...applicationFlows.keys()]}
        program={program}
        rows={rows}
        staffNames={
          new Map(colleagues.map((colleague) => [colleague.staffId, colleague.displayName]))
        }
        csrfToken={csrfToken(c)}
        canClaim={mayAny(roles, 'case.claim')}
        canExport={mayAny(roles, 'export.cases')}
        canExportPersonal={mayAny(roles, 'export.cases_personal')}
        nothingToClaim={nothingToClaim}
        bulk={{
          assign: mayAny(roles, 'case.bulk_assign'),
          approve: mayAny(roles, 'case.bulk_approve'),
          requestInfo: mayAny(roles, 'case.bulk_request_info'),
        }}
        bulkResult={extra.bulkResult}
        bulkNoneSelected={extra.bulkNoneSelected === true}
      />,
    );
  };

  return new Hono<AppEnv>()
    .use('/staff/queue', requireStaff(deps.staffAuth))
    .use('/staff/queue/*', requireStaff(deps.staffAuth))
    .use('/staff/cases/*', requireStaff(deps.staffAuth))
    .use('/staff/export.csv', requireStaff(deps.staffAuth))
    .use('/staff/clinic', requireStaff(deps.staffAuth))
    .use('/staff/processing-times', requireStaff(deps.staffAuth))
    .get('/staff/processing-times', async (c) => {
      const staff = staffOf(c);
      const roles = staff.memberships.map((membership) => membership.role);
      if (!mayAny(roles, 'processing_times.view')) throw new AppError('BLG_FORBIDDEN');
      const t = c.get('translator');
      const report = deps.processingTimes ? await deps.processingTimes.report() : undefined;
      return page(
        c,
        t.t('impact.title'),
        <ProcessingTimesPage t={t} {...(report ? { report } : {})} />,
      );
    })
    .get('/staff/clinic', async (c) => {
      const staff = staffOf(c);
      const board = await casework.clinicBoard(staff, organisationOf(c, staff));
      const t = c.get('translator');
      return page(
        c,
        t.t('casework.clinicTitle'),
        <CaseworkClinicPage t={t} board={board} csrfToken={csrfToken(c)} />,
      );
    })
    .post('/staff/cases/:id/station', async (c) => {
      const form = await readForm(c);
      const station = single(form, 'station') ?? '';
      if (!(clinicStations as readonly string[]).includes(station))
        throw new AppError('BLG_BAD_REQUEST');
      await casework.moveStation(staffOf(c), caseIdOf(c), station as ClinicStation);
      return single(form, 'return') === 'clinic'
        ? c.redirect(localePath(c.get('translator').locale, '/staff/clinic'), 303)
        : back(c, caseIdOf(c));
    })
    .get('/staff/queue', (c) => showQueue(c))
    .post('/staff/queue/claim', async (c) => {
      const staff = staffOf(c);
      const claimed = await casework.claimNext(staff, organisationOf(c, staff), programOf(c));
      return claimed ? back(c, claimed) : showQueue(c, true);
    })
    .post('/staff/queue/bulk', async (c) => {
      const staff = staffOf(c);
      const organisationId = organisationOf(c, staff);
      const form = await readForm(c);
      const kind = single(form, 'kind');
      if (kind !== 'assign' && kind !== 'approve' && kind !== 'request_info') {
        throw new AppError('BLG_BAD_REQUEST');
      }
      const selected =
        form.case === undefined ? [] : Array.isArray(form.case) ? form.case : [form.case];
      const caseIds = selected.filter(isUuid);
      requireBulkPermission(staff, organisationId, kind);
      if (caseIds.length === 0) return showQueue(c, false, { bulkNoneSelected: true });
      const message = single(form, 'message') ?? '';
      const dueOn = single(form, 'dueOn') ?? '';
      if (single(form, 'confirm') !== 'yes') {
        const t = c.get('translator');
        const program = programOf(c);
        const query = `organisation=${organisationId}${program ? `&program=${program}` : ''}`;
        return page(
          c,
          t.t('casework.bulkConfirmTitle'),
          <CaseworkBulkConfirmPage
            t={t}
            kind={kind}
            caseIds={caseIds}
            message={message}
            dueOn={dueOn}
            action={localePath(t.locale, `/staff/queue/bulk?${query}`)}
            cancelHref={`/staff/queue?${query}`}
            csrfToken={csrfToken(c)}
          />,
        );
      }
      const result = await casework.bulk(
        staff,
        organisationId,
        caseIds,
        kind === 'assign'
          ? { kind, assigneeId: staff.staffId }
          : kind === 'request_info'
            ? { kind, message, dueOn }
            : { kind },
      );
      return showQueue(c, false, { bulkResult: result });
    })
    .get('/staff/cases/:id', async (c) => {
      const staff = staffOf(c);
      const detail = await casework.view(staff, caseIdOf(c));
      const t = c.get('translator');
      const roles = staff.memberships
        .filter((m) => m.organisationId === detail.organisationId)
        .map((m) => m.role);
      const flow = applicationFlow(detail.program);
      const next = nextStatuses(detail.program, detail.status, roles);
      const colleagues = await casework.colleagues(staff, detail.organisationId);
      const actions: CaseActions = {
        requestInfo: next.includes('info_requested') && mayAny(roles, 'case.request_info'),
        received: detail.status === 'info_requested' && next.includes('in_review'),
        decide: next.includes('decided') && mayAny(roles, 'case.decide'),
        note: mayAny(roles, 'case.note'),
        advance: (['awarded', 'paid', 'closed'] as const).filter((to) => next.includes(to)),
        clinic: detail.station === null && mayAny(roles, 'clinic.move'),
        assign:
          openStatuses.includes(detail.status) && mayAny(roles, 'case.assign')
            ? colleagues.filter((colleague) => colleague.canWork)
            : null,
      };
      return page(
        c,
        t.t('casework.caseTitle', { reference: detail.reference }),
        <CaseworkCasePage
          t={t}
          detail={detail}
          rows={detail.answers && flow ? checkAnswerRows(flow, detail.answers) : null}
          evaluation={detail.answers ? caseEvaluation(deps.rules, detail, detail.answers, t) : null}
          actions={actions}
          assignee={
            colleagues.find((colleague) => colleague.staffId === detail.assignedTo)?.displayName ??
            null
          }
          csrfToken={csrfToken(c)}
          today={formatDay(dayOf(new Date()))}
        />,
      );
    })
    .post('/staff/cases/:id/request-info', async (c) => {
      const form = await readForm(c);
      const dueOn = single(form, 'dueOn') ?? '';
      if (parseDay(dueOn) === undefined) throw new AppError('BLG_BAD_REQUEST');
      await casework.requestInformation(staffOf(c), caseIdOf(c), {
        message: single(form, 'message') ?? '',
        dueOn,
      });
      return back(c, caseIdOf(c));
    })
    .post('/staff/cases/:id/assign', async (c) => {
      const form = await readForm(c);
      const assignee = single(form, 'assignee') ?? '';
      // Not a staff id: nobody it could be given to.
      if (!isUuid(assignee)) throw new AppError('BLG_BAD_REQUEST');
      await casework.assign(staffOf(c), caseIdOf(c), assignee);
      return back(c, caseIdOf(c));
    })
    .post('/staff/cases/:id/received', async (c) => {
      await casework.informationReceived(staffOf(c), caseIdOf(c));
      return back(c, caseIdOf(c));
    })
    .post('/staff/cases/:id/decide', async (c) => {
      const form = await readForm(c);
      const outcome = single(form, 'outcome');
      if (outcome !== 'approved' && outcome !== 'denied' && outcome !== 'withdrawn') {
        throw new AppError('BLG_BAD_REQUEST');
      }
      const reasons = form.reasons;
      await casework.decide(staffOf(c), caseIdOf(c), {
        outcome,
        reasonCodes: reasons === undefined ? [] : Array.isArray(reasons) ? reasons : [reasons],
        text: single(form, 'text') ?? '',
      });
      return back(c, caseIdOf(c));
    })
    .post('/staff/cases/:id/advance', async (c) => {
      const form = await readForm(c);
      const to = single(form, 'to');
      if (to !== 'awarded' && to !== 'paid' && to !== 'closed')
        throw new AppError('BLG_BAD_REQUEST');
      await casework.advance(staffOf(c), caseIdOf(c), to);
      return back(c, caseIdOf(c));
    })
    .post('/staff/cases/:id/note', async (c) => {
      const form = await readForm(c);
      await casework.note(staffOf(c), caseIdOf(c), single(form, 'text') ?? '');
      return back(c, caseIdOf(c));
    })
    .get('/staff/cases/:id/letter', async (c) => {
      const { letter, letterT } = await loadLetter(c);
      return renderPage(c, {
        title: letterT.t('casework.letterTitle'),
        linkPath: '/staff',
        body: (
          <>
            <CaseworkLetterPage t={letterT} {...letter} />
            <p>
              <a
                href={localePath(
                  c.get('translator').locale,
                  `/staff/cases/${caseIdOf(c)}/letter.pdf`,
                )}
              >
                {c.get('translator').t('casework.letterPdfLink')}
              </a>
            </p>
          </>
        ),
      });
    })
    .get('/staff/cases/:id/letter.pdf', async (c) => {
      const { letter, letterT } = await loadLetter(c);
      // Scripts the embedded fonts cannot set get the letter in English,
      // with a note pointing to the HTML letter, which prints in any script.
      const shown = pdfCanShow(letterT.locale);
      const t = shown ? letterT : deps.translations.for('en');
      const note = shown
        ? undefined
        : t.t('casework.letterPdfScriptNote', {
            address: `${new URL(c.req.url).origin}${localePath(letterT.locale, `/staff/cases/${caseIdOf(c)}/letter`)}`,
          });
      const rendered = shown ? letter : { ...letter, ...(await loadLetter(c, t)).letter };
      const pdf = await letterPdf(t, rendered, note === undefined ? {} : { note });
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="belong-letter-${letter.reference}.pdf"`,
        'cache-control': 'no-store',
      });
    })
    .get('/staff/export.csv', async (c) => {
      const staff = staffOf(c);
      const program = programOf(c);
      const result = await deps.exports.exportCsv(staff, organisationOf(c, staff), {
        ...(program ? { program } : {}),
        personal: c.req.query('personal') === '1',
      });
      c.get('responseHeaders')['content-disposition'] =
        `attachment; filename="belong-cases${result.personal ? '-personal' : ''}.csv"`;
      return respond(c, result.csv, 200, 'text/csv; charset=utf-8');
    });
}
