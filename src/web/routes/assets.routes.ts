import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Stylesheet } from '../assets.ts';

export function assetRoutes(stylesheet: Stylesheet) {
  return (
    new Hono<AppEnv>()
      .get(stylesheet.href, (c) => {
        c.header('Content-Type', 'text/css; charset=utf-8');
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        return c.body(stylesheet.body);
      })
      // Browsers ask for it on every site; answering "nothing here" once a
      // day costs less than a 404 page on every visit.
      .get('/favicon.ico', (c) => {
        c.header('Cache-Control', 'public, max-age=86400');
        return c.body(null, 204);
      })
  );
}
