import type { Config } from '../../src/config.ts';
import { testApp } from './app.ts';
import { openTestDatabase, openTestKeyStore } from './engines.ts';
import { testServices } from './services.ts';

/**
 * An app with its database and key store (embedded, in a temporary folder),
 * so every public page exists — the application journey, the status page
 * and the translation report need them. `dispose` removes both.
 */
export async function testAppWithStores(config: Partial<Config> = {}) {
  const database = await openTestDatabase('pglite');
  const keyStore = await openTestKeyStore('pglite');
  const { services, rules } = testServices(database, keyStore);
  const built = testApp({ config, database, services, rules });
  return {
    ...built,
    database,
    dispose: async () => {
      await keyStore.dispose();
      await database.dispose();
    },
  };
}
