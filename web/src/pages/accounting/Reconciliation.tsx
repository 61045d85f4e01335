// Reconciliation (rules p.34): from the 1st to the 8th of a month the statistics authority compares
// its counts of an organization's previous month (what the daily exports delivered) with the
// organization's own, card by card; the differing appeals are listed and each side confirms — the
// authority, and the organization's head.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { accountingQueries, referenceQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { OrganizationPicker } from '../../components/pickers.tsx';
import { useMonthName } from '../../components/period.tsx';
import { AppealTable, type AppealRow, type CustomColumn } from '../../components/AppealTable.tsx';

type Reconciliation = paths['/api/v1/reconciliations/{id}']['get']['responses']['200']['content']['application/json'];
type Difference = Reconciliation['differences'][number];
type Facts = Difference['authority'];

/** The names of the results (the result columns of 1-ТӨ) in the app's language. */
function useResultLabels() {
  const { lang } = useI18n();
  const layout = useQuery(referenceQueries.form1Layout(lang));
  return (key: string) => {
    for (const s of layout.data?.sections ?? []) for (const tb of s.tables) for (const c of tb.columns) if (c.key === key) return c.title[lang];
    return key;
  };
}

function Confirmed({ at, by }: { at: string | null; by: string | null }) {
  const { t, dateTime } = useI18n();
  return at ? (
    <Badge color={RISK_COLORS.onTrack} radius="sm" style={{ textTransform: 'none' }}>
      ✓ {t('acc.recon.confirmedBy', { name: by ?? '', date: dateTime(at) })}
    </Badge>
  ) : (
    <Badge color={RISK_COLORS.atRisk} radius="sm" style={{ textTransform: 'none' }}>
      {t('acc.recon.notConfirmed')}
    </Badge>
  );
}

function Detail({ id, due }: { id: string; due: { year: number; month: number } | null }) {
  const { t, number } = useI18n();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const result = useResultLabels();
  const r = useQuery(accountingQueries.reconciliation(id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const d = r.data;
  if (!d)
    return r.error ? (
      <Alert color="red" role="alert">
        {r.error.message}
      </Alert>
    ) : (
      <Skeleton h={200} />
    );
  const authority = hasRole('statistician');
  const mySide = authority ? d.authority : d.organization;
  const canConfirm = (authority || hasRole('head')) && !mySide.confirmedAt && due?.year === d.period.year && due?.month === d.period.month;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/reconciliations/{id}/confirm', { params: { path: { id } }, body: {} }));
      notify(t('acc.recon.confirmed'), 'green');
      void changed.reconciliations(queryClient);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const results = [...new Set([...Object.keys(d.authority.counts.results), ...Object.keys(d.organization.counts.results)])].sort();
  const facts = (f: Facts) =>
    f ? [f.received ? t('acc.recon.received') : null, f.reviewed ? t('acc.recon.reviewed') : null, f.result ? result(f.result) : null].filter(Boolean).join(' · ') || '—' : t('acc.recon.absent');
  const sides: CustomColumn<AppealRow & { sides: Difference }>[] = [
    { id: 'authority', header: t('acc.recon.authority'), cell: (x) => facts(x.sides.authority) },
    { id: 'organization', header: t('acc.recon.organization'), cell: (x) => facts(x.sides.organization) },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recon-detail" data-testid="reconciliation">
      <Title order={2} size="h4" id="recon-detail" mb="sm">
        {t('acc.recon.detail')}
      </Title>
      <Table withTableBorder mb="md" data-testid="recon-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <VisuallyHidden>{t('acc.recon.count')}</VisuallyHidden>
            </Table.Th>
            <Table.Th ta="right">{t('acc.recon.authority')}</Table.Th>
            <Table.Th ta="right">{t('acc.recon.organization')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['received', 'reviewed'] as const).map((k) => (
            <Table.Tr key={k} fw={d.authority.counts[k] !== d.organization.counts[k] ? 700 : undefined}>
              <Table.Th scope="row">{t(k === 'received' ? 'acc.recon.received' : 'acc.recon.reviewed')}</Table.Th>
              <Table.Td ta="right">{number(d.authority.counts[k])}</Table.Td>
              <Table.Td ta="right">{number(d.organization.counts[k])}</Table.Td>
            </Table.Tr>
          ))}
          {results.map((k) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" fw={400} style={{ paddingLeft: 24 }}>
                {result(k)}
              </Table.Th>
              <Table.Td ta="right">{number(d.authority.counts.results[k] ?? 0)}</Table.Td>
              <Table.Td ta="right">{number(d.organization.counts.results[k] ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mb="xs">
        {t('acc.recon.differences', { n: number(d.differences.length) })}
      </Title>
      {d.differences.length === 0 ? (
        <Text size="sm" mb="md">
          {t('acc.recon.noDifferences')}
        </Text>
      ) : (
        <AppealTable
          rows={d.differences.map((x) => ({ id: x.appealId, registrationNumber: x.registrationNumber, visible: hasRole('head'), sides: x }))}
          columns={['number', ...sides]}
          testId="recon-differences"
          minWidth={600}
          mb="md"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="sm">
        <div>
          <Text size="sm" fw={600}>
            {t('acc.recon.authority')}
          </Text>
          <Confirmed at={d.authority.confirmedAt} by={d.authority.confirmedBy} />
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('acc.recon.organization')}
          </Text>
          <Confirmed at={d.organization.confirmedAt} by={d.organization.confirmedBy} />
        </div>
      </SimpleGrid>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      {canConfirm && (
        <Button onClick={confirm} loading={busy} data-testid="recon-confirm">
          {t('acc.recon.confirm')}
        </Button>
      )}
    </Paper>
  );
}

export default function Reconciliation() {
  const { t, number, dateTime, lang } = useI18n();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const monthName = useMonthName();
  const list = useQuery(accountingQueries.reconciliations(lang));
  const [organization, setOrganization] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('acc.recon.title')} — ${t('appName')}`;
  }, [t]);
  const due = list.data?.period ?? null;
  const reconcile = async () => {
    if (!organization) return;
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/api/v1/reconciliations', { body: { organizationId: Number(organization) } }));
      void changed.reconciliations(queryClient);
      setOpen(r.id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.recon.title')}
      </Title>
      {list.data && (
        <Alert color={due ? 'blue' : 'gray'} data-testid="recon-window">
          {due ? t('acc.recon.window', { month: monthName(due.month), year: String(due.year) }) : t('acc.recon.outsideWindow')}
        </Alert>
      )}
      {hasRole('statistician') && (
        <Paper withBorder p="md">
          <Group align="flex-end">
            <OrganizationPicker label={t('acc.organization')} value={organization} onChange={setOrganization} w={380} data-testid="recon-organization" />
            <Button onClick={reconcile} loading={busy} disabled={!organization || !due} data-testid="recon-open">
              {t('acc.recon.reconcile')}
            </Button>
          </Group>
          {error && (
            <Alert color="red" role="alert" mt="sm">
              {error}
            </Alert>
          )}
        </Paper>
      )}
      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover data-testid="reconciliations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('acc.organization')}</Table.Th>
              <Table.Th>{t('acc.recon.period')}</Table.Th>
              <Table.Th>{t('acc.recon.opened')}</Table.Th>
              <Table.Th ta="right">{t('acc.recon.differencesShort')}</Table.Th>
              <Table.Th>{t('acc.recon.authority')}</Table.Th>
              <Table.Th>{t('acc.recon.organization')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('acc.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!list.data && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Skeleton h={40} />
                </Table.Td>
              </Table.Tr>
            )}
            {list.data && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text ta="center" c="gray.8" py="md">
                    {t('acc.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((r) => (
              <Table.Tr key={r.id} data-testid="reconciliation-row">
                <Table.Td>
                  {r.organization.name}{' '}
                  <Text span size="xs" c="gray.8">
                    ({r.organization.code})
                  </Text>
                </Table.Td>
                <Table.Td className="nowrap">
                  {monthName(r.period.month)} {r.period.year}
                </Table.Td>
                <Table.Td className="nowrap">{dateTime(r.openedAt)}</Table.Td>
                <Table.Td ta="right" fw={r.differences > 0 ? 700 : undefined}>
                  {number(r.differences)}
                </Table.Td>
                <Table.Td>{r.authorityConfirmedAt ? `✓ ${dateTime(r.authorityConfirmedAt)}` : '—'}</Table.Td>
                <Table.Td>{r.organizationConfirmedAt ? `✓ ${dateTime(r.organizationConfirmedAt)}` : '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" onClick={() => setOpen(r.id)} aria-label={`${t('open')}: ${r.organization.code}`}>
                    {t('open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && <Detail id={open} due={due} />}
    </Stack>
  );
}
