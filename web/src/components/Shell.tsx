// The frame of every screen: the top bar with the app, the navigation the user's roles allow, the
// user's name, organization and roles, the language switch, password change and sign-out.
import { useState, type ReactNode } from 'react';
import { Link, NavLink as RouterLink, useNavigate } from 'react-router';
import { AppShell, Badge, Box, Button, Group, SegmentedControl, Text, UnstyledButton, Menu, VisuallyHidden } from '@mantine/core';
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

export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut, hasRole } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [password, setPassword] = useState(false);
  if (!user) return null;
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap">
            <UnstyledButton component={Link} to="/" aria-label={`${t('appName')} — ${t('appTagline')}`}>
              <Group gap={6} wrap="nowrap">
                <img src="/favicon.svg" width={28} height={28} alt="" />
                <Text fw={700} size="lg" visibleFrom="md">
                  {t('appName')}
                </Text>
              </Group>
            </UnstyledButton>
            <nav aria-label={t('nav.main')}>
              <Group gap={4} wrap="nowrap">
                {hasRole(...DESK_ROLES) && <NavItem to="/desk">{t('nav.desk')}</NavItem>}
                <NavItem to="/queues/all">{t('nav.queues')}</NavItem>
                {hasRole(...OVERVIEW_ROLES) && <NavItem to="/overview">{t('nav.overview')}</NavItem>}
                {hasRole(...CORRESPONDENCE_ROLES) && <NavItem to="/correspondence">{t('nav.correspondence')}</NavItem>}
                {hasRole(...CONTACT_CENTRE_ROLES) ? (
                  <NavItem to="/contact-centre">{t('nav.contactCentre')}</NavItem>
                ) : (
                  hasRole(...CONTACT_CENTRE_HEAD_ROLES) && <NavItem to="/contact-centre/figures">{t('nav.contactCentre')}</NavItem>
                )}
                {hasRole(...RECEPTION_ROLES) && <NavItem to="/reception">{t('nav.reception')}</NavItem>}
                {accountingScreensFor(hasRole).length > 0 && <NavItem to="/accounting">{t('nav.accounting')}</NavItem>}
                {hasRole(...CONTROL_ROLES) && <NavItem to="/control/dashboard">{t('nav.control')}</NavItem>}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box ta="right" style={{ lineHeight: 1.2, minWidth: 0 }} data-testid="user-info">
              <Text size="sm" fw={600} truncate="end" maw={260}>
                {user.fullName}
              </Text>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Text size="xs" c="gray.8" truncate="end" maw={260} title={user.organization?.name}>
                  {user.organization?.name}
                </Text>
                {user.roles?.map((r) => (
                  <Badge key={r} size="xs" variant="outline" color="gray.8">
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
            <Button size="xs" variant="outline" onClick={() => signOut().then(() => navigate('/login'))} visibleFrom="lg">
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
      <PasswordModal opened={password} onClose={() => setPassword(false)} />
    </AppShell>
  );
}
