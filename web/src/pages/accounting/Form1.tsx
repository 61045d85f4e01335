// The report 1-ТӨ (docs/legal-basis.md#statistical-report): a section and table at a time, with the column headings of the
// printed form; every non-zero cell opens the list of appeals behind it (the same rules count
// them, so the list's total is the cell). Any organization's subtree on demand; the spreadsheet and
// PDF; the formed reports of the period — formed on demand, signed by the authority, and compared
// with the figures now.
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Skeleton, Stack, Table, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { accountingQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { AppealTable } from '../../components/AppealTable.tsx';
import { SignDocumentModal } from '../../components/SignModal.tsx';
import { PeriodControls, useMonthName, usePeriod } from '../../components/period.tsx';
import { Dialog } from '../../components/Dialog.tsx';

type Report = paths['/api/v1/reports/form1']['get']['responses']['200']['content']['application/json'];
type Table1 = Report['sections'][number]['tables'][number];
type Row = Table1['rows'][number];
type Column = Table1['columns'][number];
type Snapshot = paths['/api/v1/reports/form1/snapshots']['get']['responses']['200']['content']['application/json']['items'][number];

interface CellRef {
  table: Table1;
  column: Column;
  row: Row;
  n: number;
}

const rowName = (r: Row, t: (k: MessageKey, p?: Record<string, string>) => string) =>
  r.kind === 'own' ? t('acc.ownAppeals', { name: r.organization.name }) : r.organization.id === null ? t('acc.total') : r.organization.name;

/** The headings of the printed form: grouped columns under their group, then the column numbers. */
function Headings({ table }: { table: Table1 }) {
  const { t } = useI18n();
  const spans: { group: string | null; columns: Column[] }[] = [];
  for (const c of table.columns) {
    const last = spans.at(-1);
    if (last && c.group !== null && last.group === c.group) last.columns.push(c);
    else spans.push({ group: c.group, columns: [c] });
  }
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th rowSpan={2} className="sticky-col">
          {t('acc.organization')}
        </Table.Th>
        {spans.map((s, i) =>
          s.group === null ? (
            <Table.Th key={i} rowSpan={2} scope="col">
              {s.columns[0]!.title}
            </Table.Th>
          ) : (
            <Table.Th key={i} colSpan={s.columns.length} scope="colgroup" ta="center">
              {s.group}
            </Table.Th>
          ),
        )}
      </Table.Tr>
      <Table.Tr>
        {spans
          .filter((s) => s.group !== null)
          .flatMap((s) =>
            s.columns.map((c) => (
              <Table.Th key={c.key} scope="col">
                {c.title}
              </Table.Th>
            )),
          )}
      </Table.Tr>
      <Table.Tr className="numbers">
        <Table.Th className="sticky-col" ta="center">
          A
        </Table.Th>
        {table.columns.map((c) => (
          <Table.Th key={c.key} ta="center">
            {c.n}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

function ReportTable({ table, onlyActive, onCell, onSubtree }: { table: Table1; onlyActive: boolean; onCell(c: CellRef): void; onSubtree(r: Row): void }) {
  const { t, number } = useI18n();
  const rows = table.rows.filter((r) => r.kind === 'total' || !onlyActive || r.cells.some((n) => n > 0));
  return (
    <Table.ScrollContainer minWidth={600} maxHeight="70vh">
      <Table withTableBorder withColumnBorders className="form1-table" data-testid={`form1-table-${table.id}`}>
        <Table.Caption>{table.title}</Table.Caption>
        <Headings table={table} />
        <Table.Tbody>
          {rows.map((r, i) => {
            const name = rowName(r, t);
            return (
              <Table.Tr key={`${r.kind}-${r.organization.id ?? 'total'}-${i}`} data-kind={r.kind} data-testid="form1-row" fw={r.kind === 'total' ? 700 : undefined}>
                <Table.Th scope="row" className="sticky-col" fw={r.kind === 'total' ? 700 : 400} style={{ paddingLeft: r.kind === 'ofWhich' ? 24 : undefined }}>
                  {r.reportRow !== null && (
                    <Text span size="xs" c="gray.8" mr={6}>
                      {r.reportRow}.
                    </Text>
                  )}
                  {r.kind === 'ofWhich' && (
                    <Text span size="xs" c="gray.8" mr={4}>
                      {t('acc.form1.ofWhich')}
                    </Text>
                  )}
                  {r.organization.id !== null && r.kind !== 'own' && r.kind !== 'total' ? (
                    <UnstyledButton onClick={() => onSubtree(r)} c="blue.9" td="underline" fz="sm" title={t('acc.openSubtree')}>
                      {name}
                    </UnstyledButton>
                  ) : (
                    name
                  )}
                </Table.Th>
                {r.cells.map((n, j) => {
                  const column = table.columns[j]!;
                  return (
                    <Table.Td key={column.key} ta="right">
                      {n > 0 ? (
                        <button
                          type="button"
                          className="cell-btn"
                          onClick={() => onCell({ table, column, row: r, n })}
                          aria-label={`${number(n)} — ${column.n}. ${column.title}, ${name}`}
                          data-testid={`cell-${column.key}`}
                        >
                          {number(n)}
                        </button>
                      ) : (
                        <Text span size="sm" c="gray.8">
                          0
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const PAGE = 50;

const CELL_COLUMNS = ['number', 'registered', 'type', 'summary', 'status'] as const;

function CellModal({ cell, year, month, onClose }: { cell: CellRef; year: number; month: number; onClose(): void }) {
  const { t, number } = useI18n();
  const [page, setPage] = useState(1);
  const organization = cell.row.organization.id ?? undefined;
  const list = useQuery(accountingQueries.form1Cell({ year, month, table: cell.table.id, column: cell.column.key, organization, own: cell.row.kind === 'own' ? true : undefined, limit: PAGE, offset: (page - 1) * PAGE }));
  const total = list.data?.total ?? 0;
  return (
    <Dialog onClose={onClose} size="xl" centered title={`${cell.column.n}. ${cell.column.title} — ${rowName(cell.row, t)}`}>
      <Stack gap="sm" data-testid="cell-modal">
        <Text size="sm">
          {cell.table.title} · {t('acc.form1.cellCount', { n: number(cell.n) })}
        </Text>
        {list.error && (
          <Alert color="red" role="alert">
            {list.error.message}
          </Alert>
        )}
        <Text fw={600} aria-live="polite">
          {list.data ? t('acc.form1.appealsFound', { n: number(total) }) : t('loading')}{' '}
          <span data-testid="cell-total" hidden>
            {list.data ? total : ''}
          </span>
        </Text>
        <AppealTable rows={list.data?.items} columns={CELL_COLUMNS} testId="cell-appeals" rowTestId="cell-appeal" minWidth={640} paging={{ page, pageSize: PAGE, total, onPage: setPage }} />
      </Stack>
    </Dialog>
  );
}

function DiffModal({ snapshot, report, onClose }: { snapshot: Snapshot; report: Report | undefined; onClose(): void }) {
  const { t, number, dateTime } = useI18n();
  const diff = useQuery(accountingQueries.diff(snapshot.id));
  const tables = report?.sections.flatMap((s) => s.tables) ?? [];
  const columnTitle = (table: string, key: string) => tables.find((x) => x.id === table)?.columns.find((c) => c.key === key)?.title ?? key;
  const items = diff.data?.differences ?? [];
  return (
    <Dialog onClose={onClose} size="xl" centered title={t('acc.form1.diffTitle', { date: dateTime(snapshot.formedAt) })}>
      <Stack gap="sm" data-testid="diff-modal">
        {diff.error && (
          <Alert color="red" role="alert">
            {diff.error.message}
          </Alert>
        )}
        {diff.data && items.length === 0 && <Text data-testid="diff-none">{t('acc.form1.noDifferences')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="diff-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('acc.form1.table')}</Table.Th>
                  <Table.Th>{t('acc.organization')}</Table.Th>
                  <Table.Th>{t('acc.form1.column')}</Table.Th>
                  <Table.Th ta="right">{t('acc.form1.asFormed')}</Table.Th>
                  <Table.Th ta="right">{t('acc.form1.now')}</Table.Th>
                  <Table.Th ta="right">{t('acc.form1.difference')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{tables.find((x) => x.id === d.table)?.title ?? d.table}</Table.Td>
                    <Table.Td>
                      {d.row.organization ? d.row.organization.code : t('acc.total')}
                      {d.row.kind === 'own' ? ` (${t('acc.form1.own')})` : ''}
                    </Table.Td>
                    <Table.Td>
                      {d.n}. {columnTitle(d.table, d.column)}
                    </Table.Td>
                    <Table.Td ta="right">{number(d.snapshot)}</Table.Td>
                    <Table.Td ta="right">{number(d.current)}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {d.difference > 0 ? '+' : ''}
                      {number(d.difference)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Dialog>
  );
}

function Snapshots({ year, month, organization, report }: { year: number; month: number; organization: number | undefined; report: Report | undefined }) {
  const { t, dateTime } = useI18n();
  const { hasRole } = useSession();
  const monthName = useMonthName();
  const queryClient = useQueryClient();
  const list = useQuery(accountingQueries.snapshots(year, month));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<Snapshot | null>(null);
  const [signing, setSigning] = useState<Snapshot | null>(null);
  const statistician = hasRole('statistician');
  const form = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/reports/form1/snapshots', { body: { year, month, organization } }));
      notify(t('acc.form1.formed'), 'green');
      void changed.snapshots(queryClient);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="snapshots">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="snapshots">
          {t('acc.form1.snapshots', { month: monthName(month), year: String(year) })}
        </Title>
        {statistician && (
          <Button onClick={form} loading={busy} data-testid="form-snapshot">
            {t('acc.form1.formNow')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="snapshots">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('acc.form1.formedAt')}</Table.Th>
              <Table.Th>{t('acc.form1.formedBy')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>{t('acc.form1.signature')}</Table.Th>
              <Table.Th>{t('acc.actions')}</Table.Th>
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
                  <Text size="sm" c="gray.8">
                    {t('acc.form1.noSnapshots')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((s) => (
              <Table.Tr key={s.id} data-testid="snapshot">
                <Table.Td className="nowrap">
                  {dateTime(s.formedAt)}
                  <Text size="xs" c="gray.8">
                    {t(s.kind === 'scheduled' ? 'acc.form1.scheduled' : 'acc.form1.onDemand')}
                  </Text>
                </Table.Td>
                <Table.Td>{s.formedBy === 'system' ? t('acc.form1.system') : s.formedBy}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={s.sha256}>
                    {s.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td data-testid="snapshot-signature">
                  {s.signed ? (
                    <Badge color={RISK_COLORS.onTrack} radius="sm" style={{ textTransform: 'none' }}>
                      ✓ {t('acc.form1.signedBy', { name: s.signerName ?? '', date: dateTime(s.signedAt) })}
                    </Badge>
                  ) : (
                    <Badge color={RISK_COLORS.atRisk} radius="sm" style={{ textTransform: 'none' }}>
                      {t('acc.form1.notSigned')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor size="sm" href={`/api/v1/reports/form1/snapshots/${s.id}.xlsx`} download>
                      XLSX
                    </Anchor>
                    <Anchor size="sm" href={`/api/v1/reports/form1/snapshots/${s.id}.pdf`} target="_blank" rel="noopener">
                      PDF
                    </Anchor>
                    <Button size="compact-sm" variant="default" onClick={() => setDiff(s)} data-testid="snapshot-diff">
                      {t('acc.form1.differences')}
                    </Button>
                    {statistician && !s.signed && (
                      <Button size="compact-sm" onClick={() => setSigning(s)} data-testid="snapshot-sign">
                        {t('acc.form1.sign')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {diff && <DiffModal snapshot={diff} report={report} onClose={() => setDiff(null)} />}
      {signing && (
        <SignDocumentModal
          document={{
            title: t('acc.form1.signTitle', { month: monthName(signing.month), year: String(signing.year) }),
            previewUrl: `/api/v1/reports/form1/snapshots/${signing.id}.pdf`,
            previewTitle: `1-ТӨ · ${monthName(signing.month)} ${signing.year}`,
            sign: (body) => unwrap(api.POST('/api/v1/reports/form1/snapshots/{id}/sign', { params: { path: { id: signing.id } }, body })),
          }}
          onClose={() => setSigning(null)}
          onSigned={() => {
            setSigning(null);
            notify(t('acc.form1.signDone'), 'green');
            void changed.snapshots(queryClient);
          }}
        />
      )}
    </Paper>
  );
}

export default function Form1() {
  const { t, lang } = useI18n();
  const monthName = useMonthName();
  const period = usePeriod();
  const [onlyActive, setOnlyActive] = useState(true);
  const [cell, setCell] = useState<CellRef | null>(null);
  const [section, setSection] = useState<string | null>('s1');
  const [tableOf, setTableOf] = useState<Record<string, string>>({});
  const report = useQuery(accountingQueries.form1({ year: period.year, month: period.month, organization: period.organization }, lang));
  useEffect(() => {
    document.title = `${t('acc.form1.title')} — ${t('appName')}`;
  }, [t]);
  const r = report.data;
  const query = new URLSearchParams({ year: String(period.year), month: String(period.month), ...(period.organization ? { organization: String(period.organization) } : {}) }).toString();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('acc.form1.title')}
          </Title>
          <Text size="sm" c="gray.8">
            {r ? r.title : ' '}
          </Text>
        </div>
        <Group gap="xs">
          <Button component="a" href={`/api/v1/reports/form1.xlsx?${query}`} download variant="default" data-testid="download-xlsx">
            {t('acc.form1.downloadXlsx')}
          </Button>
          <Button component="a" href={`/api/v1/reports/form1.pdf?${query}`} target="_blank" rel="noopener" variant="default" data-testid="download-pdf">
            {t('acc.form1.openPdf')}
          </Button>
        </Group>
      </Group>
      <PeriodControls period={period} current={r?.organization} />
      <Group justify="space-between">
        <Text size="sm" c="gray.8">
          {t('acc.cumulative', { month: monthName(period.month), year: String(period.year) })}
          {r?.organization && ` · ${t('acc.form1.subtreeOf', { name: r.organization.name })}`}
        </Text>
        <Checkbox label={t('acc.onlyActive')} checked={onlyActive} onChange={(e) => setOnlyActive(e.currentTarget.checked)} data-testid="only-active" />
      </Group>
      {report.error && (
        <Alert color="red" role="alert">
          {report.error.message}
        </Alert>
      )}
      {!r && !report.error && <Skeleton h={300} />}
      {r && (
        <Tabs value={section} onChange={setSection}>
          <Tabs.List aria-label={t('acc.form1.sections')}>
            {r.sections.map((s) => (
              <Tabs.Tab key={s.id} value={s.id} data-testid={`section-${s.id}`}>
                {s.title}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {r.sections.map((s) => {
            const current = tableOf[s.id] ?? s.tables[0]!.id;
            const table = (tb: Table1) => <ReportTable table={tb} onlyActive={onlyActive} onCell={setCell} onSubtree={(row) => period.update({ organization: String(row.organization.id) })} />;
            return (
              <Tabs.Panel key={s.id} value={s.id} pt="sm">
                {/* only the open table is rendered: a report has thousands of cells */}
                {s.id === section &&
                  (s.tables.length === 1 ? (
                    table(s.tables[0]!)
                  ) : (
                    <Tabs value={current} onChange={(v) => v && setTableOf({ ...tableOf, [s.id]: v })} variant="pills">
                      <Tabs.List aria-label={s.title} mb="sm">
                        {s.tables.map((tb) => (
                          <Tabs.Tab key={tb.id} value={tb.id} data-testid={`table-${tb.id}`}>
                            {tb.title}
                          </Tabs.Tab>
                        ))}
                      </Tabs.List>
                      {s.tables.map((tb) => (
                        <Tabs.Panel key={tb.id} value={tb.id}>
                          {tb.id === current && table(tb)}
                        </Tabs.Panel>
                      ))}
                    </Tabs>
                  ))}
              </Tabs.Panel>
            );
          })}
        </Tabs>
      )}
      <Snapshots year={period.year} month={period.month} organization={period.organization} report={r} />
      {cell && <CellModal cell={cell} year={period.year} month={period.month} onClose={() => setCell(null)} />}
    </Stack>
  );
}
