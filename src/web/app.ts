import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { getPath } from 'hono/utils/url';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { splitLocalePrefix } from '../i18n/negotiate.ts';
import { Translations } from '../i18n/translator.ts';
import { createLogger, type Logger } from '../logger.ts';
import { ProcessingTimesService } from '../modules/casework/processing-times.service.ts';
import { TranslationReportsService } from '../modules/feedback/translation-reports.service.ts';
import type { RulesService } from '../modules/rules/rules.service.ts';
import type { AppEnv } from './app-env.ts';
import type { AppServices } from './app-services.ts';
import { loadStylesheet } from './assets.ts';
import { handleError, respondWithError } from './errors/error-handler.tsx';
import { createMetrics } from './metrics.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { localeMiddleware } from './middleware/locale.ts';
import { requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { apiApplicationsRoutes } from './routes/api-applications.routes.ts';
import { apiScreenRoutes } from './routes/api-screen.routes.ts';
import { apiStaffRoutes } from './routes/api-staff.routes.ts';
import { applyRoutes } from './routes/apply.routes.tsx';
import { applySummaryRoutes } from './routes/apply-summary.routes.tsx';
import { assetRoutes } from './routes/assets.routes.ts';
import { caseworkRoutes } from './routes/casework.routes.tsx';
import { checkRoutes } from './routes/check.routes.tsx';
import { civicsRoutes } from './routes/civics.routes.tsx';
import { feedbackRoutes } from './routes/feedback.routes.tsx';
import { healthRoutes } from './routes/health.routes.ts';
import { homeRoutes } from './routes/home.routes.tsx';
import { impactRoutes } from './routes/impact.routes.tsx';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { staffRoutes } from './routes/staff.routes.tsx';
import { staffPasskeysRoutes } from './routes/staff-passkeys.routes.tsx';
import { statusRoutes } from './routes/status.routes.tsx';
import { buildSiteInfo } from './site.ts';

export interface AppDependencies {
  database?: DatabaseHandle;
  logger?: Logger;
  /** The rules engine with its parameters, loaded once per process. */
  rules?: RulesService;
  /** Services over personal data (they need the key store); routes that take personal data need them. */
  services?: AppServices;
}

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function acceptsCompression(header: string | undefined): boolean {
  return header !== undefined && /\b(gzip|deflate)\b/.test(header);
}

/** Bodies larger than this are refused before they are read. */
export const maxBodyBytes = 64 * 1024;

/**
 * Builds the web application without listening on a port, so tests call
 * `app.request()` directly and `server.ts` alone deals with sockets.
 */
export function buildApp(config: Config, dependencies: AppDependencies = {}) {
  const logger = dependencies.logger ?? createLogger({ level: config.logLevel });
  const translations = new Translations({ pseudoLocale: config.pseudoLocale });
  const stylesheet = loadStylesheet();
  const site = buildSiteInfo(translations, stylesheet.href);
  const served = (candidate: string) => translations.has(candidate);

  const app = new Hono<AppEnv>({
    // Routes are declared once, without a language; `/es/…` routes as `/…`.
    getPath: (request) => splitLocalePrefix(getPath(request), served).path,
  });

  const metrics = createMetrics(dependencies.database);
  app.use(requestContext(config, logger, translations, metrics));
  const pageCache = new Map<string, string>();
  // Middleware with nothing to do after the handler returns next() instead
  // of awaiting it: one promise fewer per request each.
  app.use((c, next) => {
    c.set('site', site);
    c.set('pageCache', pageCache);
    return next();
  });
  app.use(securityHeaders);
  app.use(localeMiddleware(translations));
  // Both middlewares make Hono build the full web Request or Response
  // objects, which costs more than the page itself; they run only when
  // there is something to compress or a body to limit.
  const compression = compress();
  app.use((c, next) =>
    acceptsCompression(c.req.header('accept-encoding')) ? compression(c, next) : next(),
  );
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new AppError('BLG_PAYLOAD_TOO_LARGE');
    },
  });
  app.use((c, next) => (methodsWithBody.has(c.req.method) ? limitBody(c, next) : next()));
  app.use(csrfProtection);

  app.route('/', assetRoutes(stylesheet));
  app.route('/', healthRoutes(dependencies.database));
  app.route('/', homeRoutes);
  app.route('/', civicsRoutes);
  app.route('/', checkRoutes);
  app.route('/', apiScreenRoutes);
  app.route('/', metricsRoutes(metrics, config.metricsToken));
  app.route('/', impactRoutes(dependencies.database));
  if (dependencies.database) {
    app.route('/', feedbackRoutes(new TranslationReportsService(dependencies.database.db)));
  }
  // Routes that take personal data exist only where the key store is open.
  if (dependencies.services && dependencies.rules) {
    const { applications } = dependencies.services;
    app.route('/', applySummaryRoutes(applications));
    app.route('/', applyRoutes(applications, dependencies.rules));
    app.route('/', statusRoutes(applications));
    app.route('/', apiApplicationsRoutes(applications));
    const { staffAuth, staffPasskeys } = dependencies.services;
    app.route('/', staffRoutes(staffAuth, { passkeys: staffPasskeys }));
    app.route('/', staffPasskeysRoutes(staffAuth, staffPasskeys));
    app.route(
      '/',
      apiStaffRoutes({
        staffAuth,
        casework: dependencies.services.casework,
        rules: dependencies.rules,
        ...(dependencies.database
          ? { processingTimes: new ProcessingTimesService(dependencies.database.db) }
          : {}),
      }),
    );
    app.route(
      '/',
      caseworkRoutes({
        casework: dependencies.services.casework,
        exports: dependencies.services.exports,
        staffAuth: dependencies.services.staffAuth,
        rules: dependencies.rules,
        translations,
        ...(dependencies.database
          ? { processingTimes: new ProcessingTimesService(dependencies.database.db) }
          : {}),
      }),
    );
  }

  app.notFound((c) => respondWithError(c, 'BLG_NOT_FOUND'));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof buildApp>;
