import type { Context } from 'hono';
import { Hono } from 'hono';
import { dayOf, toDate } from '../../engine/dates.ts';
import { AppError } from '../../errors.ts';
import { pseudoLocale } from '../../i18n/locales.ts';
import { localePath } from '../../i18n/negotiate.ts';
import { pseudoLocalise } from '../../i18n/pseudo-locale.ts';
import type { Translator } from '../../i18n/translator.ts';
import { CivicsService } from '../../modules/civics/civics.service.ts';
import {
  applyResult,
  InvalidSession,
  isFinished,
  newSeed,
  parseChoice,
  parseSession,
  passed,
  type SessionState,
  sessionFields,
} from '../../modules/civics/civics-session.ts';
import type { AppEnv } from '../app-env.ts';
import { scripts } from '../assets.ts';
import { CivicsPracticePage } from '../pages/civics-practice.page.tsx';
import { CivicsQuestionsPage } from '../pages/civics-questions.page.tsx';
import { CivicsResultsPage } from '../pages/civics-results.page.tsx';
import { CivicsStartPage } from '../pages/civics-start.page.tsx';
import { renderPage, renderStaticPage } from '../render.ts';

/** Read once at start: a bad question bank or parameter stops the server starting. */
const civics = new CivicsService();

/** The USCIS page the question banks and the test formats come from. */
const studyHref =
  'https://www.uscis.gov/citizenship/find-study-materials-and-resources/study-for-the-test';

/** Fingerprinted like the stylesheet and served with it (assets.routes.ts). */
export const civicsScriptHref = scripts.civicsListen.href;

function formatDay(t: Translator) {
  return (day: number) =>
    t.formatDate(toDate(day), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Question text comes from rules/civics/, not locales/; in the pseudo-locale
 * it is accented like every message, so the untranslated-text test still
 * finds any English written into the views themselves.
 */
function showText(t: Translator) {
  return t.locale === pseudoLocale
    ? (text: string) => pseudoLocalise(text)
    : (text: string) => text;
}

/** The language whose bank a page shows: the pseudo-locale reads the English one. */
function bankLanguage(t: Translator): string {
  return t.locale === pseudoLocale ? 'en' : t.locale;
}

function query(c: Context<AppEnv>): Record<string, string | undefined> {
  return c.req.query();
}

/** Runs `read`, turning a session a page of ours could not have sent into a translated 400. */
function readSession<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidSession) throw new AppError('BLG_BAD_REQUEST', { cause: error });
    throw error;
  }
}

function sessionAddress(c: Context<AppEnv>, path: string, state: SessionState): string {
  return `${localePath(c.get('translator').locale, path)}?${new URLSearchParams(sessionFields(state))}`;
}

/** The page's own address with its query, so the language links keep the session. */
function linkPath(path: string, fields: Record<string, string>): string {
  return `${path}?${new URLSearchParams(fields)}`;
}

export const civicsRoutes = new Hono<AppEnv>()
  .get('/civics', (c) =>
    renderStaticPage(c, () => {
      const t = c.get('translator');
      const rules = civics.rules;
      return {
        title: t.t('civics.title'),
        body: (
          <CivicsStartPage
            t={t}
            date2025={formatDay(t)(rules.test('2025').from)}
            format2025={rules.format('2025', 'all')}
            format2008={rules.format('2008', 'all')}
            senior={rules.format('2025', 'senior')}
            sourceHref={studyHref}
          />
        ),
      };
    }),
  )
  .get('/civics/practice', async (c) => {
    const t = c.get('translator');
    const fields = query(c);
    if (fields.seed === undefined) {
      // A new session: choose its questions now, and give it an address of
      // its own so that a reload asks the same question again.
      const choice = readSession(() => parseChoice(fields));
      const state = { ...choice, seed: newSeed(), index: 0, right: 0, wrong: 0 };
      return c.redirect(sessionAddress(c, '/civics/practice', state), 303);
    }
    let state = readSession(() => parseSession(fields, civics.rules));
    const format = civics.format(state.version, state.set);
    const result = fields.result;
    if (result !== undefined) {
      if (result !== 'right' && result !== 'wrong') throw new AppError('BLG_BAD_REQUEST');
      // The address holds the state before the mark, so a reload marks the
      // same question again instead of counting twice.
      state = readSession(() => applyResult(state, format, result));
    }
    if (isFinished(state, format)) {
      return c.redirect(sessionAddress(c, '/civics/results', state), 303);
    }
    const language = bankLanguage(t);
    const today = dayOf(new Date());
    const question = civics.current(state, language, today);
    const current = sessionFields(state);
    return renderPage(c, {
      title: t.t('civics.questionHeading', { current: state.index + 1, asked: format.asked }),
      linkPath: linkPath('/civics/practice', current),
      body: (
        <CivicsPracticePage
          t={t}
          state={state}
          format={format}
          question={question}
          status={civics.bankStatus(state.version, language)}
          fields={current}
          action={localePath(t.locale, '/civics/practice')}
          scriptHref={civicsScriptHref}
          show={showText(t)}
          formatDay={formatDay(t)}
          today={today}
        />
      ),
    });
  })
  .get('/civics/results', async (c) => {
    const t = c.get('translator');
    const state = readSession(() => parseSession(query(c), civics.rules));
    const format = civics.format(state.version, state.set);
    if (!isFinished(state, format)) throw new AppError('BLG_BAD_REQUEST');
    return renderPage(c, {
      title: t.t('civics.resultsTitle'),
      linkPath: linkPath('/civics/results', sessionFields(state)),
      body: (
        <CivicsResultsPage t={t} state={state} format={format} passed={passed(state, format)} />
      ),
    });
  })
  .get('/civics/questions', async (c) => {
    const t = c.get('translator');
    const { version } = readSession(() => parseChoice({ test: query(c).test }));
    const language = bankLanguage(t);
    const today = dayOf(new Date());
    return renderPage(c, {
      title: t.t('civics.questionsTitle', { version }),
      linkPath: linkPath('/civics/questions', { test: version }),
      body: (
        <CivicsQuestionsPage
          t={t}
          version={version}
          questions={civics.questions(version, 'all', language, today)}
          status={civics.bankStatus(version, language)}
          show={showText(t)}
          formatDay={formatDay(t)}
          today={today}
        />
      ),
    });
  });
