// The frame of every screen: the top bar with the app, the user's name, organization and roles, the
// language switch, password change and sign-out; the navbar with the sections the user's roles allow.
import { useState, type ReactNode } from 'react';
import { Link, NavLink as RouterLink, useNavigate } from 'react-router';
import { AppShell, Badge, Box, Burger, Button, Group, Menu, ScrollArea, SegmentedControl, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { CONTACT_CENTRE_HEAD_ROLES, CONTACT_CENTRE_ROLES, CORRESPONDENCE_ROLES, DESK_ROLES, OVERVIEW_ROLES, RECEPTION_ROLES, useSession } from '../session.tsx';
import { LANGUAGES, LANGUAGE_NAMES, useI18n, type Lang } from '../i18n/i18n.tsx';
import { PasswordModal } from './PasswordModal.tsx';
import { InboxBell } from './InboxBell.tsx';
import { accountingScreensFor } from '../accounting.ts';
import { CONTROL_ROLES } from '../control.ts';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={LANGUAGES.map((l) => ({
        value: l,
        label: (
          <span lang={l} title={LANGUAGE_NAMES[l]}>
            {l.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}

export function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <RouterLink to={to} style={{ textDecoration: 'none' }}>
      {({ isActive }) => (
        <Box
          component="span"
          px="sm"
          py={6}
          style={{
            display: 'inline-block',
            borderRadius: 4,
            fontWeight: 600,
            color: isActive ? 'white' : 'var(--mantine-color-blue-9)',
            background: isActive ? 'var(--mantine-color-blue-8)' : 'transparent',
          }}
          aria-current={isActive ? 'page' : undefined}
        >
          {children}
        </Box>
      )}
    </RouterLink>
  );
}

/** The sections of the staff app the user's roles open, in the order of a working day. */
function Sections({ onPick }: { onPick: () => void }) {
  const { hasRole } = useSession();
  const { t } = useI18n();
  const items: [string, string][] = [];
  if (hasRole(...DESK_ROLES)) items.push(['/desk', t('nav.desk')]);
  items.push(['/queues/all', t('nav.queues')]);
  if (hasRole(...OVERVIEW_ROLES)) items.push(['/overview', t('nav.overview')]);
  if (hasRole(...CORRESPONDENCE_ROLES)) items.push(['/correspondence', t('nav.correspondence')]);
  if (hasRole(...CONTACT_CENTRE_ROLES)) items.push(['/contact-centre', t('nav.contactCentre')]);
  else if (hasRole(...CONTACT_CENTRE_HEAD_ROLES)) items.push(['/contact-centre/figures', t('nav.contactCentre')]);
  if (hasRole(...RECEPTION_ROLES)) items.push(['/reception', t('nav.reception')]);
  if (accountingScreensFor(hasRole).length > 0) items.push(['/accounting', t('nav.accounting')]);
  if (hasRole(...CONTROL_ROLES)) items.push(['/control/dashboard', t('nav.control')]);
  if (hasRole('admin')) items.push(['/admin/users', t('nav.admin')]);
  return (
    <Stack gap={2}>
      {items.map(([to, label]) => (
        <RouterLink key={to} to={to} onClick={onPick} style={{ textDecoration: 'none' }} data-testid="nav-item">
          {({ isActive }) => (
            <Box
              component="span"
              px="sm"
              py={8}
              style={{
                display: 'block',
                borderRadius: 4,
                fontWeight: 600,
                overflowWrap: 'anywhere',
                color: isActive ? 'white' : 'var(--mantine-color-blue-9)',
                background: isActive ? 'var(--mantine-color-blue-8)' : 'transparent',
              }}
              aria-current={isActive ? 'page' : undefined}
            >
              {label}
            </Box>
          )}
        </RouterLink>
      ))}
    </Stack>
  );
}

// The sections live in a left navbar (issue 10 item 9): a top bar of sections wrapped and clipped
// sign-out in Kazakh for the head and the controller. Below the md breakpoint the navbar folds
// behind a burger; the top bar keeps only the brand, the user, the language and sign-out.
export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [password, setPassword] = useState(false);
  const [opened, { toggle, close }] = useDisclosure(false);
  if (!user) return null;
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.main')} aria-expanded={opened} />
            <UnstyledButton component={Link} to="/" aria-label={`${t('appName')} — ${t('appTagline')}`}>
              <Group gap={6} wrap="nowrap">
                <img src="/favicon.svg" width={28} height={28} alt="" />
                <Text fw={700} size="lg" visibleFrom="sm">
                  {t('appName')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Box ta="right" style={{ lineHeight: 1.2, minWidth: 0 }} data-testid="user-info" visibleFrom="sm">
              <Text size="sm" fw={600} truncate="end" maw={320} title={user.fullName}>
                {user.fullName}
              </Text>
              <Group gap={4} justify="flex-end" wrap="nowrap" style={{ minWidth: 0 }}>
                <Text size="xs" c="gray.8" truncate="end" maw={220} title={user.organization?.name}>
                  {user.organization?.name}
                </Text>
                {user.roles?.map((r) => (
                  <Badge key={r} size="xs" variant="outline" color="gray.8" style={{ flexShrink: 0, overflow: 'visible' }}>
                    {t(`role.${r}`)}
                  </Badge>
                ))}
              </Group>
            </Box>
            <InboxBell />
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs" aria-label={t('userMenu')}>
                  ⋯<VisuallyHidden>{t('userMenu')}</VisuallyHidden>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setPassword(true)}>{t('changePassword')}</Menu.Item>
                <Menu.Item onClick={() => signOut().then(() => navigate('/login'))}>{t('signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button size="xs" variant="outline" onClick={() => signOut().then(() => navigate('/login'))} visibleFrom="sm" style={{ flexShrink: 0 }} data-testid="sign-out">
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          <Sections onPick={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ minWidth: 0 }}>
        {children}
      </AppShell.Main>
      {/* a password an administrator gave is changed first; the page then starts again with the new session state */}
      <PasswordModal opened={password || user.passwordChangeRequired === true} onClose={() => (user.passwordChangeRequired ? window.location.reload() : setPassword(false))} />
    </AppShell>
  );
}
