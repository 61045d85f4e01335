// Directories (issue 10, item 12): the entries of a directory with their labels in kk/ru/en; an
// entry added, deactivated (refused on new cards, kept on old ones) or reactivated. The system fixes
// the codes of some directories (the server refuses to add to them or deactivate in them).
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS, WHOLE } from '../../components/badges.tsx';
import { DIRECTORY_NAMES, type DirectoryName } from '../../../../src/domain/reference.ts';
import { fieldError } from './Layout.tsx';

const EMPTY = { code: '', kk: '', ru: '', en: '' };

export default function Directories() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState<DirectoryName>('issueCategory');
  const [entry, setEntry] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('adm.dirs.title')} — ${t('appName')}`;
  }, [t]);
  const list = useQuery({
    queryKey: ['admin', 'directory', name],
    queryFn: () => unwrap(api.GET('/api/v1/directories/{name}', { params: { path: { name }, query: { includeInactive: true } } })),
  });

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      notify(done, 'green');
      await queryClient.invalidateQueries({ queryKey: ['admin', 'directory', name] });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run(
      () => unwrap(api.POST('/api/v1/admin/directories/{name}', { params: { path: { name } }, body: { code: entry.code.trim(), label: { kk: entry.kk, ru: entry.ru, en: entry.en } } })),
      t('adm.dirs.added', { code: entry.code }),
    );
    if (ok) setEntry(EMPTY);
  };
  const toggle = (code: string, active: boolean) => run(() => unwrap(api.PATCH('/api/v1/admin/directories/{name}/{code}', { params: { path: { name, code } }, body: { active } })), t('adm.users.saved'));

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('adm.dirs.title')}
      </Title>
      <Select
        label={t('adm.dirs.directory')}
        value={name}
        onChange={(v) => {
          if (!v) return;
          setError(null);
          setName(v as DirectoryName);
        }}
        allowDeselect={false}
        data={DIRECTORY_NAMES.map((d) => ({ value: d, label: t(`adm.dir.${d}`) }))}
        w={360}
        data-testid="directory-name"
      />
      {(list.error || error) && (
        <Alert color="red" role="alert">
          {(list.error ?? error)!.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="directory-entries" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adm.dirs.code')}</Table.Th>
              <Table.Th>{t('adm.dirs.labelKk')}</Table.Th>
              <Table.Th>{t('adm.dirs.labelRu')}</Table.Th>
              <Table.Th>{t('adm.dirs.labelEn')}</Table.Th>
              <Table.Th>{t('adm.dirs.active')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((d) => (
              <Table.Tr key={d.code}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {d.parentCode ? `${d.parentCode} / ` : ''}
                    {d.code}
                  </Text>
                </Table.Td>
                <Table.Td>{d.labels.kk}</Table.Td>
                <Table.Td>{d.labels.ru}</Table.Td>
                <Table.Td>{d.labels.en}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {!d.active && (
                      <Badge color={RISK_COLORS.ended} radius="sm" style={{ textTransform: 'none' }} styles={WHOLE}>
                        {t('adm.users.inactive')}
                      </Badge>
                    )}
                    <Button size="compact-sm" variant="default" onClick={() => toggle(d.code, !d.active)} disabled={busy} aria-label={`${t(d.active ? 'adm.dirs.deactivate' : 'adm.dirs.reactivate')}: ${d.code}`}>
                      {t(d.active ? 'adm.dirs.deactivate' : 'adm.dirs.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Paper withBorder p="md">
        <form onSubmit={add} noValidate data-testid="directory-add">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('adm.dirs.add')}
            </Title>
            <SimpleGrid cols={4}>
              <TextInput label={t('adm.dirs.code')} value={entry.code} onChange={(e) => setEntry({ ...entry, code: e.currentTarget.value })} required error={fieldError(error, '/code')} />
              <TextInput label={t('adm.dirs.labelKk')} value={entry.kk} onChange={(e) => setEntry({ ...entry, kk: e.currentTarget.value })} required error={fieldError(error, '/label/kk')} />
              <TextInput label={t('adm.dirs.labelRu')} value={entry.ru} onChange={(e) => setEntry({ ...entry, ru: e.currentTarget.value })} required error={fieldError(error, '/label/ru')} />
              <TextInput label={t('adm.dirs.labelEn')} value={entry.en} onChange={(e) => setEntry({ ...entry, en: e.currentTarget.value })} required error={fieldError(error, '/label/en')} />
            </SimpleGrid>
            <Text size="xs" c="gray.8">
              {t('adm.dirs.closedHint')}
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('adm.dirs.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
