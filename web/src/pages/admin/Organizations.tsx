// The organization tree (issue 10, item 12): find an organization, rename it, set its KATO code
// (territory), contacts and working hours, add a subordinate organization under it.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { notify } from '../../components/notify.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { foldSearch } from '../../../../src/domain/search.ts';
import { type AdminOrganization, fieldError, useAdminOrganizations } from './Layout.tsx';

/** The kinds an organization added under another may have (the report rows are shipped). */
const CHILD_KINDS = ['department', 'apparatus', 'controlDepartment', 'districtAkimat', 'townAkimat', 'ruralAkimat', 'stateEnterprise', 'nonCommercialOrganization', 'other'] as const;
type Kind = (typeof CHILD_KINDS)[number];

interface Profile {
  kk: string;
  ru: string;
  en: string;
  kato: string;
  address: string;
  phone: string;
  email: string;
}
const profileOf = (o: AdminOrganization): Profile => ({ kk: o.names?.kk ?? '', ru: o.names?.ru ?? '', en: o.names?.en ?? '', kato: o.kato ?? '', address: o.address ?? '', phone: o.phone ?? '', email: o.email ?? '' });
const orNull = (s: string) => s.trim() || null;

export default function Organizations() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const orgs = useAdminOrganizations();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [hours, setHours] = useState({ start: '', end: '' });
  const [child, setChild] = useState<(Profile & { code: string; kind: Kind }) | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('adm.orgs.title')} — ${t('appName')}`;
  }, [t]);
  const current = orgs.data?.find((o) => o.id === selected);
  useEffect(() => {
    if (!current) return;
    setProfile(profileOf(current));
    setHours({ start: current.workingHours?.start ?? '', end: current.workingHours?.end ?? '' });
  }, [current]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      notify(done, 'green');
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveProfile = (e: FormEvent) => {
    e.preventDefault();
    if (!current || !profile) return;
    void run(
      () =>
        unwrap(
          api.PATCH('/api/v1/admin/organizations/{id}/profile', {
            params: { path: { id: current.id! } },
            body: { names: { kk: profile.kk, ru: profile.ru, en: profile.en }, kato: orNull(profile.kato), address: orNull(profile.address), phone: orNull(profile.phone), email: orNull(profile.email) },
          }),
        ),
      t('adm.users.saved'),
    );
  };
  const saveHours = (e: FormEvent) => {
    e.preventDefault();
    if (!current) return;
    void run(() => unwrap(api.PATCH('/api/v1/admin/organizations/{id}', { params: { path: { id: current.id! } }, body: { workingHours: hours } })), t('adm.users.saved'));
  };
  const addChild = async (e: FormEvent) => {
    e.preventDefault();
    if (!current || !child) return;
    const ok = await run(
      async () => {
        const created = await unwrap(
          api.POST('/api/v1/admin/organizations', {
            body: {
              parentId: current.id!,
              code: child.code.trim(),
              kind: child.kind,
              names: { kk: child.kk, ru: child.ru, en: child.en },
              kato: orNull(child.kato),
              address: orNull(child.address),
              phone: orNull(child.phone),
              email: orNull(child.email),
            },
          }),
        );
        setSelected(created.id!);
      },
      t('adm.orgs.created', { name: child.en || child.kk }),
    );
    if (ok) setChild(null);
  };

  const words = foldSearch(filter.trim());
  const shown = (orgs.data ?? []).filter((o) => !words || foldSearch(`${o.name} ${o.code}`).includes(words));
  const text = <K extends keyof Profile>(value: Profile, set: (p: Profile) => void, key: K, label: MessageKey, path: string) => (
    <TextInput label={t(label)} value={value[key]} onChange={(e) => set({ ...value, [key]: e.currentTarget.value })} error={fieldError(error, path)} />
  );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('adm.orgs.title')}
      </Title>
      {error && !child && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="lg">
        <Stack gap="xs">
          <TextInput label={t('adm.orgs.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          <ScrollArea h={560} type="auto">
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="organization-tree">
              {shown.map((o) => (
                <li key={o.id} style={{ paddingLeft: words ? 0 : o.depth * 16 }}>
                  <UnstyledButton
                    onClick={() => {
                      setError(null);
                      setSelected(o.id!);
                    }}
                    aria-current={o.id === selected ? 'true' : undefined}
                    px={6}
                    py={4}
                    style={{ borderRadius: 4, width: '100%', background: o.id === selected ? 'var(--mantine-color-blue-0)' : undefined }}
                  >
                    <Text size="sm" fw={o.id === selected ? 700 : 400}>
                      {o.name}
                    </Text>
                    <Text size="xs" c="gray.8">
                      {o.code} · {t('adm.orgs.users', { n: o.users ?? 0 })}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          </ScrollArea>
        </Stack>
        {current && profile ? (
          <Stack gap="md">
            <Paper withBorder p="md">
              <form onSubmit={saveProfile} noValidate data-testid="organization-profile">
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    {current.name}
                  </Title>
                  <Text size="xs" c="gray.8">
                    {current.code}
                  </Text>
                  {text(profile, setProfile, 'kk', 'adm.orgs.nameKk', '/names/kk')}
                  {text(profile, setProfile, 'ru', 'adm.orgs.nameRu', '/names/ru')}
                  {text(profile, setProfile, 'en', 'adm.orgs.nameEn', '/names/en')}
                  {text(profile, setProfile, 'kato', 'adm.orgs.kato', '/kato')}
                  {text(profile, setProfile, 'address', 'adm.orgs.address', '/address')}
                  <SimpleGrid cols={2}>
                    {text(profile, setProfile, 'phone', 'adm.orgs.phone', '/phone')}
                    {text(profile, setProfile, 'email', 'adm.orgs.email', '/email')}
                  </SimpleGrid>
                  <Group justify="space-between">
                    <Button
                      variant="default"
                      onClick={() => {
                        setError(null);
                        setChild({ kk: '', ru: '', en: '', kato: '', address: '', phone: '', email: '', code: '', kind: 'department' });
                      }}
                      data-testid="organization-add-child"
                    >
                      {t('adm.orgs.addChild')}
                    </Button>
                    <Button type="submit" loading={busy}>
                      {t('save')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
            <Paper withBorder p="md">
              <form onSubmit={saveHours} noValidate>
                <Group align="flex-end">
                  <TextInput type="time" label={t('adm.orgs.start')} value={hours.start} onChange={(e) => setHours({ ...hours, start: e.currentTarget.value })} error={fieldError(error, '/workingHours/start')} />
                  <TextInput type="time" label={t('adm.orgs.end')} value={hours.end} onChange={(e) => setHours({ ...hours, end: e.currentTarget.value })} error={fieldError(error, '/workingHours/end')} />
                  <Button type="submit" variant="default" loading={busy}>
                    {t('adm.orgs.saveHours')}
                  </Button>
                </Group>
              </form>
            </Paper>
          </Stack>
        ) : (
          <Text c="gray.8">{t('adm.orgs.pick')}</Text>
        )}
      </SimpleGrid>
      {child && current && (
        <Dialog onClose={() => setChild(null)} title={t('adm.orgs.addChildTitle', { name: current.name ?? '' })} size="lg" centered>
          <form onSubmit={addChild} noValidate data-testid="organization-child-form">
            <Stack gap="xs">
              <SimpleGrid cols={2}>
                <TextInput label={t('adm.orgs.code')} value={child.code} onChange={(e) => setChild({ ...child, code: e.currentTarget.value })} required error={fieldError(error, '/code')} data-autofocus />
                <Select
                  label={t('adm.orgs.kind')}
                  value={child.kind}
                  onChange={(v) => v && setChild({ ...child, kind: v as Kind })}
                  data={CHILD_KINDS.map((k) => ({ value: k, label: t(`adm.kind.${k}`) }))}
                  allowDeselect={false}
                  error={fieldError(error, '/kind')}
                />
              </SimpleGrid>
              {text(child, (p) => setChild({ ...child, ...p }), 'kk', 'adm.orgs.nameKk', '/names/kk')}
              {text(child, (p) => setChild({ ...child, ...p }), 'ru', 'adm.orgs.nameRu', '/names/ru')}
              {text(child, (p) => setChild({ ...child, ...p }), 'en', 'adm.orgs.nameEn', '/names/en')}
              {text(child, (p) => setChild({ ...child, ...p }), 'kato', 'adm.orgs.kato', '/kato')}
              {error && (
                <Alert color="red" role="alert">
                  {error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setChild(null)}>
                  {t('cancel')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Dialog>
      )}
    </Stack>
  );
}
