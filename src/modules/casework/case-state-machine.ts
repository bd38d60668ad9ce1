import type { CaseStatus, StaffRole } from '../../db/schema.ts';

/**
 * A case's life as an explicit state machine (issue 6, item 3):
 *
 *   submitted → screening → in_review ⇄ info_requested → decided → closed
 *                                                        decided → awarded → paid → closed (funds)
 *
 * Each transition names the roles that may make it; `system` is Belong
 * itself (screening on submission, a received answer). A transition not in
 * this table cannot happen: the service refuses it with a coded error.
 */
export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  roles: readonly (StaffRole | 'system')[];
  /** Funds only (wa-relief, wage-replacement): an award and a payment follow a decision. */
  fundsOnly?: true;
}

export const transitions: readonly Transition[] = [
  {
    from: 'submitted',
    to: 'screening',
    roles: ['system', 'navigator', 'caseworker', 'supervisor'],
  },
  {
    from: 'screening',
    to: 'in_review',
    roles: ['system', 'navigator', 'caseworker', 'supervisor'],
  },
  { from: 'submitted', to: 'in_review', roles: ['caseworker', 'supervisor'] },
  { from: 'in_review', to: 'info_requested', roles: ['navigator', 'caseworker', 'supervisor'] },
  {
    from: 'info_requested',
    to: 'in_review',
    roles: ['system', 'navigator', 'caseworker', 'supervisor'],
  },
  { from: 'in_review', to: 'decided', roles: ['caseworker', 'supervisor'] },
  // A withdrawal can come at any open point.
  { from: 'submitted', to: 'decided', roles: ['caseworker', 'supervisor'] },
  { from: 'screening', to: 'decided', roles: ['caseworker', 'supervisor'] },
  { from: 'info_requested', to: 'decided', roles: ['caseworker', 'supervisor'] },
  { from: 'decided', to: 'awarded', roles: ['fund-admin', 'supervisor'], fundsOnly: true },
  { from: 'awarded', to: 'paid', roles: ['fund-admin'], fundsOnly: true },
  { from: 'decided', to: 'closed', roles: ['caseworker', 'supervisor', 'fund-admin'] },
  { from: 'paid', to: 'closed', roles: ['fund-admin', 'supervisor'] },
];

/** Programs that pay money: their approved cases go on to an award and a payment. */
export const fundPrograms: readonly string[] = ['wa-relief', 'wage-replacement'];

/** Statuses in which a case waits for someone: they count towards the backlog. */
export const openStatuses: readonly CaseStatus[] = [
  'submitted',
  'screening',
  'in_review',
  'info_requested',
];

export const decisionOutcomes = ['approved', 'denied', 'withdrawn'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/** The transition from → to for this program, if the machine has one. */
export function findTransition(
  program: string,
  from: CaseStatus,
  to: CaseStatus,
): Transition | undefined {
  return transitions.find(
    (transition) =>
      transition.from === from &&
      transition.to === to &&
      (!transition.fundsOnly || fundPrograms.includes(program)),
  );
}

/** Whether someone with `roles` may move a case of `program` from → to. */
export function mayTransition(
  program: string,
  from: CaseStatus,
  to: CaseStatus,
  roles: readonly (StaffRole | 'system')[],
): boolean {
  const transition = findTransition(program, from, to);
  return transition?.roles.some((role) => roles.includes(role)) === true;
}

/** Where a case may go next, for someone with `roles`. */
export function nextStatuses(
  program: string,
  from: CaseStatus,
  roles: readonly (StaffRole | 'system')[],
): CaseStatus[] {
  return transitions
    .filter(
      (transition) =>
        transition.from === from && mayTransition(program, from, transition.to, roles),
    )
    .map((transition) => transition.to);
}
