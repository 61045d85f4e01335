// The accounting screens share a second row of navigation: the screens the user's roles allow,
// keeping the period chosen on one screen for the next.
import { Suspense } from 'react';
import { Outlet, useSearchParams } from 'react-router';
import { Center, Group, Loader, Stack } from '@mantine/core';
import { NavItem } from '../../components/Shell.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { accountingScreensFor } from '../../accounting.ts';

export default function AccountingLayout() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const screens = accountingScreensFor(hasRole);
  const [search] = useSearchParams();
  const period = new URLSearchParams([...search].filter(([k]) => k === 'year' || k === 'month')).toString();
  return (
    <Stack gap="md">
      <nav aria-label={t('nav.accounting')}>
        <Group gap={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}>
          {screens.map((s) => (
            <NavItem key={s} to={`/accounting/${s}${period ? `?${period}` : ''}`}>
              {t(`acc.nav.${s}` as MessageKey)}
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
