import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { StaffPasskeysService } from '../modules/accounts/passkeys.service.ts';
import { StaffAuthService } from '../modules/accounts/staff-auth.service.ts';
import { ApplicationsService } from '../modules/applications/applications.service.ts';
import { CaseExportService } from '../modules/casework/case-export.service.ts';
import { CaseworkService } from '../modules/casework/casework.service.ts';
import { personalDataHolders } from '../modules/personal-data-holders.ts';
import type { RulesService } from '../modules/rules/rules.service.ts';
import { BlindIndexRepository } from '../privacy/blind-index.repository.ts';
import { PersonPrivacyService } from '../privacy/person-privacy.service.ts';
import type { PrivacyRuntime } from '../privacy/privacy-runtime.ts';
import { RetentionService } from '../privacy/retention.service.ts';

/** The services that hold personal data, built once per process from its stores. */
export interface AppServices {
  applications: ApplicationsService;
  personPrivacy: PersonPrivacyService;
  retention: RetentionService;
  /** Staff sign-in, sessions and second factors (src/modules/accounts/). */
  staffAuth: StaffAuthService;
  /** Staff passkeys, a second factor beside TOTP (decision 0032). */
  staffPasskeys: StaffPasskeysService;
  /** Queues, claim-next, review, requests for information, decisions (src/modules/casework/). */
  casework: CaseworkService;
  exports: CaseExportService;
}

export function buildAppServices(
  db: Kysely<Database>,
  privacy: PrivacyRuntime,
  rules: RulesService,
): AppServices {
  const personPrivacy = new PersonPrivacyService(db, privacy.keyStore.db, {
    holders: personalDataHolders,
    personKeys: privacy.personKeys,
  });
  const retention = new RetentionService(db, rules.parameters, personPrivacy);
  const applications = new ApplicationsService({
    db,
    personKeys: privacy.personKeys,
    blindIndexes: new BlindIndexRepository(db, privacy.indexer),
    rules,
    retention,
  });
  const staffAuth = new StaffAuthService({ db, personKeys: privacy.personKeys });
  const staffPasskeys = new StaffPasskeysService({
    db,
    personKeys: privacy.personKeys,
    auth: staffAuth,
  });
  const casework = new CaseworkService({
    db,
    personKeys: privacy.personKeys,
    rules,
    retention,
    blindIndexes: new BlindIndexRepository(db, privacy.indexer),
  });
  const exports = new CaseExportService({ db, personKeys: privacy.personKeys });
  return {
    applications,
    personPrivacy,
    retention,
    staffAuth,
    staffPasskeys,
    casework,
    exports,
  };
}
