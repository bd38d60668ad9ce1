import type { StaffRole } from '../../db/schema.ts';

/**
 * What each role may do, in one place (issue 6, item 2). Routes and
 * services ask `may(role, action)`; a test walks every route for every
 * role against this table. Reading a person's answers is its own action,
 * apart from seeing that a case exists: an organiser measures outcomes and
 * never needs to read anyone.
 */
export const actions = [
  'queue.view',
  'case.view',
  'case.view_personal',
  'case.claim',
  'case.assign',
  'case.note',
  'case.request_info',
  'case.decide',
  'case.award',
  'case.pay',
  'case.close',
  'case.bulk_assign',
  'case.bulk_request_info',
  'case.bulk_approve',
  'clinic.move',
  'export.cases',
  'export.cases_personal',
  'processing_times.view',
] as const;
export type Action = (typeof actions)[number];

const matrix: Readonly<Record<StaffRole, readonly Action[]>> = {
  navigator: [
    'queue.view',
    'case.view',
    'case.view_personal',
    'case.claim',
    'case.note',
    'case.request_info',
    'clinic.move',
    'processing_times.view',
  ],
  caseworker: [
    'queue.view',
    'case.view',
    'case.view_personal',
    'case.claim',
    'case.note',
    'case.request_info',
    'case.decide',
    'case.close',
    'clinic.move',
    'processing_times.view',
  ],
  supervisor: [
    'queue.view',
    'case.view',
    'case.view_personal',
    'case.claim',
    'case.assign',
    'case.note',
    'case.request_info',
    'case.decide',
    'case.award',
    'case.close',
    'case.bulk_assign',
    'case.bulk_request_info',
    'case.bulk_approve',
    'clinic.move',
    'export.cases',
    'export.cases_personal',
    'processing_times.view',
  ],
  'fund-admin': [
    'queue.view',
    'case.view',
    'case.award',
    'case.pay',
    'case.close',
    'export.cases',
    'processing_times.view',
  ],
  organiser: ['processing_times.view'],
  // Administrators run accounts and organisations; reading people's cases
  // is not part of that, so it is not granted by default.
  admin: ['queue.view', 'case.view', 'case.assign', 'export.cases', 'processing_times.view'],
};

export function may(role: StaffRole, action: Action): boolean {
  return matrix[role].includes(action);
}

/** Whether any of the roles grants the action. */
export function mayAny(roles: readonly StaffRole[], action: Action): boolean {
  return roles.some((role) => may(role, action));
}

/** The table as rows, for the documentation and the route-walking test. */
export function permissionMatrix(): { role: StaffRole; action: Action; allowed: boolean }[] {
  return (Object.keys(matrix) as StaffRole[]).flatMap((role) =>
    actions.map((action) => ({ role, action, allowed: may(role, action) })),
  );
}
