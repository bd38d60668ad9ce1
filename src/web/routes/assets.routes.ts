import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { type StaticAsset, scripts } from '../assets.ts';

/** The stylesheet and every script, each at its fingerprinted address, cached for a year. */
export function assetRoutes(stylesheet: StaticAsset) {
  const app = new Hono<AppEnv>();
  for (const asset of [stylesheet, ...Object.values(scripts)]) {
    app.get(asset.href, (c) => {
      c.header('Content-Type', asset.contentType);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(asset.body);
    });
  }
  // Browsers ask for it on every site; answering "nothing here" once a
  // day costs less than a 404 page on every visit.
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(null, 204);
  });
  return app;
}
