// Work queues like the national system's registries: a tab per queue with its count, filters,
// search, sorting and paging — all done by the server (GET /queues, GET /queues/:queue); the state
// lives in the address, so a link opens the same view (the overview links here).
import { foldingFilter } from '../components/search.ts';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge, Button, Checkbox, Collapse, Group, Loader, NativeSelect, Paper, Select, SimpleGrid, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { listQueries, referenceQueries } from '../api/queries.ts';
import { useDirectory } from '../api/directories.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useSession, type Role } from '../session.tsx';
import { OrganizationPicker } from '../components/pickers.tsx';
import { AppealTable, type StandardColumn } from '../components/AppealTable.tsx';
import type { paths } from '../api/schema';
import { QUEUES, queuesFor } from '../../../src/domain/queues.ts';

type Queue = paths['/api/v1/queues/{queue}']['get']['parameters']['path']['queue'];
type Query = NonNullable<paths['/api/v1/queues/{queue}']['get']['parameters']['query']>;
type Sort = NonNullable<Query['sort']>;

const FILTERS = ['documentType', 'form', 'channel', 'issueCategory', 'executor', 'organization', 'ownOnly', 'open', 'dateFrom', 'dateTo', 'dueFrom', 'dueTo', 'q'] as const;
const PAGE = 25;
const COLUMNS = ['number', 'registered', 'due', 'type', 'applicant', 'summary', 'status', 'executor'] as const;
/** The columns the server sorts by, and its name for each. */
const SORTS: Partial<Record<StandardColumn, Sort>> = { number: 'registrationNumber', registered: 'registrationDate', due: 'dueDate', applicant: 'applicantName', status: 'status' };
const SORTABLE = Object.keys(SORTS) as StandardColumn[];

export default function Queues() {
  const { t, number, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const params = useParams();
  const queue = (QUEUES.includes(params.queue as Queue) ? params.queue : 'all') as Queue;
  const [search, setSearch] = useSearchParams();
  const get = (k: string) => search.get(k) ?? '';
  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q, 350);
  const documentTypes = useDirectory('documentType');
  const forms = useDirectory('form');
  const channels = useDirectory('channel');
  const categories = useDirectory('issueCategory');

  // the queues of my roles in their order (the domain's list), and the one opened by a link
  const shown = useMemo(() => {
    const mine = queuesFor((user?.roles ?? []) as Role[]);
    return mine.includes(queue) ? mine : [...mine, queue];
  }, [user, queue]);

  useEffect(() => {
    document.title = `${t(`queue.${queue}` as MessageKey)} — ${t('queues.title')} — ${t('appName')}`;
  }, [t, queue]);

  const update = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!keepPage) next.delete('page');
    setSearch(next, { replace: true });
  };
  useEffect(() => {
    if (debouncedQ !== get('q')) update({ q: debouncedQ.trim() || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);

  const filter: Query = {
    documentType: (get('documentType') || undefined) as Query['documentType'],
    form: (get('form') || undefined) as Query['form'],
    channel: (get('channel') || undefined) as Query['channel'],
    issueCategory: get('issueCategory') || undefined,
    executor: get('executor') || undefined,
    organization: get('organization') ? Number(get('organization')) : undefined,
    ownOnly: get('organization') && get('ownOnly') === 'true' ? true : undefined,
    open: get('open') === 'true' ? true : undefined,
    dateFrom: get('dateFrom') || undefined,
    dateTo: get('dateTo') || undefined,
    dueFrom: get('dueFrom') || undefined,
    dueTo: get('dueTo') || undefined,
    q: get('q') || undefined,
  };
  const sort = (get('sort') || undefined) as Sort | undefined;
  const order = (get('order') || undefined) as 'asc' | 'desc' | undefined;
  const page = Math.max(1, Number(get('page') || 1));

  const counts = useQuery(listQueries.queueCounts(filter));
  const list = useQuery(listQueries.queue(queue, { ...filter, sort, order, limit: PAGE, offset: (page - 1) * PAGE }, lang));
  const executors = useQuery(referenceQueries.users({ role: 'executor', limit: 200 }, lang));

  const anyFilter = FILTERS.some((k) => get(k));
  // The detailed filters fold away so the table stays in view at 1280×800 (issue 10 item 9); a
  // link that sets one opens them.
  const [moreFilters, setMoreFilters] = useState(() => FILTERS.some((k) => k !== 'q' && get(k)));
  const total = list.data?.total ?? 0;
  const queueName = t(`queue.${queue}` as MessageKey);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('queues.title')}
        </Title>
        {/* the queue with its filters as a journal (issue 10 item 14); a link carries the language itself */}
        <Group gap="xs" className="no-print">
          {(['xlsx', 'pdf'] as const).map((ext) => (
            <Button key={ext} component="a" size="xs" variant="default" href={`/api/v1/queues/${queue}.${ext}?${journalQuery(filter, sort, order, lang)}`} download data-testid={`journal-${ext}`}>
              {t(ext === 'xlsx' ? 'queues.journalXlsx' : 'queues.journalPdf')}
            </Button>
          ))}
        </Group>
      </Group>
      <Tabs
        value={queue}
        onChange={(v) =>
          v &&
          navigate({
            pathname: `/queues/${v}`,
            search: (() => {
              const n = new URLSearchParams(search);
              n.delete('page');
              n.delete('sort');
              n.delete('order');
              return n.toString();
            })(),
          })
        }
        keepMounted
      >
        <Tabs.List aria-label={t('queues.title')}>
          {shown.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`tab-${x}`}>
              <Group gap={6} wrap="nowrap">
                <span>{t(`queue.${x}` as MessageKey)}</span>
                <Badge
                  size="sm"
                  radius="sm"
                  miw={32}
                  color={x === 'overdue' && (counts.data?.counts[x] ?? 0) > 0 ? '#a61b1b' : x === 'atRisk' && (counts.data?.counts[x] ?? 0) > 0 ? '#8a4600' : 'gray.8'}
                  data-testid={`count-${x}`}
                >
                  {counts.data ? `${number(counts.data.counts[x])}${counts.data.capped.includes(x) ? '+' : ''}` : '·'}
                </Badge>
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map((x) => (
          <Tabs.Panel key={x} value={x} pt="md">
            {x === queue && (
              <Stack gap="md">
                <Paper withBorder p="sm">
                  <Stack gap="sm">
                    <Group gap="sm" align="flex-end" wrap="nowrap">
                      <TextInput label={t('search')} description={t('filters.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" data-testid="queue-search" style={{ flex: 1, minWidth: 0 }} />
                      <Button variant="default" onClick={() => setMoreFilters((v) => !v)} aria-expanded={moreFilters} data-testid="filters-toggle" style={{ flexShrink: 0 }}>
                        {t(moreFilters ? 'filters.fewer' : 'filters.more')}
                      </Button>
                    </Group>
                    <Collapse expanded={moreFilters}>
                      <SimpleGrid cols={{ base: 2, sm: 4, lg: 5 }} spacing="sm">
                        <NativeSelect
                          label={t('documentType')}
                          value={get('documentType')}
                          onChange={(e) => update({ documentType: e.currentTarget.value })}
                          data={[{ value: '', label: t('filters.any') }, ...documentTypes.options]}
                        />
                        <NativeSelect label={t('form')} value={get('form')} onChange={(e) => update({ form: e.currentTarget.value })} data={[{ value: '', label: t('filters.any') }, ...forms.options]} />
                        <NativeSelect label={t('channel')} value={get('channel')} onChange={(e) => update({ channel: e.currentTarget.value })} data={[{ value: '', label: t('filters.any') }, ...channels.options]} />
                        <NativeSelect
                          label={t('issueCategory')}
                          value={get('issueCategory')}
                          onChange={(e) => update({ issueCategory: e.currentTarget.value })}
                          data={[{ value: '', label: t('filters.any') }, ...categories.options]}
                        />
                        <Select
                          label={t('filters.executor')}
                          value={get('executor') || null}
                          onChange={(v) => update({ executor: v })}
                          data={(executors.data?.items ?? []).map((u) => ({ value: u.id!, label: u.fullName! }))}
                          clearable
                          searchable
                          filter={foldingFilter}
                          placeholder={t('filters.any')}
                        />
                        <OrganizationPicker
                          mine
                          label={t('filters.organization')}
                          value={get('organization') || null}
                          onChange={(v) => update({ organization: v, ownOnly: v ? get('ownOnly') : null })}
                          placeholder={t('filters.any')}
                          data-testid="filter-organization"
                        />
                        <TextInput label={t('filters.dateFrom')} type="date" value={get('dateFrom')} onChange={(e) => update({ dateFrom: e.currentTarget.value })} />
                        <TextInput label={t('filters.dateTo')} type="date" value={get('dateTo')} onChange={(e) => update({ dateTo: e.currentTarget.value })} />
                        <TextInput label={t('filters.dueFrom')} type="date" value={get('dueFrom')} onChange={(e) => update({ dueFrom: e.currentTarget.value })} data-testid="filter-dueFrom" />
                        <TextInput label={t('filters.dueTo')} type="date" value={get('dueTo')} onChange={(e) => update({ dueTo: e.currentTarget.value })} data-testid="filter-dueTo" />
                      </SimpleGrid>
                    </Collapse>
                    <Group gap="lg">
                      <Checkbox label={t('filters.open')} checked={get('open') === 'true'} onChange={(e) => update({ open: e.currentTarget.checked ? 'true' : null })} data-testid="filter-open" />
                      {get('organization') && (
                        <Checkbox label={t('filters.ownOnly')} checked={get('ownOnly') === 'true'} onChange={(e) => update({ ownOnly: e.currentTarget.checked ? 'true' : null })} data-testid="filter-ownOnly" />
                      )}
                    </Group>
                    {anyFilter && (
                      <Group justify="flex-end">
                        <Button
                          variant="subtle"
                          size="xs"
                          onClick={() => {
                            setQ('');
                            setSearch(new URLSearchParams(), { replace: true });
                          }}
                        >
                          {t('filters.clear')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Paper>
                <AppealTable
                  rows={list.data?.items}
                  columns={COLUMNS}
                  testId="queue-table"
                  rowTestId="queue-row"
                  className="queue-table"
                  minWidth={900}
                  openRows
                  busy={list.isFetching}
                  skeletonRows={8}
                  caption={
                    <Group gap="xs" justify="center">
                      <span data-testid="queue-caption">{t('table.caption', { queue: queueName, n: `${number(total)}${list.data?.totalCapped ? '+' : ''}` })}</span>
                      {list.isFetching && <Loader size="xs" aria-hidden="true" />}
                    </Group>
                  }
                  sorting={{
                    columns: SORTABLE,
                    by: (Object.keys(SORTS) as StandardColumn[]).find((c) => SORTS[c] === sort),
                    order,
                    onSort: (c, o) => update({ sort: SORTS[c]!, order: o }),
                  }}
                  paging={{ page, pageSize: PAGE, total, onPage: (p) => update({ page: String(p) }, true) }}
                />
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** The query of a journal export: the queue's filters and order, and the language to write it in. */
function journalQuery(filter: Record<string, string | number | boolean | undefined>, sort: string | undefined, order: string | undefined, lang: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, sort, order, lang })) if (v !== undefined) q.set(k, String(v));
  return q.toString();
}
