import type { Role } from '../domain/vocabulary.ts';

/** The signed-in user a use case acts for. */
export interface Actor {
  id: string;
  login: string;
  fullName: string;
  position: string;
  organizationId: number;
  /** The organization whose subtree the user acts for (src/domain/scope.ts). */
  scopeOrganizationId: number;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => r === 'admin' || roles.includes(r));
}
