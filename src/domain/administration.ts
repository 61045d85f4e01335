// The rules of an administrator's work with users and the organization tree (issue 10 item 12).
// Pure: each check gives the field errors of an edit, none when it may be stored.
import type { FieldError } from './registration.ts';
import { roleAllowedAt } from './scope.ts';
import type { Labels, Role } from './vocabulary.ts';

/** A login: 2–64 Latin letters, digits, dots, dashes or underscores (as `cli create-admin` takes). */
export const LOGIN_PATTERN = '^[A-Za-z0-9._-]{2,64}$';
/** An organization's code: short and stable, what seeds and exports refer to. */
export const ORGANIZATION_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$';
/** A KATO code of a territory: 9 digits. */
export const KATO_PATTERN = '^[0-9]{9}$';
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

const blank = (s: string | null | undefined) => s !== undefined && s !== null && s.trim() === '';

/** The roles of a user at an organization of this kind: at least one, each allowed there. */
export function checkRoles(roles: readonly Role[], organizationKind: string): FieldError[] {
  if (roles.length === 0) return [{ path: '/roles', code: 'minItems', params: { limit: 1 } }];
  return roles.filter((r) => !roleAllowedAt(r, organizationKind)).map((role) => ({ path: '/roles', code: 'administration.roleNotAtOrganization', params: { role } }));
}

/** The texts of a user card that must not be blank when given. */
export function checkUserTexts(user: { fullName?: string | undefined; position?: string | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(user.fullName)) errors.push({ path: '/fullName', code: 'text.blank' });
  if (blank(user.position)) errors.push({ path: '/position', code: 'text.blank' });
  return errors;
}

/** An administrator neither deactivates themself nor takes their own administrator role away:
 *  the installation would be left without anyone to undo it. */
export function selfLockout(actorId: string, userId: string, change: { active?: boolean; roles?: readonly Role[] }): boolean {
  if (actorId !== userId) return false;
  return change.active === false || (change.roles !== undefined && !change.roles.includes('admin'));
}

/** An organization's names: none blank. */
export function checkNames(names: Partial<Labels> | undefined, path = '/names'): FieldError[] {
  if (!names) return [];
  return (['kk', 'ru', 'en'] as const).filter((l) => blank(names[l])).map((l) => ({ path: `${path}/${l}`, code: 'text.blank' }));
}
