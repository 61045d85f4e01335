// The daily export (rules p.29): every day's package of card changes, per organization, signed;
// the log of pulls, pushes and imports with their counts and manifest hashes; a day's package
// downloaded here (the same bytes every time: the download is logged as a pull).
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError, fetchBytes } from '../../api/client.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { accountingQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { OrganizationPicker } from '../../components/pickers.tsx';

const COUNTS = ['tzh1New', 'tzh1Changed', 'ai1New', 'ai1Changed', 'tzh2New', 'tzh2Changed', 'deletions'] as const;

export default function Exports() {
  const { t, date, dateTime, number } = useI18n();
  const queryClient = useQueryClient();
  const log = useQuery(accountingQueries.exportLog());
  const [day, setDay] = useState('');
  const [organization, setOrganization] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('acc.exports.title')} — ${t('appName')}`;
  }, [t]);

  const download = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const bytes = await fetchBytes(`/api/v1/exports/daily/${day}${organization ? `?organization=${organization}` : ''}`);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `joldanym-${day}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void changed.exported(queryClient);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const items = log.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.exports.title')}
      </Title>
      <Text size="sm" c="gray.8">
        {t('acc.exports.hint')}
      </Text>
      <Paper withBorder p="md" component="section" aria-labelledby="export-day">
        <Title order={2} size="h4" id="export-day" mb="sm">
          {t('acc.exports.package')}
        </Title>
        <form onSubmit={download} noValidate data-testid="export-form">
          <Group align="flex-end">
            <TextInput label={t('acc.exports.day')} type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} required />
            <OrganizationPicker label={t('acc.organization')} placeholder={t('acc.myScope')} value={organization} onChange={setOrganization} w={360} />
            <Button type="submit" loading={busy} disabled={!day} data-testid="export-download">
              {t('download')}
            </Button>
          </Group>
        </form>
        {error && (
          <Alert color="red" role="alert" mt="sm">
            {error}
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="export-log">
        <Title order={2} size="h4" id="export-log" mb="sm">
          {t('acc.exports.log')}
        </Title>
        {log.error && (
          <Alert color="red" role="alert">
            {log.error.message}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={960}>
          <Table striped data-testid="export-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('acc.exports.day')}</Table.Th>
                <Table.Th>{t('acc.exports.direction')}</Table.Th>
                <Table.Th>{t('acc.organization')}</Table.Th>
                <Table.Th>{t('acc.exports.counts')}</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th>{t('acc.exports.result')}</Table.Th>
                <Table.Th>{t('acc.exports.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!log.data && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Skeleton h={40} />
                  </Table.Td>
                </Table.Tr>
              )}
              {log.data && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text ta="center" c="gray.8" py="md">
                      {t('acc.exports.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((x, i) => (
                <Table.Tr key={i} data-testid="export-entry">
                  <Table.Td className="nowrap">{date(x.day)}</Table.Td>
                  <Table.Td>
                    {t(`acc.exports.${x.direction}` as MessageKey)}
                    <Text size="xs" c="gray.8">
                      {x.instanceId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{x.organization ?? t('acc.exports.allOrganizations')}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {x.counts
                        ? COUNTS.filter((k) => (x.counts![k] ?? 0) > 0)
                            .map((k) => `${t(`acc.exports.count.${k}` as MessageKey)}: ${number(x.counts![k]!)}`)
                            .join(' · ') || t('acc.exports.noChanges')
                        : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" title={x.manifestSha256 ?? undefined}>
                      {x.manifestSha256 ? `${x.manifestSha256.slice(0, 16)}…` : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {x.ok ? (
                      <Badge color={RISK_COLORS.onTrack} radius="sm" style={{ textTransform: 'none' }}>
                        ✓ {t('acc.exports.ok')}
                      </Badge>
                    ) : (
                      <Badge color={RISK_COLORS.overdue} radius="sm" style={{ textTransform: 'none' }}>
                        {t('acc.exports.failed')}
                      </Badge>
                    )}
                    {x.error && <Text size="xs">{x.error}</Text>}
                  </Table.Td>
                  <Table.Td className="nowrap">
                    {dateTime(x.at)}
                    <Text size="xs" c="gray.8">
                      {x.actor}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
