import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Day } from '../../engine/dates.ts';
import { AppError } from '../../errors.ts';
import {
  canVisit,
  checkAnswerRows,
  firstIncompletePageKey,
  mergePageAnswers,
  nextPageKey,
  pageByKey,
  parsePageForm,
  validateAnswers,
  visiblePages,
} from '../../flow/flow.ts';
import type { FieldError, FlowAnswers, FlowPage } from '../../flow/flow-definition.ts';
import { repeatEditOf, shownForm } from '../../flow/repeat-form.ts';
import { screenerFlow } from '../../flow/screener-flow.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { localePath } from '../../i18n/negotiate.ts';
import {
  type Screening,
  ScreeningInputError,
  sharedScreeningService,
  todayInWashington,
} from '../../modules/screening/screening.service.ts';
import type { AppEnv } from '../app-env.ts';
import { type FormData, readForm, single } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import {
  answersFieldName,
  type CarriedState,
  CheckQuestionPage,
  returnFieldName,
  showFieldName,
} from '../pages/check-question.page.tsx';
import { CheckResultsPage, type QuestionRef } from '../pages/check-results.page.tsx';
import { CheckStartPage } from '../pages/check-start.page.tsx';
import { renderPage, renderStaticPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

/*
 * The screener (/check). Nothing is stored on the server: the answers so
 * far travel in each form as one hidden JSON field and are checked again
 * on every post, exactly as a partner's API answers are, so a value altered
 * in the page is refused with a translated 400 (never a 500) and can never
 * reach a page it could not reach by answering. Answers are never put in
 * an address: they are personal. Every page is a form post after the first.
 */

const flow = screenerFlow;
const firstPageKey = (flow.pages[0] as FlowPage).key;

interface Carried {
  answers: FlowAnswers;
  returnToResults: boolean;
}

/**
 * The answers the page carried, checked as the API checks a partner's:
 * well formed, no unknown field, nothing the rules refuse. Only "not yet
 * answered" is expected; anything else was altered, and is refused.
 */
function readCarried(form: FormData, asOf: Day): Carried {
  const text = single(form, answersFieldName) ?? '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('BLG_BAD_REQUEST', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('BLG_BAD_REQUEST', { details: { reason: 'answers' } });
  }
  const { answers, errors } = validateAnswers(flow, parsed);
  if (errors.some((error) => error.code !== 'required')) {
    throw new AppError('BLG_BAD_REQUEST', { details: { reason: 'answers' } });
  }
  if (sharedScreeningService().check(answers, asOf).length > 0) {
    throw new AppError('BLG_BAD_REQUEST', { details: { reason: 'answers' } });
  }
  return { answers, returnToResults: single(form, returnFieldName) === 'results' };
}

function carriedState(carried: Carried): CarriedState {
  return { answers: JSON.stringify(carried.answers), returnToResults: carried.returnToResults };
}

interface QuestionOptions {
  form?: FormData;
  errors?: readonly FieldError[];
  itemCount?: number;
  inconsistent?: boolean;
  status?: 200 | 422;
}

function showQuestion(
  c: Context<AppEnv>,
  page: FlowPage,
  carried: Carried,
  options: QuestionOptions = {},
): Promise<Response> {
  const t = c.get('translator');
  const visible = visiblePages(flow, carried.answers);
  const previous = visible[visible.findIndex((candidate) => candidate.key === page.key) - 1];
  // The page holds the answers: never keep it in a cache, shared or not.
  setResponseHeader(c, 'cache-control', 'no-store');
  return renderPage(c, {
    title: t.t(page.title),
    status: options.status ?? 200,
    // Language links cannot carry the answers: they start the check again.
    linkPath: '/check',
    body: (
      <CheckQuestionPage
        t={t}
        page={page}
        answers={carried.answers}
        state={carriedState(carried)}
        action={localePath(t.locale, `/check/${page.key}`)}
        csrfToken={csrfToken(c)}
        back={
          previous
            ? { action: localePath(t.locale, `/check/${previous.key}`) }
            : { href: localePath(t.locale, '/check') }
        }
        form={options.form}
        errors={options.errors}
        itemCount={options.itemCount}
        inconsistent={options.inconsistent === true}
      />
    ),
  });
}

/** Each answer path the screener asks, with its question (a list's page title for a list). */
const questions = new Map<string, { pageKey: string; label: MessageKey }>();
for (const page of flow.pages) {
  if (page.repeat) questions.set(page.repeat.path, { pageKey: page.key, label: page.title });
  else
    for (const field of page.fields)
      questions.set(field.path, { pageKey: page.key, label: field.label });
}

function showResults(c: Context<AppEnv>, carried: Carried, asOf: Day): Promise<Response> {
  const t = c.get('translator');
  let screening: Screening;
  try {
    screening = sharedScreeningService().screen(carried.answers, asOf);
  } catch (error) {
    if (error instanceof ScreeningInputError) throw new AppError('BLG_BAD_REQUEST');
    throw error;
  }
  const questionFor = (path: string): QuestionRef | undefined => {
    const question = questions.get(path);
    return question
      ? { ...question, visible: canVisit(flow, carried.answers, question.pageKey) }
      : undefined;
  };
  setResponseHeader(c, 'cache-control', 'no-store');
  return renderPage(c, {
    title: t.t('check.resultsTitle'),
    linkPath: '/check',
    body: (
      <CheckResultsPage
        t={t}
        screening={screening}
        help={sharedScreeningService().legalHelp}
        rows={checkAnswerRows(flow, carried.answers)}
        questionFor={questionFor}
        state={carriedState(carried)}
        csrfToken={csrfToken(c)}
      />
    ),
  });
}

function pageOrNotFound(key: string): FlowPage {
  const page = pageByKey(flow, key);
  if (!page) throw new AppError('BLG_NOT_FOUND');
  return page;
}

export const checkRoutes = new Hono<AppEnv>()
  .get('/check', (c) =>
    renderStaticPage(c, () => {
      const t = c.get('translator');
      return {
        title: t.t('check.startTitle'),
        body: <CheckStartPage t={t} firstPageKey={firstPageKey} />,
      };
    }),
  )
  // The results exist only for answers posted to them: an address alone starts again.
  .get('/check/results', (c) => c.redirect(localePath(c.get('translator').locale, '/check'), 303))
  .post('/check/results', async (c) => {
    const asOf = todayInWashington();
    return showResults(c, readCarried(await readForm(c), asOf), asOf);
  })
  .get('/check/:key', async (c) => {
    const page = pageOrNotFound(c.req.param('key'));
    const empty: Carried = { answers: {}, returnToResults: false };
    // Without answers only the first question can be reached.
    if (!canVisit(flow, empty.answers, page.key)) {
      return c.redirect(localePath(c.get('translator').locale, '/check'), 303);
    }
    return showQuestion(c, page, empty);
  })
  .post('/check/:key', async (c) => {
    const page = pageOrNotFound(c.req.param('key'));
    const asOf = todayInWashington();
    const form = await readForm(c);
    const carried = readCarried(form, asOf);
    if (!canVisit(flow, carried.answers, page.key)) {
      // A page the answers do not lead to (a stale back button): go where they do.
      const first = firstIncompletePageKey(flow, carried.answers);
      return first === null
        ? showResults(c, carried, asOf)
        : showQuestion(c, pageOrNotFound(first), carried);
    }
    if (single(form, showFieldName) !== undefined) return showQuestion(c, page, carried);

    const edited = repeatEditOf(page, form);
    if (edited) {
      return showQuestion(c, page, carried, { form: edited.form, itemCount: edited.itemCount });
    }

    const shown = shownForm(page, form);
    const { values, errors } = parsePageForm(page, form);
    if (errors.length > 0) {
      return showQuestion(c, page, carried, {
        form: shown.form,
        errors,
        ...(shown.itemCount === undefined ? {} : { itemCount: shown.itemCount }),
        status: 422,
      });
    }
    const answers = mergePageAnswers(carried.answers, page, values, flow);
    if (sharedScreeningService().check(answers, asOf).length > 0) {
      return showQuestion(c, page, carried, {
        form: shown.form,
        ...(shown.itemCount === undefined ? {} : { itemCount: shown.itemCount }),
        inconsistent: true,
        status: 422,
      });
    }
    const next: Carried = { answers, returnToResults: carried.returnToResults };
    const nextKey = carried.returnToResults
      ? firstIncompletePageKey(flow, answers)
      : nextPageKey(flow, answers, page.key);
    return nextKey === null
      ? showResults(c, next, asOf)
      : showQuestion(c, pageOrNotFound(nextKey), next);
  });
