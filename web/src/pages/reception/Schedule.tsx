// The month's reception schedule of my organization (PR-16): the receiving officials (PR-02), the
// sessions with their occasion and format (PR-14, PR-18, PR-22), the head's approval (PR-15), and
// the link to the public schedule (PR-17). The month lives in the address.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { astanaInstant, astanaParts, receptionQueries } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { FormError, useSubmit } from './common.tsx';
import { RECEPTION_STAFF } from './Layout.tsx';

const KINDS = ['centralBodyHead', 'akim', 'centralBodyApparatusHead', 'akimApparatusHead', 'unitHead', 'authorizedEmployee'] as const;
const OCCASIONS = ['scheduled', 'withinPopulationMeeting', 'afterPopulationMeeting', 'offSchedule', 'visiting', 'receptionCentre'] as const;

function OfficialForm() {
  const { t } = useI18n();
  const { run, busy, error, fieldError } = useSubmit();
  const empty = { fullName: '', positionKk: '', positionRu: '', kind: 'akim', phone: '', email: '' };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = { fullName: f.fullName, positionKk: f.positionKk, positionRu: f.positionRu, kind: f.kind as (typeof KINDS)[number], ...(f.phone ? { phone: f.phone } : {}), ...(f.email ? { email: f.email } : {}) };
    if (await run(() => unwrap(api.POST('/api/v1/reception/officials', { body })))) {
      notify(t('rc.officialAdded'));
      setF(empty);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="official-form" aria-labelledby="official-form-title">
      <Title order={3} size="h5" id="official-form-title" mb="xs">
        {t('rc.addOfficial')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t('rc.fullName')} value={f.fullName} onChange={set('fullName')} required error={fieldError('/fullName')} data-testid="official-name" />
        <TextInput label={t('rc.positionKk')} value={f.positionKk} onChange={set('positionKk')} required lang="kk" error={fieldError('/positionKk')} data-testid="official-position-kk" />
        <TextInput label={t('rc.positionRu')} value={f.positionRu} onChange={set('positionRu')} required lang="ru" error={fieldError('/positionRu')} data-testid="official-position-ru" />
        <NativeSelect label={t('rc.kind')} value={f.kind} onChange={set('kind')} data={KINDS.map((k) => ({ value: k, label: t(`rc.kind.${k}` as MessageKey) }))} data-testid="official-kind" />
        <TextInput label={t('rc.phone')} value={f.phone} onChange={set('phone')} type="tel" />
        <TextInput label={t('rc.email')} value={f.email} onChange={set('email')} type="email" />
      </SimpleGrid>
      <Stack mt="sm" gap="xs">
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!f.fullName.trim() || !f.positionKk.trim() || !f.positionRu.trim()} data-testid="official-submit">
            {t('rc.addOfficial')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SessionForm() {
  const { t } = useI18n();
  const officials = useQuery(receptionQueries.officials());
  const { run, busy, error, fieldError } = useSubmit();
  const empty = { officialId: '', startsAt: '', endsAt: '', place: '', format: 'inPerson', occasion: 'scheduled', instructionIssuer: '', instructionDate: '', settlement: '' };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const officialId = f.officialId || officials.data?.items[0]?.id || '';
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      officialId,
      startsAt: astanaInstant(f.startsAt),
      endsAt: astanaInstant(f.endsAt),
      place: f.place,
      format: f.format as 'inPerson' | 'video',
      occasion: f.occasion as (typeof OCCASIONS)[number],
      ...(f.instructionIssuer ? { instructionIssuer: f.instructionIssuer } : {}),
      ...(f.instructionDate ? { instructionDate: f.instructionDate } : {}),
      ...(f.settlement ? { settlement: f.settlement } : {}),
    };
    if (await run(() => unwrap(api.POST('/api/v1/reception/sessions', { body })))) {
      notify(t('rc.sessionPlanned'));
      setF({ ...empty, officialId });
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="session-form" aria-labelledby="session-form-title">
      <Title order={3} size="h5" id="session-form-title" mb="xs">
        {t('rc.planSession')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label={t('rc.official')}
          value={officialId}
          onChange={set('officialId')}
          data={(officials.data?.items ?? []).map((o) => ({ value: o.id, label: o.fullName }))}
          error={fieldError('/officialId')}
          data-testid="session-official"
        />
        <TextInput label={t('rc.startsAt')} type="datetime-local" value={f.startsAt} onChange={set('startsAt')} required error={fieldError('/startsAt')} data-testid="session-starts" />
        <TextInput label={t('rc.endsAt')} type="datetime-local" value={f.endsAt} onChange={set('endsAt')} required error={fieldError('/endsAt')} data-testid="session-ends" />
        <TextInput label={t('rc.place')} value={f.place} onChange={set('place')} required error={fieldError('/place')} data-testid="session-place" />
        <NativeSelect
          label={t('rc.format')}
          value={f.format}
          onChange={set('format')}
          data={['inPerson', 'video'].map((v) => ({ value: v, label: t(`rc.format.${v}` as MessageKey) }))}
          error={fieldError('/format')}
          data-testid="session-format"
        />
        <NativeSelect label={t('rc.occasion')} value={f.occasion} onChange={set('occasion')} data={OCCASIONS.map((v) => ({ value: v, label: t(`rc.occasion.${v}` as MessageKey) }))} data-testid="session-occasion" />
        {f.occasion === 'offSchedule' && (
          <>
            <TextInput label={t('rc.instructionIssuer')} value={f.instructionIssuer} onChange={set('instructionIssuer')} required error={fieldError('/instructionIssuer')} />
            <TextInput label={t('rc.instructionDate')} type="date" value={f.instructionDate} onChange={set('instructionDate')} required error={fieldError('/instructionDate')} />
          </>
        )}
        {f.occasion === 'visiting' && <TextInput label={t('rc.settlement')} value={f.settlement} onChange={set('settlement')} required error={fieldError('/settlement')} />}
      </SimpleGrid>
      <Stack mt="sm" gap="xs">
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!officialId || !f.startsAt || !f.endsAt || !f.place.trim()} data-testid="session-submit">
            {t('rc.planSession')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function Schedule() {
  const { t, dateTime } = useI18n();
  const { hasRole, user } = useSession();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('month') ?? '';
  const schedule = useQuery(receptionQueries.schedule(asked));
  const officials = useQuery(receptionQueries.officials());
  const month = schedule.data?.month ?? asked;
  const { run, busy, error } = useSubmit();
  useEffect(() => {
    document.title = `${t('rc.sessions')} — ${t('appName')}`;
  }, [t]);
  const approve = async () => {
    if (await run(() => unwrap(api.POST('/api/v1/reception/schedule/approval', { body: { month } })))) notify(t('rc.approved'));
  };
  const approval = schedule.data?.approval;
  const staff = hasRole(...RECEPTION_STAFF);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('rc.sessions')}
        </Title>
        <Group align="flex-end">
          <TextInput label={t('rc.month')} type="month" value={month} onChange={(e) => setSearch({ month: e.currentTarget.value }, { replace: true })} data-testid="schedule-month" />
          <Anchor component={Link} to={`/public/reception?organization=${user?.organization?.id ?? ''}`} target="_blank">
            {t('rc.publicLink')}
          </Anchor>
          {month && (
            <Anchor href={`/api/v1/public/reception/schedule/poster.pdf?organization=${user?.organization?.id ?? ''}&month=${month}`} target="_blank" data-testid="poster-link">
              {t('rc.poster')}
            </Anchor>
          )}
        </Group>
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="approval-title" data-testid="approval">
        <Title order={2} size="h4" id="approval-title" mb="xs">
          {t('rc.approval')}
        </Title>
        {approval ? (
          <Text data-testid="approved-by">{t('rc.approvedBy', { name: approval.approvedBy, position: approval.position, at: dateTime(approval.approvedAt) })}</Text>
        ) : (
          <Group justify="space-between">
            <Text>{t('rc.notApproved', { month })}</Text>
            {hasRole('head') && (
              <Button onClick={approve} loading={busy} data-testid="approve">
                {t('rc.approve')}
              </Button>
            )}
          </Group>
        )}
        <FormError error={error} />
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
        <Title order={2} size="h4" id="sessions-title" mb="xs">
          {t('rc.sessions')}
        </Title>
        {schedule.isPending ? (
          <Skeleton h={80} />
        ) : (schedule.data?.items.length ?? 0) === 0 ? (
          <Text c="gray.8">{t('rc.noSessions')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped data-testid="sessions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rc.when')}</Table.Th>
                  <Table.Th>{t('rc.official')}</Table.Th>
                  <Table.Th>{t('rc.place')}</Table.Th>
                  <Table.Th>{t('rc.format')}</Table.Th>
                  <Table.Th>{t('rc.occasion')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('rc.open')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schedule.data?.items.map((s) => {
                  const start = astanaParts(s.startsAt);
                  return (
                    <Table.Tr key={s.id} data-testid="session-row">
                      <Table.Td>{`${start.date} ${start.time}–${astanaParts(s.endsAt).time}`}</Table.Td>
                      <Table.Td>{s.official.name}</Table.Td>
                      <Table.Td>{s.place}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={s.format === 'video' ? 'grape.9' : 'blue.9'} styles={{ label: { overflow: 'visible' } }}>
                          {t(`rc.format.${s.format}` as MessageKey)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{t(`rc.occasion.${s.occasion}` as MessageKey)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/reception/sessions/${s.id}`} data-testid="open-session">
                          {t('rc.open')}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {staff && (
          <Paper mt="md" p="sm" bg="gray.0">
            <SessionForm />
          </Paper>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="officials-title">
        <Title order={2} size="h4" id="officials-title" mb="xs">
          {t('rc.officials')}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="officials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rc.fullName')}</Table.Th>
                <Table.Th>{t('rc.public.position')}</Table.Th>
                <Table.Th>{t('rc.kind')}</Table.Th>
                <Table.Th>{t('rc.compliance.organization')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {officials.data?.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.fullName}</Table.Td>
                  <Table.Td>{o.positionKk}</Table.Td>
                  <Table.Td>{t(`rc.kind.${o.kind}` as MessageKey)}</Table.Td>
                  <Table.Td>{o.organization.kk}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {staff && (
          <Paper mt="md" p="sm" bg="gray.0">
            <OfficialForm />
          </Paper>
        )}
      </Paper>
    </Stack>
  );
}
