// One table of appeals for every list of them: the work queues, the appeals behind a cell of 1-ТӨ,
// the appeals a reconciliation found differing. The columns are chosen by the screen (the standard
// ones by name, its own beside them); sorting and paging where the screen has them; a skeleton
// while the first answer comes, and a row saying so when there are none.
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Badge, Group, Pagination, Skeleton, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDirectory } from '../api/directories.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { StatusBadge, TermBadge } from './badges.tsx';

/** What the standard columns read of a row; a screen's rows have the fields of the columns it shows. */
export interface AppealRow {
  id: string;
  registrationNumber: string | null;
  /** false: the number is shown without opening the card (the user may not see it) */
  visible?: boolean;
  organization?: { code?: string; name?: string } | null;
  duplicateCandidate?: boolean;
  imported?: boolean;
  registrationDate?: string | null;
  dueDate?: string;
  risk?: string | null;
  daysLeft?: number | null;
  documentType?: string | null;
  applicantName?: string | null;
  applicantKind?: string;
  summary?: string | null;
  status?: string | null;
  unsignedLetters?: number;
  /** the latest draft came back for rework (issue 10, item 5) */
  returnedDraft?: { remark?: string | null } | null;
  executor?: { name?: string | null } | null;
}

export type StandardColumn = 'number' | 'registered' | 'due' | 'type' | 'applicant' | 'summary' | 'status' | 'executor';

/** A screen's own column. */
export interface CustomColumn<T> {
  id: string;
  header: ReactNode;
  cell(row: T): ReactNode;
}

export type Column<T> = StandardColumn | CustomColumn<T>;

const HEADERS: Record<StandardColumn, MessageKey> = {
  number: 'table.number',
  registered: 'table.registered',
  due: 'table.due',
  type: 'table.type',
  applicant: 'table.applicant',
  summary: 'table.summary',
  status: 'table.status',
  executor: 'table.executor',
};

export interface Sorting {
  /** The columns the server sorts by. */
  columns: readonly StandardColumn[];
  by: StandardColumn | undefined;
  order: 'asc' | 'desc' | undefined;
  onSort(column: StandardColumn, order: 'asc' | 'desc'): void;
}

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}

export interface AppealTableProps<T extends AppealRow> {
  /** undefined: the first answer has not come yet */
  rows: T[] | undefined;
  columns: readonly Column<T>[];
  testId: string;
  rowTestId?: string;
  minWidth: number;
  caption?: ReactNode;
  /** a request is under way (aria-busy) */
  busy?: boolean;
  /** queue-like: rows highlighted on hover, a click anywhere on a row opens the card */
  openRows?: boolean;
  className?: string;
  /** skeleton rows of cells while loading (the size of the rows to come); one block otherwise */
  skeletonRows?: number;
  sorting?: Sorting;
  paging?: Paging;
  mb?: string;
}

export function AppealTable<T extends AppealRow>({ rows, columns, testId, rowTestId, minWidth, caption, busy, openRows = false, className, skeletonRows, sorting, paging, mb }: AppealTableProps<T>) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const documentTypes = useDirectory(columns.includes('type') ? 'documentType' : undefined);
  const columnId = (c: Column<T>) => (typeof c === 'string' ? c : c.id);

  const header = (c: Column<T>) => {
    if (typeof c !== 'string') return <Table.Th key={c.id}>{c.header}</Table.Th>;
    const label = t(HEADERS[c]);
    if (!sorting?.columns.includes(c)) return <Table.Th key={c}>{label}</Table.Th>;
    const active = sorting.by === c;
    const dir = active ? (sorting.order ?? 'asc') : undefined;
    return (
      <Table.Th key={c} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="nowrap">
        <UnstyledButton onClick={() => sorting.onSort(c, active && dir === 'asc' ? 'desc' : 'asc')} fw={700} fz="sm" aria-label={t('table.sortBy', { column: label })}>
          {label} <span aria-hidden="true">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </UnstyledButton>
      </Table.Th>
    );
  };

  const cell = (c: Column<T>, a: T) => {
    if (typeof c !== 'string') return <Table.Td key={c.id}>{c.cell(a)}</Table.Td>;
    switch (c) {
      case 'number':
        return (
          <Table.Td key={c} className="nowrap">
            {a.visible === false ? (
              <Text fw={600} size="sm">
                {a.registrationNumber}
              </Text>
            ) : (
              <Anchor component={Link} to={`/appeals/${a.id}`} fw={600}>
                {a.registrationNumber}
              </Anchor>
            )}
            {a.organization && (
              <Text size="xs" c="gray.8" title={a.organization.code} maw={240} style={{ whiteSpace: 'normal' }}>
                {a.organization.name ?? a.organization.code}
                {a.imported ? ` · ${t('acc.form1.imported')}` : ''}
              </Text>
            )}
            {a.duplicateCandidate && (
              <Badge size="xs" color="#8a4600" radius="sm" style={{ textTransform: 'none' }}>
                {t('duplicateMark')}
              </Badge>
            )}
          </Table.Td>
        );
      case 'registered':
        return (
          <Table.Td key={c} className="nowrap">
            {date(a.registrationDate)}
          </Table.Td>
        );
      case 'due':
        return (
          <Table.Td key={c}>
            <TermBadge risk={a.risk} daysLeft={a.daysLeft} dueDate={a.dueDate ?? ''} stacked />
          </Table.Td>
        );
      case 'type':
        return <Table.Td key={c}>{documentTypes.label(a.documentType)}</Table.Td>;
      case 'applicant':
        return <Table.Td key={c}>{a.applicantName ?? t(`applicantKind.${a.applicantKind}` as MessageKey)}</Table.Td>;
      case 'summary':
        return (
          <Table.Td key={c} className="summary">
            <Text size="sm" lineClamp={2}>
              {a.summary}
            </Text>
          </Table.Td>
        );
      case 'status':
        return (
          <Table.Td key={c}>
            {a.status ? <StatusBadge status={a.status} /> : '—'}
            {a.returnedDraft && (
              <Badge size="xs" color="#8a4600" radius="sm" style={{ textTransform: 'none' }} title={a.returnedDraft.remark ?? undefined} data-testid="returned-draft-mark">
                {t('returnedDraftMark')}
              </Badge>
            )}
            {(a.unsignedLetters ?? 0) > 0 && (
              <Text size="xs" c="gray.8">
                ✎ {t('letters.toSign')}
              </Text>
            )}
          </Table.Td>
        );
      case 'executor':
        return (
          <Table.Td key={c}>
            {a.executor?.name ?? (
              <Text size="sm" c="gray.8">
                {t('card.notAssigned')}
              </Text>
            )}
          </Table.Td>
        );
    }
  };

  const open = (a: T) => (e: React.MouseEvent) => {
    if (!(e.target as HTMLElement).closest('a')) navigate(`/appeals/${a.id}`);
  };

  return (
    <>
      <Table.ScrollContainer minWidth={minWidth} mb={mb}>
        <Table striped highlightOnHover={openRows} className={className} aria-busy={busy} data-testid={testId}>
          {caption && <Table.Caption>{caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>{columns.map(header)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!rows &&
              (skeletonRows ? (
                Array.from({ length: skeletonRows }, (_, i) => (
                  <Table.Tr key={i}>
                    {columns.map((c) => (
                      <Table.Td key={columnId(c)}>
                        <Skeleton h={18} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              ) : (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Skeleton h={60} />
                  </Table.Td>
                </Table.Tr>
              ))}
            {rows?.map((a) => (
              <Table.Tr key={a.id} data-testid={rowTestId} style={openRows && a.visible !== false ? { cursor: 'pointer' } : undefined} onClick={openRows && a.visible !== false ? open(a) : undefined}>
                {columns.map((c) => cell(c, a))}
              </Table.Tr>
            ))}
            {rows && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text ta="center" c="gray.8" py="md">
                    {t('table.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && paging.total > paging.pageSize && (
        <Group justify="center">
          <nav aria-label={t('table.pages')}>
            <VisuallyHidden>{t('table.pages')}</VisuallyHidden>
            <Pagination total={Math.ceil(paging.total / paging.pageSize)} value={paging.page} onChange={paging.onPage} getControlProps={(c) => ({ 'aria-label': c })} getItemProps={(p) => ({ 'aria-label': String(p) })} />
          </nav>
        </Group>
      )}
    </>
  );
}
