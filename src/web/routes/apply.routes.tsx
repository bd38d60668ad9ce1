import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { dayOf } from '../../engine/dates.ts';
import { AppError, isAppError } from '../../errors.ts';
import {
  canVisit,
  checkAnswerRows,
  firstIncompletePageKey,
  mergePageAnswers,
  nextPageKey,
  pageByKey,
  parsePageForm,
  visiblePages,
} from '../../flow/flow.ts';
import type { FieldError, FlowDefinition, FlowPage } from '../../flow/flow-definition.ts';
import { repeatEditOf, shownForm } from '../../flow/repeat-form.ts';
import { localePath } from '../../i18n/negotiate.ts';
import {
  ApplicationInvalid,
  type ApplicationsService,
  type DraftView,
  flowOf,
} from '../../modules/applications/applications.service.ts';
import type { RulesService } from '../../modules/rules/rules.service.ts';
import type { AppEnv } from '../app-env.ts';
import { FlowPageForm } from '../components/flow-page.tsx';
import { heldDraft, setDraftCookie } from '../draft-cookie.ts';
import { type FormData, readForm, single } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import { ApplyCheckPage } from '../pages/apply-check.page.tsx';
import { ApplyConfirmationPage } from '../pages/apply-confirmation.page.tsx';
import { ApplySavedPage } from '../pages/apply-saved.page.tsx';
import { ApplyStartPage } from '../pages/apply-start.page.tsx';
import { programTitle } from '../pages/program-title.ts';
import { renderPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

/** Page keys the routes use themselves; a flow may not name a page so (a test checks). */
export const reservedPageKeys = [
  'start',
  'continue',
  'resume',
  'saved',
  'check-answers',
  'confirmation',
] as const;

/** The resume form, declared like any flow page so it parses and renders the same way. */
const resumePage: FlowPage = {
  key: 'resume',
  title: 'apply.resumeTitle',
  fields: [
    {
      path: 'code',
      kind: 'text',
      label: 'apply.resumeCodeLabel',
      hint: 'apply.resumeCodeHint',
      maxLength: 30,
    },
    { path: 'birthDate', kind: 'date', label: 'apply.resumeBirthDate' },
  ],
};

interface ApplyContext {
  c: Context<AppEnv>;
  program: string;
  flow: FlowDefinition;
}

/**
 * The application journey (issue 5, items 2–4): one thing per page, saved
 * on the server at every page (sealed under the applicant's key), resumable
 * with a code and birth date, checked, declared and sent once. The browser
 * holds the draft through a cookie per program (an id and a secret, never
 * an answer); addresses carry only the program and the page.
 */
export function applyRoutes(applications: ApplicationsService, rules: RulesService) {
  const draftDays = () =>
    rules.parameters.number('belong/retention/draft-saved', dayOf(new Date()));

  const context = (c: Context<AppEnv>): ApplyContext => {
    const program = c.req.param('program') ?? '';
    return { c, program, flow: flowOf(program) };
  };
  const href = (ctx: ApplyContext, rest = '') =>
    localePath(ctx.c.get('translator').locale, `/apply/${ctx.program}${rest}`);
  const redirect = (ctx: ApplyContext, rest: string) => ctx.c.redirect(href(ctx, rest), 303);

  const setCookie = (ctx: ApplyContext, draftId: string, accessToken: string) =>
    setDraftCookie(ctx.c, ctx.program, draftId, accessToken, draftDays());
  const heldDraftOf = (ctx: ApplyContext) => heldDraft(ctx.c, applications, ctx.program);
  const requireDraft = async (ctx: ApplyContext): Promise<DraftView> => {
    const draft = await heldDraftOf(ctx);
    if (!draft) throw new AppError('BLG_DRAFT_NOT_FOUND');
    return draft;
  };

  const render = (ctx: ApplyContext, title: string, body: Child, status: 200 | 422 = 200) => {
    // Every page of an application can show answers: never cache one.
    setResponseHeader(ctx.c, 'cache-control', 'no-store');
    return renderPage(ctx.c, { title, body, status });
  };

  /** Where a draft goes next: its first page still to answer, or check your answers. */
  const resumeTarget = (ctx: ApplyContext, draft: DraftView) => {
    const incomplete = firstIncompletePageKey(ctx.flow, draft.answers);
    return draft.caseId ? '/confirmation' : incomplete ? `/${incomplete}` : '/check-answers';
  };

  /**
   * The draft and the page an address names, or where to go instead: the
   * confirmation once sent, the first page to answer when the answers do not
   * reach this one (the journey comes from the answers).
   */
  const visitablePage = async (
    ctx: ApplyContext,
  ): Promise<{ draft: DraftView; page: FlowPage } | Response> => {
    const draft = await requireDraft(ctx);
    const page = pageByKey(ctx.flow, ctx.c.req.param('page') ?? '');
    if (!page) throw new AppError('BLG_NOT_FOUND');
    if (draft.caseId) return redirect(ctx, '/confirmation');
    if (!canVisit(ctx.flow, draft.answers, page.key))
      return redirect(ctx, resumeTarget(ctx, draft));
    return { draft, page };
  };

  const showQuestion = (
    ctx: ApplyContext,
    draft: DraftView,
    page: FlowPage,
    options: {
      form?: FormData;
      errors?: readonly FieldError[];
      itemCount?: number;
      change?: boolean;
    } = {},
  ) => {
    const t = ctx.c.get('translator');
    const visible = visiblePages(ctx.flow, draft.answers);
    const previous = visible[visible.findIndex((candidate) => candidate.key === page.key) - 1];
    const hasErrors = (options.errors?.length ?? 0) > 0;
    const title = t.t(page.title);
    return render(
      ctx,
      hasErrors ? t.t('flow.errorPageTitle', { title }) : title,
      <>
        <FlowPageForm
          t={t}
          page={page}
          values={draft.answers}
          form={options.form}
          errors={options.errors}
          itemCount={options.itemCount}
          action={href(ctx, `/${page.key}${options.change ? '?change=1' : ''}`)}
          csrfToken={csrfToken(ctx.c)}
          backHref={
            options.change
              ? href(ctx, '/check-answers')
              : previous
                ? href(ctx, `/${previous.key}`)
                : href(ctx)
          }
        />
        <p>
          <a href={href(ctx, '/saved')}>{t.t('apply.saveLaterLink')}</a>
        </p>
      </>,
      hasErrors ? 422 : 200,
    );
  };

  const showCheck = (ctx: ApplyContext, draft: DraftView, declarationMissing = false) => {
    const t = ctx.c.get('translator');
    return render(
      ctx,
      t.t('apply.checkTitle'),
      <ApplyCheckPage
        t={t}
        rows={checkAnswerRows(ctx.flow, draft.answers)}
        changeHref={(pageKey) => href(ctx, `/${pageKey}?change=1`)}
        action={href(ctx, '/check-answers')}
        csrfToken={csrfToken(ctx.c)}
        declarationMissing={declarationMissing}
      />,
      declarationMissing ? 422 : 200,
    );
  };

  const showResume = (
    ctx: ApplyContext,
    form?: FormData,
    errors?: readonly FieldError[],
    failed = false,
  ) => {
    const t = ctx.c.get('translator');
    return render(
      ctx,
      t.t('apply.resumeTitle'),
      <>
        {failed ? (
          <div class="usa-alert usa-alert--error" role="alert">
            <p class="usa-alert__text">{t.t('apply.resumeFailed')}</p>
          </div>
        ) : null}
        <p>{t.t('apply.resumeLead')}</p>
        <FlowPageForm
          t={t}
          page={resumePage}
          values={{}}
          form={form}
          errors={errors}
          action={href(ctx, '/resume')}
          csrfToken={csrfToken(ctx.c)}
          backHref={href(ctx)}
        />
      </>,
      failed || (errors?.length ?? 0) > 0 ? 422 : 200,
    );
  };

  return new Hono<AppEnv>()
    .get('/apply/:program', async (c) => {
      const ctx = context(c);
      const t = c.get('translator');
      return render(
        ctx,
        t.t('apply.startTitle', { program: t.t(programTitle(ctx.program)) }),
        <ApplyStartPage
          t={t}
          program={ctx.program}
          draftDays={draftDays()}
          csrfToken={csrfToken(c)}
          hasDraft={(await heldDraftOf(ctx)) !== undefined}
        />,
      );
    })
    .post('/apply/:program/start', async (c) => {
      const ctx = context(c);
      const started = await applications.startDraft(ctx.program);
      setCookie(ctx, started.draftId, started.accessToken);
      return redirect(ctx, `/${(ctx.flow.pages[0] as FlowPage).key}`);
    })
    .get('/apply/:program/continue', async (c) => {
      const ctx = context(c);
      return redirect(ctx, resumeTarget(ctx, await requireDraft(ctx)));
    })
    .get('/apply/:program/resume', (c) => showResume(context(c)))
    .post('/apply/:program/resume', async (c) => {
      const ctx = context(c);
      const form = await readForm(c);
      const { values, errors } = parsePageForm(resumePage, form);
      if (errors.length > 0) return showResume(ctx, form, errors);
      try {
        const resumed = await applications.resume(String(values.code), String(values.birthDate));
        if (resumed.program !== ctx.program) throw new AppError('BLG_RESUME_FAILED');
        setCookie(ctx, resumed.draftId, resumed.accessToken);
        return redirect(ctx, '/continue');
      } catch (error) {
        if (isAppError(error) && error.code === 'BLG_RESUME_FAILED') {
          return showResume(ctx, form, undefined, true);
        }
        throw error;
      }
    })
    .get('/apply/:program/saved', async (c) => {
      const ctx = context(c);
      const draft = await requireDraft(ctx);
      const t = c.get('translator');
      return render(
        ctx,
        t.t('apply.savedTitle'),
        <ApplySavedPage
          t={t}
          program={ctx.program}
          resumeCode={draft.resumeCode}
          draftDays={draftDays()}
          origin={new URL(c.req.url).origin}
          returnHref={href(ctx, '/continue')}
        />,
      );
    })
    .get('/apply/:program/check-answers', async (c) => {
      const ctx = context(c);
      const draft = await requireDraft(ctx);
      const target = resumeTarget(ctx, draft);
      if (target !== '/check-answers') return redirect(ctx, target);
      return showCheck(ctx, draft);
    })
    .post('/apply/:program/check-answers', async (c) => {
      const ctx = context(c);
      const draft = await requireDraft(ctx);
      // A second press, a reload or a retry after a lost connection lands here too.
      if (draft.caseId) return redirect(ctx, '/confirmation');
      const form = await readForm(c);
      if (single(form, 'declaration') !== 'yes') return showCheck(ctx, draft, true);
      try {
        await applications.submitDraft(draft, c.get('translator').locale);
      } catch (error) {
        if (error instanceof ApplicationInvalid) return redirect(ctx, resumeTarget(ctx, draft));
        throw error;
      }
      return redirect(ctx, '/confirmation');
    })
    .get('/apply/:program/confirmation', async (c) => {
      const ctx = context(c);
      const draft = await requireDraft(ctx);
      if (!draft.caseId) return redirect(ctx, resumeTarget(ctx, draft));
      const receipt = await applications.receiptFor(draft.caseId);
      const t = c.get('translator');
      return render(
        ctx,
        t.t('apply.confirmationTitle'),
        <ApplyConfirmationPage t={t} receipt={receipt} />,
      );
    })
    .get('/apply/:program/:page', async (c) => {
      const ctx = context(c);
      const opened = await visitablePage(ctx);
      if (opened instanceof Response) return opened;
      return showQuestion(ctx, opened.draft, opened.page, {
        change: c.req.query('change') === '1',
      });
    })
    .post('/apply/:program/:page', async (c) => {
      const ctx = context(c);
      const opened = await visitablePage(ctx);
      if (opened instanceof Response) return opened;
      const { draft, page } = opened;
      const change = c.req.query('change') === '1';
      const form = await readForm(c);
      const edited = repeatEditOf(page, form);
      if (edited) {
        return showQuestion(ctx, draft, page, {
          form: edited.form,
          itemCount: edited.itemCount,
          change,
        });
      }
      const { values, errors } = parsePageForm(page, form);
      if (errors.length > 0)
        return showQuestion(ctx, draft, page, { ...shownForm(page, form), errors, change });
      const answers = mergePageAnswers(draft.answers, page, values, ctx.flow);
      await applications.saveAnswers(draft, answers);
      const next = change
        ? firstIncompletePageKey(ctx.flow, answers)
        : nextPageKey(ctx.flow, answers, page.key);
      return redirect(ctx, next === null ? '/check-answers' : `/${next}`);
    });
}
