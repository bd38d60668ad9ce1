import type { Config } from '../config.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { StaffIdentity } from '../modules/accounts/staff-auth.service.ts';
import type { SiteInfo } from './site.ts';

export interface AppVariables {
  /** Correlates a response with its log lines; shown on error pages. */
  requestId: string;
  logger: Logger;
  translator: Translator;
  config: Config;
  site: SiteInfo;
  /** Headers for the response, gathered as a plain object (see response-headers.ts). */
  responseHeaders: Record<string, string>;
  /** Serialised Set-Cookie values for the response. */
  responseCookies: string[];
  /** Whether the gathered headers are already on the response. */
  responseHeadersApplied: boolean;
  /** Rendered HTML of static pages, by language and path (see renderStaticPage). */
  pageCache: Map<string, string>;
  /** The signed-in staff member, set by requireStaff (src/web/middleware/staff-session.ts). */
  staff?: StaffIdentity;
}

export interface AppEnv {
  Variables: AppVariables;
}
