// The administrator's screens (issue 10, item 12) share a second row of navigation, the
// organization list the forms pick from, and the way a field shows its error.
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Center, Group, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NavItem } from '../../components/Shell.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { api, unwrap, type ApiError, type paths } from '../../api/client.ts';

export const ADMIN_SCREENS = ['users', 'organizations', 'directories', 'calendar'] as const;

export type AdminOrganization = paths['/api/v1/admin/organizations']['get']['responses']['200']['content']['application/json']['items'][number];

export const adminOrganizationsKey = ['admin', 'organizations'] as const;

/** The whole organization tree, in report order, each with its depth below the top. */
export function useAdminOrganizations() {
  return useQuery({
    queryKey: adminOrganizationsKey,
    queryFn: async () => {
      const { items } = await unwrap(api.GET('/api/v1/admin/organizations'));
      const byParent = new Map<number | null, AdminOrganization[]>();
      for (const o of items) byParent.set(o.parentId ?? null, [...(byParent.get(o.parentId ?? null) ?? []), o]);
      const out: (AdminOrganization & { depth: number })[] = [];
      const walk = (parent: number | null, depth: number) => {
        for (const o of byParent.get(parent) ?? []) {
          out.push({ ...o, depth });
          walk(o.id!, depth + 1);
        }
      };
      walk(null, 0);
      return out;
    },
  });
}

/** The message of a field's error, if the answer named that field. */
export const fieldError = (error: ApiError | null, path: string) => error?.fields.find((f) => f.path === path)?.message;

export default function AdminLayout() {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <nav aria-label={t('nav.admin')}>
        <Group gap={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}>
          {ADMIN_SCREENS.map((s) => (
            <NavItem key={s} to={`/admin/${s}`}>
              {t(`adm.nav.${s}` as MessageKey)}
            </NavItem>
          ))}
        </Group>
      </nav>
      <Suspense
        fallback={
          <Center h="40vh">
            <Loader aria-label={t('loading')} />
          </Center>
        }
      >
        <Outlet />
      </Suspense>
    </Stack>
  );
}
