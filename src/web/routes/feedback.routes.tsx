import type { Context } from 'hono';
import { Hono } from 'hono';
import { parsePageForm } from '../../flow/flow.ts';
import type { FieldError, FlowPage } from '../../flow/flow-definition.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { TranslationReportsService } from '../../modules/feedback/translation-reports.service.ts';
import type { AppEnv } from '../app-env.ts';
import { FlowPageForm } from '../components/flow-page.tsx';
import { type FormData, readForm, single } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import { renderPage } from '../render.ts';

/** The report form, declared like a flow page so it parses and renders the same way. */
const reportPage: FlowPage = {
  key: 'translation-report',
  title: 'feedback.reportTitle',
  why: 'feedback.reportPrivacy',
  fields: [
    {
      path: 'problem',
      kind: 'choice',
      label: 'feedback.reportProblem',
      options: [
        { value: 'meaning', label: 'feedback.problemMeaning' },
        { value: 'unclear', label: 'feedback.problemUnclear' },
        { value: 'offensive', label: 'feedback.problemOffensive' },
        { value: 'untranslated', label: 'feedback.problemUntranslated' },
        { value: 'other', label: 'feedback.problemOther' },
      ],
    },
  ],
};

/** Only our own address shapes are carried back; anything else becomes the home page. */
function safePage(value: string | undefined): string {
  return value && /^\/[a-z0-9/-]{0,200}$/.test(value) ? value : '/';
}

/**
 * `/translation-report` (issue 5, item 8): every page in a machine-drafted
 * language links here, naming itself. The report keeps the page, the
 * language and the kind of problem — no free text, so it can hold nothing
 * personal.
 */
export function feedbackRoutes(reports: TranslationReportsService) {
  const show = (
    c: Context<AppEnv>,
    page: string,
    options: { form?: FormData; errors?: readonly FieldError[] } = {},
  ) => {
    const t = c.get('translator');
    return renderPage(c, {
      title: t.t('feedback.reportTitle'),
      status: (options.errors?.length ?? 0) > 0 ? 422 : 200,
      body: (
        <>
          <p>{t.t('feedback.reportLead')}</p>
          <dl class="usa-summary-list">
            <div class="usa-summary-list__row">
              <dt class="usa-summary-list__key">{t.t('feedback.reportPage')}</dt>
              <dd class="usa-summary-list__value">
                <a href={localePath(t.locale, page)}>{t.t('feedback.reportPageLink')}</a>
              </dd>
            </div>
            <div class="usa-summary-list__row">
              <dt class="usa-summary-list__key">{t.t('feedback.reportLanguage')}</dt>
              <dd class="usa-summary-list__value">{t.t('common.languageName')}</dd>
            </div>
          </dl>
          <FlowPageForm
            t={t}
            page={reportPage}
            values={{}}
            form={options.form}
            errors={options.errors}
            action={localePath(t.locale, '/translation-report')}
            csrfToken={csrfToken(c)}
            hidden={{ page }}
          />
        </>
      ),
    });
  };

  return new Hono<AppEnv>()
    .get('/translation-report', (c) => show(c, safePage(c.req.query('page'))))
    .post('/translation-report', async (c) => {
      const form = await readForm(c);
      const page = safePage(single(form, 'page'));
      const { values, errors } = parsePageForm(reportPage, form);
      if (errors.length > 0) return show(c, page, { form, errors });
      const t = c.get('translator');
      await reports.report(t.locale, page, String(values.problem));
      return renderPage(c, {
        title: t.t('feedback.thanksTitle'),
        body: (
          <>
            <h1>{t.t('feedback.thanksTitle')}</h1>
            <p>{t.t('feedback.thanksBody')}</p>
            <p>
              <a href={localePath(t.locale, page)}>{t.t('feedback.thanksBack')}</a>
            </p>
          </>
        ),
      });
    });
}
