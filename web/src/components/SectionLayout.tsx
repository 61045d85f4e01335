// A capability's screens (accounting, control) share a second row of navigation and the screen
// below it, loading lazily; the address parameters named in `keep` (the period chosen on one
// screen) carry over to the next.
import { Suspense } from 'react';
import { Outlet, useSearchParams } from 'react-router';
import { Center, Group, Loader, Stack } from '@mantine/core';
import { NavItem } from './Shell.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function SectionLayout({ label, base, screens, keep }: { label: string; base: string; screens: readonly { id: string; label: string }[]; keep: readonly string[] }) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const kept = new URLSearchParams([...search].filter(([k]) => keep.includes(k))).toString();
  return (
    <Stack gap="md">
      <nav aria-label={label}>
        <Group gap={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 6 }}>
          {screens.map((s) => (
            <NavItem key={s.id} to={`${base}/${s.id}${kept ? `?${kept}` : ''}`}>
              {s.label}
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
