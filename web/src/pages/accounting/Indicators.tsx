// Indicators of the statistics authority's and heads' dashboards (issue 5 §8): the on-time share,
// overdue at the end of the month, the shares of electronic appeals and of those from a personal
// reception and the contact centre — by organization for the chosen month, and month by month.
// An organization's name opens its own subtree.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../api/client.ts';
import { accountingQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { PeriodControls, useMonthName, usePeriod } from '../../components/period.tsx';

type Data = paths['/api/v1/indicators']['get']['responses']['200']['content']['application/json'];
type Row = Data['rows'][number];
type Month = Row['months'][number];

const SHARES = ['onTimeShare', 'electronicShare', 'receptionShare', 'contactCentreShare'] as const;

export default function Indicators() {
  const { t, number, lang } = useI18n();
  const monthName = useMonthName();
  const period = usePeriod();
  const [onlyActive, setOnlyActive] = useState(true);
  const data = useQuery(accountingQueries.indicators({ year: period.year, month: period.month, organization: period.organization }, lang));
  useEffect(() => {
    document.title = `${t('acc.indicators.title')} — ${t('appName')}`;
  }, [t]);

  const share = (v: number | null) => (v === null ? '—' : number(v, { style: 'percent', maximumFractionDigits: 1 }));
  // null while the month is not over: known only at its end (the overview shows what is overdue now)
  const overdue = (v: number | null) => (v === null ? '—' : number(v));
  const rows = data.data?.rows ?? [];
  const total = rows.find((r) => r.kind === 'total');
  const at = (r: Row): Month | undefined => r.months[period.month - 1];
  const name = (r: Row) => (r.organization ? (r.kind === 'own' ? t('acc.ownAppeals', { name: r.organization.name }) : r.organization.name) : t('acc.total'));
  const shown = rows.filter((r) => r.kind === 'total' || r.kind === 'own' || !onlyActive || r.months.some((m) => m.received > 0 || m.reviewed > 0 || (m.overdueAtEnd ?? 0) > 0));
  const current = period.organization ? rows.find((r) => r.kind === 'total')?.organization : null;

  const cards: [MessageKey, string, string?][] =
    total && at(total)
      ? [
          ['acc.indicators.received', number(at(total)!.received)],
          ['acc.indicators.onTimeShare', share(at(total)!.onTimeShare)],
          ['acc.indicators.overdueAtEnd', overdue(at(total)!.overdueAtEnd), (at(total)!.overdueAtEnd ?? 0) > 0 ? RISK_COLORS.overdue : undefined],
          ['acc.indicators.electronicShare', share(at(total)!.electronicShare)],
          ['acc.indicators.receptionShare', share(at(total)!.receptionShare)],
          ['acc.indicators.contactCentreShare', share(at(total)!.contactCentreShare)],
        ]
      : [];

  const headers = (
    <>
      <Table.Th ta="right">{t('acc.indicators.received')}</Table.Th>
      <Table.Th ta="right">{t('acc.indicators.reviewed')}</Table.Th>
      <Table.Th ta="right">{t('acc.indicators.onTimeShare')}</Table.Th>
      <Table.Th ta="right">{t('acc.indicators.overdueAtEnd')}</Table.Th>
      {SHARES.slice(1).map((k) => (
        <Table.Th key={k} ta="right">
          {t(`acc.indicators.${k}` as MessageKey)}
        </Table.Th>
      ))}
    </>
  );
  const cells = (m: Month | undefined) => (
    <>
      <Table.Td ta="right">{m ? number(m.received) : '—'}</Table.Td>
      <Table.Td ta="right">{m ? number(m.reviewed) : '—'}</Table.Td>
      <Table.Td ta="right">{m ? share(m.onTimeShare) : '—'}</Table.Td>
      <Table.Td
        ta="right"
        c={m && (m.overdueAtEnd ?? 0) > 0 ? RISK_COLORS.overdue : undefined}
        fw={m && (m.overdueAtEnd ?? 0) > 0 ? 700 : undefined}
        title={m && m.overdueAtEnd === null ? t('acc.indicators.monthNotOver') : undefined}
      >
        {m ? overdue(m.overdueAtEnd) : '—'}
      </Table.Td>
      {SHARES.slice(1).map((k) => (
        <Table.Td key={k} ta="right">
          {m ? share(m[k]) : '—'}
        </Table.Td>
      ))}
    </>
  );

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.indicators.title')}
      </Title>
      <PeriodControls period={period} current={current} />
      {data.error && (
        <Alert color="red" role="alert">
          {data.error.message}
        </Alert>
      )}
      <Text size="sm" c="gray.8">
        {t('acc.cumulative', { month: monthName(period.month), year: String(period.year) })}
        {total && at(total)?.overdueAtEnd === null ? ` ${t('acc.indicators.monthNotOver')}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="indicator-cards">
        {(cards.length ? cards : Array.from({ length: 6 }, () => null)).map((c, i) => (
          <Paper key={i} withBorder p="md">
            {c ? (
              <>
                <Text size="sm" c="gray.8">
                  {t(c[0])}
                </Text>
                <Text fz={26} fw={700} c={c[2]} data-testid={`indicator-${c[0].split('.').pop()}`}>
                  {c[1]}
                </Text>
              </>
            ) : (
              <Skeleton h={52} />
            )}
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="ind-by-org">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="ind-by-org">
            {t('acc.indicators.byOrganization', { month: monthName(period.month) })}
          </Title>
          <Checkbox label={t('acc.onlyActive')} checked={onlyActive} onChange={(e) => setOnlyActive(e.currentTarget.checked)} />
        </Group>
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="indicators-by-organization" aria-busy={data.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('acc.organization')}</Table.Th>
                {headers}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!data.data && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Skeleton h={80} />
                  </Table.Td>
                </Table.Tr>
              )}
              {shown.map((r, i) => (
                <Table.Tr key={`${r.kind}-${r.organization?.id ?? 'total'}-${i}`} fw={r.kind === 'total' ? 700 : undefined}>
                  <Table.Td style={{ paddingLeft: r.kind === 'ofWhich' ? 28 : undefined }}>
                    {r.organization && (r.kind === 'group' || r.kind === 'ofWhich' || r.kind === 'child') ? (
                      <UnstyledButton onClick={() => period.update({ organization: String(r.organization!.id) })} c="blue.9" td="underline" fz="sm" title={t('acc.openSubtree')}>
                        {name(r)}
                      </UnstyledButton>
                    ) : (
                      name(r)
                    )}
                  </Table.Td>
                  {cells(at(r))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {total && (
        <Paper withBorder p="md" component="section" aria-labelledby="ind-by-month">
          <Title order={2} size="h4" id="ind-by-month" mb="sm">
            {t('acc.indicators.byMonth', { name: name(total) })}
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="indicators-by-month">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('acc.month')}</Table.Th>
                  {headers}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {total.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{monthName(m.month)}</Table.Td>
                    {cells(m)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
