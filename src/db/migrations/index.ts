import type { Migration } from 'kysely/migration';
import * as foundation from './20261125090000-foundation.ts';
import * as auditLog from './20261125130100-audit-log.ts';
import * as privacyRegistry from './20261125150000-privacy-registry.ts';
import * as applications from './20261125160000-applications.ts';
import * as translationReports from './20261125170000-translation-reports.ts';
import * as staffSessions from './20261125180000-staff-sessions.ts';
import * as casework from './20261125190000-casework.ts';
import * as rowLevelSecurity from './20261125200000-row-level-security.ts';
import * as staffPasskeys from './20261125210000-staff-passkeys.ts';

/**
 * Every migration, keyed by its timestamped name. Listed here rather than
 * read from the folder so the set is typed and bundles cleanly. Names sort
 * in the order they run; never rename or edit one that has shipped.
 *
 * Per-person data keys are not here: they live in the key store, a database
 * of their own with its own migrations (../key-store-migrations/,
 * docs/decisions/0023-key-store-apart-from-data.md).
 */
export const migrations: Record<string, Migration> = {
  '20261125090000-foundation': foundation,
  '20261125130100-audit-log': auditLog,
  '20261125150000-privacy-registry': privacyRegistry,
  '20261125160000-applications': applications,
  '20261125170000-translation-reports': translationReports,
  '20261125180000-staff-sessions': staffSessions,
  '20261125190000-casework': casework,
  '20261125200000-row-level-security': rowLevelSecurity,
  '20261125210000-staff-passkeys': staffPasskeys,
};
