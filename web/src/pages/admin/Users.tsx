// Users (issue 10, item 12): find by text, role, organization and status; create with a temporary
// password shown once; change name, roles, organization; deactivate (their sessions end at once) or
// reactivate; reset the password; unlock a sign-in throttled after failed attempts.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Code, Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { notify } from '../../components/notify.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { RISK_COLORS, WHOLE } from '../../components/badges.tsx';
import { ROLES, type Role } from '../../../../src/domain/vocabulary.ts';
import { fieldError, useAdminOrganizations } from './Layout.tsx';

type User = paths['/api/v1/admin/users']['get']['responses']['200']['content']['application/json']['items'][number];
type Status = 'active' | 'inactive' | 'all';
interface Form {
  login: string;
  fullName: string;
  position: string;
  organizationId: string;
  roles: Role[];
  email: string;
  phone: string;
}
const EMPTY: Form = { login: '', fullName: '', position: '', organizationId: '', roles: [], email: '', phone: '' };
const PAGE = 50;

export default function Users() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [organization, setOrganization] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('active');
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<{ login: string; password: string } | null>(null);
  useEffect(() => {
    document.title = `${t('adm.users.title')} — ${t('appName')}`;
  }, [t]);
  const orgs = useAdminOrganizations();
  const query = { limit, status, ...(q.trim() ? { q: q.trim() } : {}), ...(role ? { role } : {}), ...(organization ? { organization: Number(organization) } : {}) };
  const list = useQuery({ queryKey: ['admin', 'users', query], queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query } })), placeholderData: keepPreviousData });
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: String(o.id), label: `${'· '.repeat(o.depth)}${o.name} (${o.code})` }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (done) notify(done, 'green');
      void refresh();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const open = (u: User | 'new') => {
    setError(null);
    setEditing(u);
    setForm(u === 'new' ? EMPTY : { login: u.login, fullName: u.fullName, position: u.position, organizationId: String(u.organization.id), roles: u.roles as Role[], email: u.email ?? '', phone: u.phone ?? '' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const common = { fullName: form.fullName, position: form.position, organizationId: Number(form.organizationId), roles: form.roles, email: form.email.trim() || null, phone: form.phone.trim() || null };
    if (editing === 'new') {
      await run(async () => {
        const created = await unwrap(api.POST('/api/v1/admin/users', { body: { login: form.login.trim(), ...common } }));
        setEditing(null);
        setPassword({ login: created.user.login, password: created.temporaryPassword });
      });
    } else if (editing) {
      const id = editing.id;
      if (await run(() => unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: common })), t('adm.users.saved'))) setEditing(null);
    }
  };

  const reset = (u: User) =>
    run(async () => {
      const r = await unwrap(api.POST('/api/v1/admin/users/{id}/password-reset', { params: { path: { id: u.id } } }));
      setPassword({ login: u.login, password: r.temporaryPassword });
    });
  const setActive = (u: User, active: boolean) =>
    run(
      () => unwrap(api.POST(active ? '/api/v1/admin/users/{id}/reactivate' : '/api/v1/admin/users/{id}/deactivate', { params: { path: { id: u.id } } })),
      t(active ? 'adm.users.reactivated' : 'adm.users.deactivated', { login: u.login }),
    );
  const unlock = (u: User) => run(() => unwrap(api.POST('/api/v1/admin/users/{id}/unlock', { params: { path: { id: u.id } } })), t('adm.users.unlocked', { login: u.login }));

  const items = list.data?.items ?? [];
  const set = (k: keyof Form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('adm.users.title')}
        </Title>
        <Button onClick={() => open('new')} data-testid="user-new">
          {t('adm.users.new')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('adm.users.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={380} data-testid="user-search" />
        <Select
          label={t('adm.users.role')}
          placeholder={t('adm.users.anyRole')}
          clearable
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
          w={200}
        />
        <Select label={t('adm.users.organization')} placeholder={t('adm.users.anyOrganization')} clearable searchable value={organization} onChange={setOrganization} data={orgOptions} w={320} />
        <Stack gap={2}>
          <Text size="sm" fw={500} id="user-status-label">
            {t('adm.users.status')}
          </Text>
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as Status)}
            aria-labelledby="user-status-label"
            data={(['active', 'inactive', 'all'] as const).map((s) => ({ value: s, label: t(`adm.users.status.${s}`) }))}
          />
        </Stack>
      </Group>
      {(list.error || (error && !editing)) && (
        <Alert color="red" role="alert">
          {(list.error ?? error)!.message}
        </Alert>
      )}
      <Text size="sm" c="gray.8" aria-live="polite">
        {t('adm.users.total', { n: list.data?.total ?? 0 })}
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped data-testid="users" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adm.users.fullName')}</Table.Th>
              <Table.Th>{t('adm.users.login')}</Table.Th>
              <Table.Th>{t('adm.users.organization')}</Table.Th>
              <Table.Th>{t('adm.users.roles')}</Table.Th>
              <Table.Th>{t('adm.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!list.data && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Skeleton h={40} />
                </Table.Td>
              </Table.Tr>
            )}
            {list.data && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text ta="center" c="gray.8" py="md">
                    {t('adm.users.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" data-login={u.login}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {u.fullName}
                  </Text>
                  <Text size="xs" c="gray.8">
                    {u.position}
                    {u.email ? ` · ${u.email}` : ''}
                  </Text>
                  <Group gap={4}>
                    {!u.active && (
                      <Badge color={RISK_COLORS.ended} radius="sm" style={{ textTransform: 'none' }} styles={WHOLE}>
                        {t('adm.users.inactive')}
                      </Badge>
                    )}
                    {u.throttled && (
                      <Badge color={RISK_COLORS.overdue} radius="sm" style={{ textTransform: 'none' }} styles={WHOLE}>
                        {t('adm.users.throttled')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{u.login}</Table.Td>
                <Table.Td>{u.organization.name}</Table.Td>
                <Table.Td>{u.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button size="compact-sm" variant="default" onClick={() => open(u)} aria-label={`${t('adm.users.edit')}: ${u.login}`}>
                      {t('adm.users.edit')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => reset(u)} disabled={busy} aria-label={`${t('adm.users.resetPassword')}: ${u.login}`}>
                      {t('adm.users.resetPassword')}
                    </Button>
                    {u.throttled && (
                      <Button size="compact-sm" variant="default" onClick={() => unlock(u)} disabled={busy} aria-label={`${t('adm.users.unlock')}: ${u.login}`}>
                        {t('adm.users.unlock')}
                      </Button>
                    )}
                    <Button
                      size="compact-sm"
                      color={u.active ? 'red.9' : 'blue'}
                      variant="outline"
                      onClick={() => setActive(u, !u.active)}
                      disabled={busy}
                      aria-label={`${t(u.active ? 'adm.users.deactivate' : 'adm.users.reactivate')}: ${u.login}`}
                      data-testid={u.active ? 'user-deactivate' : 'user-reactivate'}
                    >
                      {t(u.active ? 'adm.users.deactivate' : 'adm.users.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.total > items.length && (
        <Button variant="default" w="fit-content" onClick={() => setLimit(limit + PAGE)}>
          {t('adm.users.more')}
        </Button>
      )}
      {editing && (
        <Dialog onClose={() => setEditing(null)} title={editing === 'new' ? t('adm.users.new') : t('adm.users.editTitle', { name: editing.fullName })} size="lg" centered>
          <form onSubmit={submit} noValidate data-testid="user-form">
            <Stack>
              <SimpleGrid cols={2}>
                <TextInput label={t('adm.users.login')} value={form.login} onChange={set('login')} required disabled={editing !== 'new'} error={fieldError(error, '/login')} data-autofocus />
                <TextInput label={t('adm.users.fullName')} value={form.fullName} onChange={set('fullName')} required error={fieldError(error, '/fullName')} />
                <TextInput label={t('adm.users.position')} value={form.position} onChange={set('position')} required error={fieldError(error, '/position')} />
                <TextInput label={t('adm.users.email')} type="email" value={form.email} onChange={set('email')} error={fieldError(error, '/email')} />
                <TextInput label={t('adm.users.phone')} value={form.phone} onChange={set('phone')} error={fieldError(error, '/phone')} />
              </SimpleGrid>
              <Select
                label={t('adm.users.organization')}
                searchable
                required
                value={form.organizationId || null}
                onChange={(v) => setForm({ ...form, organizationId: v ?? '' })}
                data={orgOptions}
                error={fieldError(error, '/organizationId')}
                data-testid="user-organization"
              />
              <Checkbox.Group label={t('adm.users.roles')} value={form.roles} onChange={(v) => setForm({ ...form, roles: v as Role[] })} required error={fieldError(error, '/roles')}>
                <SimpleGrid cols={4} mt={4}>
                  {ROLES.map((r) => (
                    <Checkbox key={r} value={r} label={t(`role.${r}` as MessageKey)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              {error && (
                <Alert color="red" role="alert">
                  {error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </Button>
                <Button type="submit" loading={busy} data-testid="user-save">
                  {t('save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Dialog>
      )}
      {password && (
        <Dialog onClose={() => setPassword(null)} title={t('adm.users.temporaryTitle', { login: password.login })} centered>
          <Stack>
            <Code fz="lg" ta="center" py="sm" data-testid="temporary-password">
              {password.password}
            </Code>
            <Text size="sm">{t('adm.users.temporaryHint')}</Text>
            <Group justify="flex-end">
              <Button onClick={() => setPassword(null)} data-autofocus>
                {t('close')}
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Stack>
  );
}
