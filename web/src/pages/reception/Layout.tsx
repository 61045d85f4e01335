// The reception screens share a second row of navigation: the schedule, the sign-ups (reception
// staff), the compliance check; a session's day opens from the schedule.
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Center, Group, Loader, Stack } from '@mantine/core';
import { NavItem } from '../../components/Shell.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession, type Role } from '../../session.tsx';

/** Who keeps the reception's screens (RECEPTION_ROLES of ../../session.tsx open them). */
export const RECEPTION_STAFF: Role[] = ['reception'];

export default function ReceptionLayout() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  return (
    <Stack gap="md">
      <nav aria-label={t('nav.reception')}>
        <Group gap={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}>
          <NavItem to="/reception/schedule">{t('rc.nav.schedule')}</NavItem>
          {hasRole(...RECEPTION_STAFF) && <NavItem to="/reception/sign-ups">{t('rc.nav.signUps')}</NavItem>}
          <NavItem to="/reception/compliance">{t('rc.nav.compliance')}</NavItem>
          <NavItem to="/reception/report">{t('rc.nav.report')}</NavItem>
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
