// Correction petitions (rules p.27–p.28): the petitions of my organizations (the statistics
// authority: those it counts) with their status, reporting period and review term; a petition
// opens with its changes, reason and documents, and its reviewer — the authority or the
// organization's head, never the petitioner — approves (the correction is applied) or rejects it
// with a comment. Petitions are filed from the appeal's card.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Skeleton, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { accountingQueries, referenceQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { useMonthName } from '../../components/period.tsx';
import { FieldValue, type Field } from '../../components/CorrectionModal.tsx';
import { Dialog } from '../../components/Dialog.tsx';

type Petition = paths['/api/v1/corrections']['get']['responses']['200']['content']['application/json']['items'][number];
type Status = NonNullable<NonNullable<paths['/api/v1/corrections']['get']['parameters']['query']>['status']>;

const STATUS_COLORS: Record<string, string> = { pending: RISK_COLORS.atRisk, applied: RISK_COLORS.onTrack, rejected: RISK_COLORS.overdue };

function PetitionStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} radius="sm" style={{ textTransform: 'none' }} data-testid="petition-status">
      {t(`acc.corrections.status.${status}` as MessageKey)}
    </Badge>
  );
}

/** The correctable fields by name (their labels and types). */
function useFields() {
  const { lang } = useI18n();
  const fields = useQuery(referenceQueries.correctionFields(lang));
  return (name: string): Field | undefined => fields.data?.items.find((f) => f.name === name);
}

function PetitionModal({ petition, onClose, onDecided }: { petition: Petition; onClose(): void; onDecided(): void }) {
  const { t, date, dateTime } = useI18n();
  const { user, hasRole } = useSession();
  const monthName = useMonthName();
  const field = useFields();
  const queryClient = useQueryClient();
  const full = useQuery(accountingQueries.correction(petition.id));
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = full.data ?? petition;
  const reviewer = p.status === 'pending' && p.petitionerId !== user?.id && (p.decidedBy === 'authority' ? hasRole('statistician') : hasRole('head'));
  const value = (name: string, v: unknown) => {
    const f = field(name);
    return f ? <FieldValue field={f} value={v} /> : String(v ?? '—');
  };
  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/corrections/{id}/decision', { params: { path: { id: petition.id } }, body: { approve, ...(comment.trim() ? { comment } : {}) } }));
      notify(t(approve ? 'acc.corrections.approved' : 'acc.corrections.rejected'), 'green');
      void changed.correctionDecided(queryClient, petition.appealId);
      onDecided();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const changedFields = Object.keys(p.changes);
  return (
    <Dialog onClose={onClose} size="lg" centered title={t('acc.corrections.petitionOf', { number: petition.registrationNumber ?? '' })}>
      <Stack gap="sm" data-testid="petition-modal">
        <Group gap="xs">
          <PetitionStatus status={p.status} />
          <Text size="sm">{t(p.decidedBy === 'authority' ? 'acc.corrections.decidedByAuthority' : 'acc.corrections.decidedByOrganization')}</Text>
        </Group>
        <dl className="dl">
          <dt>{t('acc.corrections.action')}</dt>
          <dd>
            {t(p.action === 'delete' ? 'acc.corrections.delete' : 'acc.corrections.change')}
            {p.record ? ` · ${(p.record as { kind?: string }).kind === 'tzh1' ? t('acc.corrections.wholeCard') : `ТЖ-2 ${(p.record as { decisionCode?: string }).decisionCode ?? ''}`}` : ''}
          </dd>
          <dt>{t('acc.corrections.petitioner')}</dt>
          <dd>
            {p.petitioner} · {dateTime(p.filedAt)} · {t(`acc.corrections.basis.${p.basis}` as MessageKey)}
          </dd>
          <dt>{t('acc.corrections.period')}</dt>
          <dd>
            {monthName(p.period.month)} {p.period.year} · {t('acc.corrections.reviewBy', { date: date(p.reviewDue) })}
          </dd>
          <dt>{t('acc.corrections.reason')}</dt>
          <dd>{p.reason}</dd>
          {p.reviewer && (
            <>
              <dt>{t('acc.corrections.reviewer')}</dt>
              <dd>
                {p.reviewer} · {dateTime(p.reviewedAt)}
                {p.comment ? ` — ${p.comment}` : ''}
              </dd>
            </>
          )}
        </dl>
        {changedFields.length > 0 && (
          <Table withTableBorder data-testid="petition-changes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('acc.corrections.field')}</Table.Th>
                {p.before && <Table.Th>{t('acc.corrections.before')}</Table.Th>}
                <Table.Th>{t('acc.corrections.newValueShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changedFields.map((k) => (
                <Table.Tr key={k}>
                  <Table.Td>{field(k)?.label ?? k}</Table.Td>
                  {p.before && <Table.Td>{value(k, p.before[k])}</Table.Td>}
                  <Table.Td>{value(k, p.changes[k])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <div>
          <Text size="sm" fw={600}>
            {t('acc.corrections.documents')}
          </Text>
          {full.error && (
            <Alert color="red" role="alert">
              {full.error.message}
            </Alert>
          )}
          {!full.data && !full.error && <Skeleton h={20} />}
          {full.data?.attachments.map((d) => (
            <Anchor key={d.id} size="sm" href={`/api/v1/corrections/${p.id}/attachments/${d.id}`} download={d.name} display="block">
              {d.name}
            </Anchor>
          ))}
        </div>
        {reviewer && (
          <>
            <Textarea label={t('acc.corrections.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} data-testid="petition-comment" />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" color="red" onClick={() => decide(false)} loading={busy} data-testid="petition-reject">
                {t('acc.corrections.reject')}
              </Button>
              <Button onClick={() => decide(true)} loading={busy} data-testid="petition-approve">
                {t('acc.corrections.approve')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Dialog>
  );
}

export default function Corrections() {
  const { t, date } = useI18n();
  const { hasRole } = useSession();
  const monthName = useMonthName();
  const field = useFields();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const [open, setOpen] = useState<Petition | null>(null);
  const list = useQuery(accountingQueries.corrections(status === 'all' ? undefined : status));
  useEffect(() => {
    document.title = `${t('acc.corrections.title')} — ${t('appName')}`;
  }, [t]);
  const items = list.data?.items ?? [];
  // the authority reads the cards through the report; the card itself is for the organization's staff
  const opensCards = hasRole('head');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.corrections.title')}
      </Title>
      <Text size="sm" c="gray.8">
        {t('acc.corrections.hint')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        aria-label={t('acc.corrections.statusFilter')}
        data={(['pending', 'applied', 'rejected', 'all'] as const).map((s) => ({ value: s, label: t(`acc.corrections.status.${s}` as MessageKey) }))}
      />
      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid="petitions" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('table.number')}</Table.Th>
              <Table.Th>{t('acc.corrections.request')}</Table.Th>
              <Table.Th>{t('acc.corrections.petitioner')}</Table.Th>
              <Table.Th>{t('acc.corrections.period')}</Table.Th>
              <Table.Th>{t('acc.corrections.reviewDue')}</Table.Th>
              <Table.Th>{t('table.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('acc.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!list.data && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Skeleton h={60} />
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
            {items.map((p) => (
              <Table.Tr key={p.id} data-testid="petition">
                <Table.Td className="nowrap">
                  {opensCards ? (
                    <Anchor component={Link} to={`/appeals/${p.appealId}`} fw={600}>
                      {p.registrationNumber}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {p.registrationNumber}
                    </Text>
                  )}
                  <Text size="xs" c="gray.8">
                    {p.organization.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.action === 'delete'
                      ? t('acc.corrections.delete')
                      : Object.keys(p.changes)
                          .map((k) => field(k)?.label ?? k)
                          .join(', ')}
                  </Text>
                  <Text size="xs" c="gray.8">
                    {t(p.decidedBy === 'authority' ? 'acc.corrections.decidedByAuthority' : 'acc.corrections.decidedByOrganization')}
                  </Text>
                </Table.Td>
                <Table.Td>{p.petitioner}</Table.Td>
                <Table.Td className="nowrap">
                  {monthName(p.period.month)} {p.period.year}
                </Table.Td>
                <Table.Td className="nowrap">{date(p.reviewDue)}</Table.Td>
                <Table.Td>
                  <PetitionStatus status={p.status} />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" onClick={() => setOpen(p)} data-testid="petition-open" aria-label={`${t('open')}: ${p.registrationNumber ?? ''}`}>
                    {t('open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && (
        <PetitionModal
          petition={open}
          onClose={() => setOpen(null)}
          onDecided={() => {
            setOpen(null);
          }}
        />
      )}
    </Stack>
  );
}
