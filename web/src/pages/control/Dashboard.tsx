// The dashboard of the territory (CD-08, CD-12, CD-17): appeals on time and overdue, returns for
// rework, quality, violations and instructions, over the controller's akimat and all below it.
import { Link } from 'react-router';
import { Anchor, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { controlQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { PeriodInputs, useControlPeriod } from './Layout.tsx';

const FIGURES = ['appeals', 'onTime', 'overdue', 'underControl', 'returns', 'quality', 'violations', 'instructions', 'instructionsOverdue'] as const;

export default function Dashboard() {
  const { t, lang } = useI18n();
  const { from, to } = useControlPeriod();
  const q = useQuery(controlQueries.dashboard({ from, to }, lang));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.dashboard.title')}
      </Title>
      <PeriodInputs />
      <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="control-dashboard">
        {FIGURES.map((f) => (
          <Paper key={f} withBorder p="md">
            <Text size="sm" c="gray.8">
              {t(`ctl.fig.${f}` as MessageKey)}
            </Text>
            {q.data ? (
              <Text fz={28} fw={700} data-testid={`figure-${f}`}>
                {q.data[f] ?? '—'}
              </Text>
            ) : (
              <Skeleton h={36} />
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {q.data && q.data.territories.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="territories-title">
          <Title order={2} size="h4" id="territories-title" mb="sm">
            {t('ctl.dashboard.territories')}
          </Title>
          <Table data-testid="dashboard-territories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ctl.content.byTerritory')}</Table.Th>
                <Table.Th>{t('ctl.fig.appeals')}</Table.Th>
                <Table.Th>{t('ctl.dashboard.open')}</Table.Th>
                <Table.Th>{t('ctl.fig.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.territories.map((x) => (
                <Table.Tr key={x.territoryId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/queues/all?${new URLSearchParams({ organization: String(x.territoryId), dateFrom: from, dateTo: to })}`}>
                      {x.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{x.appeals}</Table.Td>
                  <Table.Td>{x.open}</Table.Td>
                  <Table.Td>{x.overdue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
