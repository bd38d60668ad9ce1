import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { defaultLocale } from '../../i18n/locales.ts';
import { localePath } from '../../i18n/negotiate.ts';
import { Translations, type Translator } from '../../i18n/translator.ts';
import {
  type ApplicationsService,
  flowOf,
} from '../../modules/applications/applications.service.ts';
import type { AppEnv } from '../app-env.ts';
import { applicationSummary } from '../apply-summary.ts';
import { heldDraft } from '../draft-cookie.ts';
import { ApplySummaryPage } from '../pages/apply-summary.page.tsx';
import { pdfCanShow, summaryPdf } from '../pdf/summary-pdf.ts';
import { renderPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

let english: Translator | undefined;

/** English, for a PDF in a language whose script its fonts cannot show; built on first need. */
function englishTranslator(): Translator {
  english ??= new Translations().for(defaultLocale);
  return english;
}

/**
 * The printable summary of an application (issue 5, item 6): the answers
 * by page, the documents to bring, and the reference once sent, for the
 * browser that holds the draft and no one else. As a page (with a print
 * stylesheet) and as a PDF. Never the claim code: a printout left on a
 * clinic's desk must not let anyone claim the case. Never cached.
 */
export function applySummaryRoutes(applications: ApplicationsService) {
  const load = async (c: Context<AppEnv>, t: Translator) => {
    const program = c.req.param('program') ?? '';
    const flow = flowOf(program);
    const draft = await heldDraft(c, applications, program);
    if (!draft) throw new AppError('BLG_DRAFT_NOT_FOUND');
    // Set before anything is rendered: an error page about this draft is not cached either.
    setResponseHeader(c, 'cache-control', 'no-store');
    // Once sent, the answers live in the case, and the draft only points to it.
    const reference = draft.caseId ? (await applications.receiptFor(draft.caseId)).reference : null;
    const answers = draft.caseId
      ? await applications.submittedAnswers(draft.caseId)
      : draft.answers;
    return { program, summary: applicationSummary(t, flow, answers, reference, new Date()) };
  };

  return new Hono<AppEnv>()
    .get('/apply/:program/summary', async (c) => {
      const t = c.get('translator');
      const { program, summary } = await load(c, t);
      const base = localePath(t.locale, `/apply/${program}`);
      return renderPage(c, {
        title: `${t.t('documents.title')}: ${summary.program}`,
        body: (
          <ApplySummaryPage
            t={t}
            summary={summary}
            pdfHref={`${base}/summary.pdf`}
            backHref={`${base}/continue`}
          />
        ),
      });
    })
    .get('/apply/:program/summary.pdf', async (c) => {
      const own = c.get('translator');
      const shown = pdfCanShow(own.locale);
      const t = shown ? own : englishTranslator();
      const { program, summary } = await load(c, t);
      const note = shown
        ? undefined
        : t.t('documents.pdfScriptNote', {
            language:
              new Intl.DisplayNames([defaultLocale], { type: 'language' }).of(own.locale) ??
              own.locale,
            address: `${new URL(c.req.url).origin}${localePath(own.locale, `/apply/${program}/summary`)}`,
          });
      const pdf = await summaryPdf(t, summary, note === undefined ? {} : { note });
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        // The program id is checked against the flows above: safe in a header.
        'content-disposition': `attachment; filename="belong-${program}-summary.pdf"`,
      });
    });
}
