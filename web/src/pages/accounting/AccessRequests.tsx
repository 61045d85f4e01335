// Access requests (rules p.25–p.26): employees apply with an EDS-signed application naming the
// organization and roles (POST /access-requests, from their own signing tool); the statistics
// authority's territorial department sees those of the organizations it counts, with the signer's
// certificate, and approves (the user is created) or refuses with a reason.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, SegmentedControl, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { accountingQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { Dialog } from '../../components/Dialog.tsx';

type Request = paths['/api/v1/access-requests']['get']['responses']['200']['content']['application/json']['items'][number];
type Status = Request['status'];
const COLORS: Record<Status, string> = { pending: RISK_COLORS.atRisk, approved: RISK_COLORS.onTrack, refused: RISK_COLORS.overdue };

export default function AccessRequests() {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const queryClient = useQueryClient();
  const list = useQuery(accountingQueries.accessRequests(status === 'all' ? undefined : status));
  const [refusing, setRefusing] = useState<Request | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${t('acc.access.title')} — ${t('appName')}`;
  }, [t]);

  const decide = async (r: Request, approve: boolean) => {
    setBusy(r.id);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/access-requests/{id}/decision', { params: { path: { id: r.id } }, body: approve ? { approve } : { approve, reason } }));
      notify(t(approve ? 'acc.access.approvedDone' : 'acc.access.refusedDone', { login: r.login }), 'green');
      setRefusing(null);
      setReason('');
      void changed.accessRequests(queryClient);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(null);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acc.access.title')}
      </Title>
      <Text size="sm" c="gray.8">
        {t('acc.access.hint')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        aria-label={t('acc.access.statusFilter')}
        data={(['pending', 'approved', 'refused', 'all'] as const).map((s) => ({ value: s, label: t(`acc.access.status.${s}` as MessageKey) }))}
      />
      {(list.error || (error && !refusing)) && (
        <Alert color="red" role="alert">
          {(list.error ?? error)!.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="access-requests" aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('acc.access.applicant')}</Table.Th>
              <Table.Th>{t('acc.organization')}</Table.Th>
              <Table.Th>{t('acc.access.roles')}</Table.Th>
              <Table.Th>{t('acc.access.signer')}</Table.Th>
              <Table.Th>{t('acc.access.filed')}</Table.Th>
              <Table.Th>{t('table.status')}</Table.Th>
              <Table.Th>{t('acc.actions')}</Table.Th>
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
              <Table.Tr key={r.id} data-testid="access-request">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.fullName}
                  </Text>
                  <Text size="xs" c="gray.8">
                    {r.position} · {r.login}
                    {r.email ? ` · ${r.email}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{r.organization.code}</Table.Td>
                <Table.Td>{r.roles.map((x) => t(`role.${x}` as MessageKey)).join(', ')}</Table.Td>
                <Table.Td>
                  <Text size="xs">{String((r.signer as { commonName?: string } | null)?.commonName ?? '—')}</Text>
                </Table.Td>
                <Table.Td className="nowrap">{dateTime(r.filedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={COLORS[r.status]} radius="sm" style={{ textTransform: 'none' }}>
                    {t(`acc.access.status.${r.status}` as MessageKey)}
                  </Badge>
                  {r.decidedBy && (
                    <Text size="xs" c="gray.8">
                      {r.decidedBy} · {dateTime(r.decidedAt)}
                    </Text>
                  )}
                  {r.refusalReason && <Text size="xs">{r.refusalReason}</Text>}
                </Table.Td>
                <Table.Td>
                  {r.status === 'pending' && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" onClick={() => decide(r, true)} loading={busy === r.id} data-testid="access-approve">
                        {t('acc.access.approve')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => {
                          setError(null);
                          setRefusing(r);
                        }}
                        data-testid="access-refuse"
                      >
                        {t('acc.access.refuse')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {refusing && (
        <Dialog onClose={() => setRefusing(null)} title={t('acc.access.refuseTitle', { name: refusing.fullName })} centered>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void decide(refusing, false);
            }}
            noValidate
          >
            <Stack>
              <Textarea
                label={t('acc.access.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                autosize
                minRows={3}
                error={error?.fields.find((f) => f.path === '/reason')?.message}
                data-autofocus
              />
              {error && error.fields.length === 0 && (
                <Alert color="red" role="alert">
                  {error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setRefusing(null)}>
                  {t('cancel')}
                </Button>
                <Button type="submit" loading={busy === refusing.id}>
                  {t('acc.access.refuse')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Dialog>
      )}
    </Stack>
  );
}
