// Heads' and controllers' overview of an organization I act for (mine by default) and a period:
// counts by queue, the share of reviews ended on time, and the open, at-risk and overdue appeals by
// executor and by subordinate organization — each number a link into the queue that lists exactly
// what it counts (the organization's own appeals with ownOnly, those still under review with open).
// The organization and the period live in the address, as the queues' filters do.
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { listQueries } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { RISK_COLORS } from '../components/badges.tsx';
import { OrganizationPicker } from '../components/pickers.tsx';

const CARDS = ['awaitingRouting', 'inExecution', 'toApprove', 'toSign', 'atRisk', 'overdue', 'completed'] as const;

export default function Overview() {
  const { t, number, date, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const get = (k: string) => search.get(k) ?? '';
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(search);
    if (v) next.set(k, v);
    else next.delete(k);
    setSearch(next, { replace: true });
  };
  const data = useQuery(listQueries.overview({ organization: get('organization') ? Number(get('organization')) : undefined, dateFrom: get('dateFrom') || undefined, dateTo: get('dateTo') || undefined }, lang));
  useEffect(() => {
    document.title = `${t('overview.title')} — ${t('appName')}`;
  }, [t]);
  const o = data.data;
  /** A queue of the organization looked at, with these filters. */
  const queueOf = (queue: string, filters: Record<string, string> = {}) => `/queues/${queue}?${new URLSearchParams({ ...(o ? { organization: String(o.organization.id) } : {}), ...filters })}`;
  const link = (queue: string, count: number, filters: Record<string, string>) => (
    <Anchor component={Link} to={queueOf(queue, filters)} fw={count > 0 ? 700 : 400} c={count > 0 && queue === 'overdue' ? RISK_COLORS.overdue : undefined}>
      {number(count)}
    </Anchor>
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t('overview.title')}
        </Title>
        <Text c="gray.8">{o ? `${o.organization.name} · ${date(o.today)}` : ' '}</Text>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <OrganizationPicker
            mine
            label={t('overview.organization')}
            value={get('organization') || null}
            onChange={(v) => set('organization', v)}
            placeholder={t('overview.myOrganization')}
            data-testid="overview-organization"
          />
          <TextInput label={t('overview.from')} type="date" value={get('dateFrom')} onChange={(e) => set('dateFrom', e.currentTarget.value)} data-testid="overview-from" />
          <TextInput label={t('overview.to')} type="date" value={get('dateTo')} onChange={(e) => set('dateTo', e.currentTarget.value)} data-testid="overview-to" />
        </SimpleGrid>
      </Paper>
      {data.error && (
        <Alert color="red" role="alert">
          {data.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {CARDS.map((q) => (
          <Paper key={q} withBorder p="md" component={Link} to={queueOf(q)} style={{ textDecoration: 'none', color: 'inherit' }} data-testid={`overview-${q}`}>
            <Text size="sm" c="gray.8">
              {t(`queue.${q}` as MessageKey)}
            </Text>
            {o ? (
              <Text fz={28} fw={700} c={q === 'overdue' && o.counts[q] > 0 ? RISK_COLORS.overdue : q === 'atRisk' && o.counts[q] > 0 ? RISK_COLORS.atRisk : undefined}>
                {number(o.counts[q])}
                {o.capped.includes(q) ? '+' : ''}
              </Text>
            ) : (
              <Skeleton h={36} w={60} mt={4} />
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="ontime">
        <Group justify="space-between">
          <Title order={2} size="h4" id="ontime">
            {t('overview.onTime')}
          </Title>
          <Text size="sm" c="gray.8">
            {o ? t('overview.period', { from: date(o.period.from), to: date(o.period.to) }) : ' '}
          </Text>
        </Group>
        <Group mt="sm" align="center" wrap="nowrap">
          <Text fz={28} fw={700} w={110} data-testid="on-time-share">
            {o ? (o.onTime.share === null ? '—' : number(o.onTime.share, { style: 'percent', maximumFractionDigits: 1 })) : ' '}
          </Text>
          <Progress value={o?.onTime.share ? o.onTime.share * 100 : 0} color={RISK_COLORS.onTrack} size="lg" style={{ flex: 1 }} aria-label={t('overview.onTime')} />
          <Text size="sm" c="gray.8" w={140} ta="right">
            {o ? t('overview.onTimeOf', { n: number(o.onTime.endedOnTime), total: number(o.onTime.ended) }) : ' '}
          </Text>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="by-exec">
          <Title order={2} size="h4" id="by-exec" mb="sm">
            {t('overview.byExecutor')}
          </Title>
          <Table striped data-testid="by-executor">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('table.executor')}</Table.Th>
                <Table.Th ta="right">{t('overview.open')}</Table.Th>
                <Table.Th ta="right">{t('overview.atRisk')}</Table.Th>
                <Table.Th ta="right">{t('overview.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!o && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Skeleton h={60} />
                  </Table.Td>
                </Table.Tr>
              )}
              {o?.byExecutor.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="gray.8" size="sm">
                      {t('overview.noData')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {o?.byExecutor.map((e) => (
                <Table.Tr key={e.executor.id}>
                  <Table.Td>{e.executor.name}</Table.Td>
                  <Table.Td ta="right">{link('all', e.open, { executor: e.executor.id!, open: 'true' })}</Table.Td>
                  <Table.Td ta="right">{link('atRisk', e.atRisk, { executor: e.executor.id! })}</Table.Td>
                  <Table.Td ta="right">{link('overdue', e.overdue, { executor: e.executor.id! })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="by-org">
          <Title order={2} size="h4" id="by-org" mb="sm">
            {t('overview.byOrganization')}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped data-testid="by-organization">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('table.organization')}</Table.Th>
                  <Table.Th ta="right">{t('overview.open')}</Table.Th>
                  <Table.Th ta="right">{t('overview.atRisk')}</Table.Th>
                  <Table.Th ta="right">{t('overview.overdue')}</Table.Th>
                  <Table.Th ta="right">{t('overview.onTime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!o && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Skeleton h={60} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {o?.byOrganization
                  .filter((r) => r.own || r.open > 0 || r.ended > 0)
                  .map((r) => {
                    // the organization's own row counts its own appeals only (not those below it)
                    const q: Record<string, string> = { organization: String(r.organization.id), ...(r.own ? { ownOnly: 'true' } : {}) };
                    return (
                      <Table.Tr key={r.organization.id}>
                        <Table.Td>{r.own ? t('overview.own', { name: r.organization.name ?? '' }) : r.organization.name}</Table.Td>
                        <Table.Td ta="right">{link('all', r.open, { ...q, open: 'true' })}</Table.Td>
                        <Table.Td ta="right">{link('atRisk', r.atRisk, q)}</Table.Td>
                        <Table.Td ta="right">{link('overdue', r.overdue, q)}</Table.Td>
                        <Table.Td ta="right">{r.onTimeShare === null ? '—' : number(r.onTimeShare, { style: 'percent', maximumFractionDigits: 0 })}</Table.Td>
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
