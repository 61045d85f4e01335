// The control department's screens (web/src/pages/control/): who sees them, and their order.
import type { Role } from './session.tsx';

export const CONTROL_ROLES: readonly Role[] = ['controller'];
export const CONTROL_SCREENS = ['dashboard', 'quality', 'instructions', 'violations', 'content', 'map', 'checks'] as const;
