// Work queues like the national system's registries: a tab per queue with its count, filters,
// search, sorting and paging — all done by the server (GET /queues, GET /queues/:queue); the state
// lives in the address, so a link opens the same view (the overview links here).
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Group, Loader, NativeSelect, Pagination, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api, unwrap } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useDirectory } from '../api/directories.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useSession, type Role } from '../session.tsx';
import { StatusBadge, TermBadge } from '../components/badges.tsx';
import { OrganizationPicker } from '../components/pickers.tsx';
import type { paths } from '../api/schema';
import { QUEUES, queuesFor } from '../../../src/domain/queues.ts';

type Queue = paths['/api/v1/queues/{queue}']['get']['parameters']['path']['queue'];
type Query = NonNullable<paths['/api/v1/queues/{queue}']['get']['parameters']['query']>;
type Sort = NonNullable<Query['sort']>;

const FILTERS = ['documentType', 'form', 'channel', 'issueCategory', 'executor', 'organization', 'ownOnly', 'open', 'dateFrom', 'dateTo', 'dueFrom', 'dueTo', 'q'] as const;
const PAGE = 25;

export default function Queues() {
  const { t, number, date } = useI18n();
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
  const key = search.toString();

  const counts = useLoad(() => unwrap(api.GET('/api/v1/queues', { params: { query: filter } })), [key]);
  const list = useLoad(() => unwrap(api.GET('/api/v1/queues/{queue}', { params: { path: { queue }, query: { ...filter, sort, order, limit: PAGE, offset: (page - 1) * PAGE } } })), [queue, key]);
  const executors = useLoad(() => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'executor', limit: 200 } } })), []);

  const sortHeader = (column: Sort, label: string) => {
    const active = sort === column;
    const dir = active ? (order ?? 'asc') : undefined;
    return (
      <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="nowrap">
        <UnstyledButton onClick={() => update({ sort: column, order: active && dir === 'asc' ? 'desc' : 'asc' })} fw={700} fz="sm" aria-label={t('table.sortBy', { column: label })}>
          {label} <span aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </UnstyledButton>
      </Table.Th>
    );
  };

  const anyFilter = FILTERS.some((k) => get(k));
  const total = list.data?.total ?? 0;
  const queueName = t(`queue.${queue}` as MessageKey);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('queues.title')}
      </Title>
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
                  {counts.data ? number(counts.data.counts[x]) : '·'}
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
                    <TextInput label={t('search')} description={t('filters.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" data-testid="queue-search" />
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
                <Table.ScrollContainer minWidth={900}>
                  <Table striped highlightOnHover className="queue-table" aria-busy={list.loading} data-testid="queue-table">
                    <Table.Caption>
                      <Group gap="xs" justify="center">
                        <span data-testid="queue-caption">{t('table.caption', { queue: queueName, n: number(total) })}</span>
                        {list.loading && <Loader size="xs" aria-hidden="true" />}
                      </Group>
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        {sortHeader('registrationNumber', t('table.number'))}
                        {sortHeader('registrationDate', t('table.registered'))}
                        {sortHeader('dueDate', t('table.due'))}
                        <Table.Th>{t('table.type')}</Table.Th>
                        {sortHeader('applicantName', t('table.applicant'))}
                        <Table.Th>{t('table.summary')}</Table.Th>
                        {sortHeader('status', t('table.status'))}
                        <Table.Th>{t('table.executor')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {!list.data &&
                        Array.from({ length: 8 }, (_, i) => (
                          <Table.Tr key={i}>
                            {Array.from({ length: 8 }, (_, j) => (
                              <Table.Td key={j}>
                                <Skeleton h={18} />
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      {list.data?.items.map((a) => (
                        <Table.Tr
                          key={a.id}
                          data-testid="queue-row"
                          style={{ cursor: 'pointer' }}
                          onClick={(e) => {
                            if (!(e.target as HTMLElement).closest('a')) navigate(`/appeals/${a.id}`);
                          }}
                        >
                          <Table.Td className="nowrap">
                            <Anchor component={Link} to={`/appeals/${a.id}`} fw={600}>
                              {a.registrationNumber}
                            </Anchor>
                            <Text size="xs" c="gray.8">
                              {a.organization.code}
                            </Text>
                            {a.duplicateCandidate && (
                              <Badge size="xs" color="#8a4600" radius="sm" style={{ textTransform: 'none' }}>
                                {t('duplicateMark')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td className="nowrap">{date(a.registrationDate)}</Table.Td>
                          <Table.Td>
                            <TermBadge risk={a.risk} daysLeft={a.daysLeft} dueDate={a.dueDate} stacked />
                          </Table.Td>
                          <Table.Td>{documentTypes.label(a.documentType)}</Table.Td>
                          <Table.Td>{a.applicantName ?? t(`applicantKind.${a.applicantKind}` as MessageKey)}</Table.Td>
                          <Table.Td className="summary">
                            <Text size="sm" lineClamp={2}>
                              {a.summary}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <StatusBadge status={a.status} />
                            {(a.unsignedLetters ?? 0) > 0 && (
                              <Text size="xs" c="gray.8">
                                ✎ {t('letters.toSign')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {a.executor?.name ?? (
                              <Text size="sm" c="gray.8">
                                {t('card.notAssigned')}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                      {list.data && list.data.items.length === 0 && (
                        <Table.Tr>
                          <Table.Td colSpan={8}>
                            <Text ta="center" c="gray.8" py="md">
                              {t('table.empty')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {total > PAGE && (
                  <Group justify="center">
                    <nav aria-label={t('table.pages')}>
                      <VisuallyHidden>{t('table.pages')}</VisuallyHidden>
                      <Pagination
                        total={Math.ceil(total / PAGE)}
                        value={page}
                        onChange={(p) => update({ page: String(p) }, true)}
                        getControlProps={(c) => ({ 'aria-label': c })}
                        getItemProps={(p) => ({ 'aria-label': String(p) })}
                      />
                    </nav>
                  </Group>
                )}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
