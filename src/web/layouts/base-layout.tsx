import type { Child } from 'hono/jsx';
import type { Translator } from '../../i18n/translator.ts';
import { SiteFooter } from '../components/site-footer.tsx';
import { SiteHeader } from '../components/site-header.tsx';
import { localePath, type SiteInfo } from '../site.ts';

export interface LayoutProps {
  t: Translator;
  site: SiteInfo;
  /** The page's path without its language prefix. */
  path: string;
  /** The page's own name; the layout adds the site's. */
  title: string;
  children?: Child;
}

/**
 * The frame of every public page, after the U.S. Web Design System's
 * markup (https://designsystem.digital.gov/components/): skip link first,
 * basic header, one `main`, footer. No script.
 */
export function BaseLayout(props: LayoutProps) {
  const { t, site, path } = props;
  return (
    <html lang={t.locale} dir={t.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.t('common.pageTitle', { page: props.title })}</title>
        <link rel="stylesheet" href={site.cssHref} />
        {site.languages.map((language) => (
          <link
            rel="alternate"
            hreflang={language.locale}
            href={localePath(language.locale, path)}
          />
        ))}
      </head>
      <body>
        <a class="usa-skipnav" href="#main-content">
          {t.t('common.skipLink')}
        </a>
        <SiteHeader t={t} site={site} path={path} />
        <main id="main-content" class="usa-section" tabindex={-1}>
          <div class="grid-container">
            {t.locale === 'en' ? null : (
              // Every language but the source is machine-drafted until
              // people who speak it have reviewed it (issue 5, item 8).
              <p class="belong-translation-notice">
                {t.t('feedback.machineNotice')}{' '}
                <a
                  href={localePath(
                    t.locale,
                    `/translation-report?page=${encodeURIComponent(path)}`,
                  )}
                >
                  {t.t('feedback.reportLink')}
                </a>
              </p>
            )}
            {props.children}
          </div>
        </main>
        <SiteFooter t={t} />
      </body>
    </html>
  );
}
