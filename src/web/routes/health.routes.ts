import { Hono } from 'hono';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../app-env.ts';

/**
 * `/health` for load balancers and the process supervisor: 200 when the
 * database answers, 503 (with the catalogue's code) when it does not.
 */
export function healthRoutes(database: DatabaseHandle | undefined) {
  return new Hono<AppEnv>().get('/health', async (c) => {
    if (database) {
      try {
        await sql`SELECT 1`.execute(database.db);
      } catch (error) {
        throw new AppError('BLG_UNAVAILABLE', { cause: error });
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', database: database ? database.engine : 'none' });
  });
}
