import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Stylesheet {
  /** Fingerprinted path: a new stylesheet gets a new address, so it can be cached forever. */
  href: string;
  body: string;
}

export function loadStylesheet(): Stylesheet {
  const body = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { href: `/assets/site.${hash}.css`, body };
}
