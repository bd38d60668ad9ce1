import type { Migration } from 'kysely/migration';
import * as personKeys from './20261125130000-person-keys.ts';

/**
 * The key store's migrations (src/db/key-store.ts), apart from the main
 * database's: the key store is another database. Same rules as
 * ../migrations/index.ts: names sort in the order they run; never rename or
 * edit one that has shipped.
 */
export const keyStoreMigrations: Record<string, Migration> = {
  '20261125130000-person-keys': personKeys,
};
