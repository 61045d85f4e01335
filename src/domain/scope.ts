// Whose data a user sees (rules p.26: by territory and subordination — their organization and the
// organizations below it). A structural unit that serves an organization — its apparatus, its
// department for control of appeals — acts for that organization: the control department controls
// review down to the district and rural akims (model provision on control departments, p.5).
import type { Role } from './vocabulary.ts';

export const UNITS_ACTING_FOR_PARENT = ['apparatus', 'controlDepartment'] as const;

/** Of an organization's ancestors, nearest first (itself first), the one whose subtree its staff see. */
export function scopeRoot(ancestorsNearestFirst: { id: number; kind: string }[]): number {
  const root = ancestorsNearestFirst.find((o) => !(UNITS_ACTING_FOR_PARENT as readonly string[]).includes(o.kind));
  return (root ?? ancestorsNearestFirst[0]!).id;
}

// The statistics authority (rules p.25–p.26, p.32–p.34): the committee and its territorial
// departments. The role statistician belongs to their staff only: anywhere else it would let a
// user decide what only the authority decides (corrections of the authority's fields, access requests).
export const STATISTICS_AUTHORITY_KINDS = ['statsAuthority', 'statsDepartment'] as const;

/** Roles that exist only at some kinds of organization. */
const ROLE_ORGANIZATION_KINDS: Partial<Record<Role, readonly string[]>> = { statistician: STATISTICS_AUTHORITY_KINDS };

/** Whether a user of an organization of this kind may hold the role. */
export function roleAllowedAt(role: Role, organizationKind: string): boolean {
  const kinds = ROLE_ORGANIZATION_KINDS[role];
  return !kinds || kinds.includes(organizationKind);
}

/** Whether the user acts for the statistics authority: a statistician at one of its organizations. */
export function actsForStatisticsAuthority(roles: readonly Role[], organizationKind: string): boolean {
  return roles.includes('statistician') && roleAllowedAt('statistician', organizationKind);
}
