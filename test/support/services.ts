import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/database.ts';
import type { KeyStoreHandle } from '../../src/db/key-store.ts';
import { type RulesService, sharedRulesService } from '../../src/modules/rules/rules.service.ts';
import { BlindIndexer } from '../../src/privacy/blind-index.ts';
import { LocalKeyProvider } from '../../src/privacy/local-key-provider.ts';
import { PersonKeysRepository } from '../../src/privacy/person-keys.repository.ts';
import { PersonKeysService } from '../../src/privacy/person-keys.service.ts';
import type { PrivacyRuntime } from '../../src/privacy/privacy-runtime.ts';
import { type AppServices, buildAppServices } from '../../src/web/app-services.ts';

/** One rules engine for every test in a process, as for the server: loading the parameters is the slow part. */
export function sharedRules(): RulesService {
  return sharedRulesService();
}

/**
 * The privacy runtime a server opens, over a test's own key store, with a
 * random KEK and index key. The key store's lifetime is the test's.
 */
export function testPrivacy(keyStore: KeyStoreHandle): PrivacyRuntime {
  const provider = new LocalKeyProvider(randomBytes(32));
  return {
    provider,
    keyStore,
    personKeys: new PersonKeysService(new PersonKeysRepository(keyStore.db), provider),
    indexer: new BlindIndexer(randomBytes(32)),
    close: async () => {},
  };
}

/** The services over personal data, as `startServer` builds them, on test stores. */
export function testServices(
  database: DatabaseHandle,
  keyStore: KeyStoreHandle,
): { services: AppServices; privacy: PrivacyRuntime; rules: RulesService } {
  const privacy = testPrivacy(keyStore);
  return {
    services: buildAppServices(database.db, privacy, sharedRules()),
    privacy,
    rules: sharedRules(),
  };
}
