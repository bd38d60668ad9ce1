import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { HomePage } from '../pages/home.page.tsx';
import { renderStaticPage } from '../render.ts';

export const homeRoutes = new Hono<AppEnv>().get('/', (c) =>
  renderStaticPage(c, () => ({
    title: c.get('translator').t('home.title'),
    body: <HomePage t={c.get('translator')} />,
  })),
);
