import { mayAct } from '../domain/actions.ts';
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
  /** Signed in with a password an administrator gave: only changing it is allowed (src/http/server.ts). */
  passwordChangeRequired?: true;
}

/** Whether the actor has one of the roles (an administrator has every one: src/domain/actions.ts). */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return mayAct(actor.roles, roles);
}
