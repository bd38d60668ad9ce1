import type { PersonalDataHolder } from '../privacy/personal-data-holder.ts';
import { staffPasskeysHolder, staffSecondFactorsHolder } from './accounts/accounts.holders.ts';
import { applicationDraftsHolder, casesHolder } from './applications/applications.holders.ts';
import { caseEventsHolder, infoRequestsHolder } from './casework/casework.holders.ts';

/**
 * Every feature that stores something about a person. The data report
 * (`belong privacy report`) describes each one's records and forgetting
 * (`belong privacy forget`, the retention sweep) erases each one's personal
 * fields, so a feature that stores personal data lists its holder here.
 * test/meta/privacy-inventory.test.ts checks that every table with a
 * sealed column has one.
 */
export const personalDataHolders: readonly PersonalDataHolder[] = [
  applicationDraftsHolder,
  casesHolder,
  caseEventsHolder,
  infoRequestsHolder,
  staffSecondFactorsHolder,
  staffPasskeysHolder,
];
