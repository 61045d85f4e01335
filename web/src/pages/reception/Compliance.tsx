// At least once a month (PR-13, PR-15): per organization I act for — for the control department, the
// districts of the oblast (CD-17) — how many receiving officials it has and how many of them have
// no reception in the month, and who they are.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { receptionQueries } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

export default function Compliance() {
  const { t, lang, number } = useI18n();
  const [search, setSearch] = useSearchParams();
  const data = useQuery(receptionQueries.compliance(search.get('month') ?? ''));
  const month = data.data?.month ?? search.get('month') ?? '';
  const nameIn = (n: { kk?: string; ru?: string }) => (lang === 'ru' ? n.ru : n.kk) ?? '';
  useEffect(() => {
    document.title = `${t('rc.compliance')} — ${t('appName')}`;
  }, [t]);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('rc.compliance')}
        </Title>
        <TextInput label={t('rc.month')} type="month" value={month} onChange={(e) => setSearch({ month: e.currentTarget.value }, { replace: true })} data-testid="compliance-month" />
      </Group>
      <Text c="gray.8">{t('rc.compliance.hint')}</Text>
      {data.error && (
        <Alert color="red" role="alert">
          {data.error.message}
        </Alert>
      )}
      {data.isPending ? (
        <Skeleton h={120} />
      ) : (
        <>
          <Paper withBorder p="md">
            <Table striped data-testid="compliance-organizations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rc.compliance.organization')}</Table.Th>
                  <Table.Th ta="right">{t('rc.compliance.officials')}</Table.Th>
                  <Table.Th ta="right">{t('rc.compliance.without')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.data?.organizations.map((o) => (
                  <Table.Tr key={o.organizationId}>
                    <Table.Td>{nameIn(o.name)}</Table.Td>
                    <Table.Td ta="right">{number(o.officials)}</Table.Td>
                    <Table.Td ta="right" fw={o.withoutSession > 0 ? 700 : 400} c={o.withoutSession > 0 ? 'red.9' : undefined}>
                      {number(o.withoutSession)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="missing-title">
            <Title order={2} size="h4" id="missing-title" mb="xs">
              {t('rc.compliance.without')}
            </Title>
            {(data.data?.missing.length ?? 0) === 0 ? (
              <Text>{t('rc.compliance.allFine')}</Text>
            ) : (
              <Table data-testid="compliance-missing">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rc.fullName')}</Table.Th>
                    <Table.Th>{t('rc.kind')}</Table.Th>
                    <Table.Th>{t('rc.compliance.organization')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data?.missing.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>{o.fullName}</Table.Td>
                      <Table.Td>{t(`rc.kind.${o.kind}` as MessageKey)}</Table.Td>
                      <Table.Td>{nameIn(o.organization)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
