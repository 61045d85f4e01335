// The signed-in user (from GET /me on load), sign-in and sign-out. The session itself is the
// HttpOnly cookie the server set; this only knows who it is. Whoever signs in or out, the query
// cache starts empty: what one user was shown is not another's.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, onUnauthorized, unwrap } from './api/client.ts';
import { useI18n } from './i18n/i18n.tsx';
import type { paths } from './api/schema';
import { OVERVIEW_ROLES as DOMAIN_OVERVIEW_ROLES } from '../../src/domain/queues.ts';

export type User = paths['/api/v1/me']['get']['responses']['200']['content']['application/json'];
export type Role = NonNullable<User['roles']>[number];

/** Who sees the registration desk, the overview and the co-execution tasks (the server enforces it anyway). */
export const DESK_ROLES: Role[] = ['registrar', 'operator', 'reception'];
export const OVERVIEW_ROLES: readonly Role[] = DOMAIN_OVERVIEW_ROLES;
export const CORRESPONDENCE_ROLES: Role[] = ['executor', 'head'];
/** The contact centre's operator console (issue 13). */
export const CONTACT_CENTRE_ROLES: Role[] = ['operator'];
/** The contact-centre head's figures, Annex 2 and cards (the head of the centre's organization). */
export const CONTACT_CENTRE_HEAD_ROLES: Role[] = ['head'];
/** Who opens the personal reception's screens: its staff, the heads who receive, the control department. */
export const RECEPTION_ROLES: Role[] = ['reception', 'head', 'controller'];

interface Session {
  user: User | null | undefined; // undefined: still asking
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setTimeZone, lang } = useI18n();
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const accept = useCallback(
    (u: User | null) => {
      setUser(u);
      if (u?.timeZone) setTimeZone(u.timeZone);
    },
    [setTimeZone],
  );
  const ended = useCallback(() => {
    queryClient.clear();
    setUser(null);
  }, [queryClient]);
  useEffect(() => {
    // who is signed in: a 401 means nobody
    api.GET('/api/v1/me').then(
      ({ data, response }) => accept(response.ok && data ? data : null),
      () => accept(null),
    );
  }, [accept]);
  useEffect(() => {
    // the organization's name and the labels come in the current language
    if (user) api.GET('/api/v1/me').then(({ data, response }) => response.ok && data && setUser(data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);
  useEffect(() => onUnauthorized(ended), [ended]);
  const signIn = useCallback(
    async (login: string, password: string) => {
      const r = await unwrap(api.POST('/api/v1/auth/login', { body: { login, password } }));
      queryClient.clear();
      accept(r.user ?? null);
    },
    [accept, queryClient],
  );
  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    ended();
  }, [ended]);
  const hasRole = useCallback((...roles: Role[]) => !!user?.roles?.some((r) => r === 'admin' || roles.includes(r)), [user]);
  return <Ctx.Provider value={{ user, signIn, signOut, hasRole }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
