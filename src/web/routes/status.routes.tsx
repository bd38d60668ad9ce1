import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError } from '../../errors.ts';
import { parsePageForm } from '../../flow/flow.ts';
import type { FieldError, FlowPage } from '../../flow/flow-definition.ts';
import { localePath } from '../../i18n/negotiate.ts';
import type { ApplicationsService } from '../../modules/applications/applications.service.ts';
import type { AppEnv } from '../app-env.ts';
import { FlowPageForm } from '../components/flow-page.tsx';
import { type FormData, readForm } from '../form-body.ts';
import { csrfToken } from '../middleware/csrf.ts';
import { StatusResultPage } from '../pages/status.page.tsx';
import { renderPage } from '../render.ts';
import { setResponseHeader } from '../response-headers.ts';

/** The status form, declared like a flow page so it parses and renders the same way. */
const statusPage: FlowPage = {
  key: 'status',
  title: 'apply.statusTitle',
  fields: [
    {
      path: 'reference',
      kind: 'text',
      label: 'apply.statusReference',
      hint: 'apply.statusReferenceHint',
      maxLength: 30,
    },
    {
      path: 'claimCode',
      kind: 'text',
      label: 'apply.statusClaimCode',
      hint: 'apply.statusClaimCodeHint',
      maxLength: 30,
    },
  ],
};

/**
 * `/status` (issue 5, item 5): a reference and claim code show where a case
 * is and when a decision is due. Posted, never in the address: a claim code
 * in a URL would sit in history, logs and referrers.
 */
export function statusRoutes(applications: ApplicationsService) {
  const showForm = (
    c: Context<AppEnv>,
    options: { form?: FormData; errors?: readonly FieldError[]; notFound?: boolean } = {},
  ) => {
    const t = c.get('translator');
    setResponseHeader(c, 'cache-control', 'no-store');
    const failed = options.notFound === true || (options.errors?.length ?? 0) > 0;
    return renderPage(c, {
      title: t.t('apply.statusTitle'),
      status: options.notFound ? 404 : failed ? 422 : 200,
      body: (
        <>
          {options.notFound ? (
            <div class="usa-alert usa-alert--error" role="alert">
              <p class="usa-alert__text">{t.t('apply.statusNotFound')}</p>
            </div>
          ) : null}
          <p>{t.t('apply.statusLead')}</p>
          <FlowPageForm
            t={t}
            page={statusPage}
            values={{}}
            form={options.form}
            errors={options.errors}
            action={localePath(t.locale, '/status')}
            csrfToken={csrfToken(c)}
          />
        </>
      ),
    });
  };

  return new Hono<AppEnv>()
    .get('/status', (c) => showForm(c))
    .post('/status', async (c) => {
      const form = await readForm(c);
      const { values, errors } = parsePageForm(statusPage, form);
      if (errors.length > 0) return showForm(c, { form, errors });
      try {
        const status = await applications.status(
          String(values.reference),
          String(values.claimCode),
        );
        const t = c.get('translator');
        setResponseHeader(c, 'cache-control', 'no-store');
        return renderPage(c, {
          title: t.t('apply.statusResultTitle', { reference: status.reference }),
          body: <StatusResultPage t={t} status={status} />,
        });
      } catch (error) {
        if (isAppError(error) && error.code === 'BLG_CASE_NOT_FOUND') {
          return showForm(c, { form, notFound: true });
        }
        throw error;
      }
    });
}
