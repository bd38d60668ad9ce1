import type { Config } from '../config.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { SiteInfo } from './site.ts';

export interface AppVariables {
  /** Correlates a response with its log lines; shown on error pages. */
  requestId: string;
  logger: Logger;
  translator: Translator;
  config: Config;
  site: SiteInfo;
  /** Rendered HTML of static pages, by language and path (see renderStaticPage). */
  pageCache: Map<string, string>;
}

export interface AppEnv {
  Variables: AppVariables;
}
