// The accounting screens (statistics, corrections, reconciliation, access, outages, exports) and
// the roles each is shown to (the server enforces it anyway). Small: the top bar needs it before
// any of the screens' own chunks load.
import type { Role } from './session.tsx';

export const ACCOUNTING_SCREENS = [
  { id: 'indicators', roles: ['statistician', 'head', 'controller'] },
  { id: 'form1', roles: ['statistician', 'head', 'controller'] },
  { id: 'corrections', roles: ['statistician', 'head'] },
  { id: 'reconciliation', roles: ['statistician', 'head'] },
  { id: 'access-requests', roles: ['statistician'] },
  { id: 'outages', roles: ['statistician', 'head', 'controller', 'registrar', 'reception', 'operator'] },
  { id: 'exports', roles: ['statistician'] },
] as const satisfies readonly { id: string; roles: readonly Role[] }[];

export type AccountingScreen = (typeof ACCOUNTING_SCREENS)[number]['id'];

/** The screens a user with these roles sees (an administrator: all). */
export function accountingScreensFor(hasRole: (...roles: Role[]) => boolean): AccountingScreen[] {
  return ACCOUNTING_SCREENS.filter((s) => hasRole(...s.roles)).map((s) => s.id);
}
