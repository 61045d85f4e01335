// A reception day: the list of those signed up (PR-34), the live queue — arrivals with identity seen
// and a representative's authority (PR-19), out-of-turn categories served first (PR-21), the call of
// the next visitor shown on the hall screen — the protocol with the decision or instruction on each
// question (PR-31), and the official's cancellation (PR-24).
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { astanaInstant, astanaParts, receptionQueries, type QueueEntry } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { notify } from '../../components/notify.ts';
import { OrganizationPicker } from '../../components/pickers.tsx';
import { FormError, useSubmit } from './common.tsx';
import { RECEPTION_STAFF } from './Layout.tsx';

const CATEGORIES = ['veteranGreatPatrioticWar', 'veteranEquated', 'veteranCombat', 'labourVeteran', 'disability', 'pregnant', 'stateOrderHolder'] as const;
type Category = (typeof CATEGORIES)[number];

function ArrivalForm({ sessionId, date }: { sessionId: string; date: string }) {
  const { t } = useI18n();
  const { run, busy, error, fieldError } = useSubmit();
  const empty = { name: '', outOfTurn: '', evidence: '', arrivedAt: '', identityChecked: true, representative: false, authorityDocument: '', interpreterNeeded: false, language: 'kk' };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      name: f.name,
      identityChecked: f.identityChecked,
      representative: f.representative,
      interpreterNeeded: f.interpreterNeeded,
      language: f.language as 'kk' | 'ru',
      ...(f.outOfTurn ? { outOfTurn: f.outOfTurn as Category } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.arrivedAt ? { arrivedAt: astanaInstant(`${date}T${f.arrivedAt}`) } : {}),
      ...(f.authorityDocument ? { authorityDocument: f.authorityDocument } : {}),
    };
    const r = await run(() => unwrap(api.POST('/api/v1/reception/sessions/{id}/queue', { params: { path: { id: sessionId } }, body })));
    if (r) {
      notify(t('rc.arrived', { ticket: r.ticket, position: r.position }));
      setF(empty);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="arrival-form" aria-label={t('rc.arrive')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput label={t('rc.name')} value={f.name} onChange={set('name')} required error={fieldError('/name')} data-testid="arrival-name" />
        <NativeSelect
          label={t('rc.outOfTurn')}
          value={f.outOfTurn}
          onChange={set('outOfTurn')}
          data={[{ value: '', label: t('rc.ordinary') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`rc.ooT.${c}` as MessageKey) }))]}
          data-testid="arrival-out-of-turn"
        />
        <TextInput label={t('rc.evidence')} value={f.evidence} onChange={set('evidence')} disabled={!f.outOfTurn} data-testid="arrival-evidence" />
        <TextInput label={t('rc.arrivedAt')} type="time" value={f.arrivedAt} onChange={set('arrivedAt')} error={fieldError('/arrivedAt')} data-testid="arrival-time" />
        <Checkbox label={t('rc.identityChecked')} checked={f.identityChecked} onChange={(e) => setF({ ...f, identityChecked: e.currentTarget.checked })} />
        <Checkbox label={t('rc.representative')} checked={f.representative} onChange={(e) => setF({ ...f, representative: e.currentTarget.checked })} />
        {f.representative && <TextInput label={t('rc.authorityDocument')} value={f.authorityDocument} onChange={set('authorityDocument')} required error={fieldError('/authorityDocument')} />}
        <Checkbox label={t('rc.interpreter')} checked={f.interpreterNeeded} onChange={(e) => setF({ ...f, interpreterNeeded: e.currentTarget.checked })} />
        <NativeSelect
          label={t('rc.language')}
          value={f.language}
          onChange={set('language')}
          data={[
            { value: 'kk', label: t('rc.lang.kk') },
            { value: 'ru', label: t('rc.lang.ru') },
          ]}
        />
      </SimpleGrid>
      <Stack mt="sm" gap="xs">
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!f.name.trim()} data-testid="arrival-submit">
            {t('rc.arrive')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QueueTable({ sessionId, items, staff }: { sessionId: string; items: QueueEntry[]; staff: boolean }) {
  const { t } = useI18n();
  const { run, busy, error } = useSubmit();
  const checkIn = (e: QueueEntry) => run(() => unwrap(api.POST('/api/v1/reception/sessions/{id}/queue/{entryId}/check-in', { params: { path: { id: sessionId, entryId: e.id } }, body: { identityChecked: true } })));
  const done = (e: QueueEntry, outcome: 'served' | 'absent') =>
    run(() => unwrap(api.POST('/api/v1/reception/sessions/{id}/queue/{entryId}/done', { params: { path: { id: sessionId, entryId: e.id } }, body: { outcome } })));
  if (items.length === 0) return <Text c="gray.8">{t('rc.queueEmpty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rc.ticket')}</Table.Th>
              <Table.Th>{t('rc.name')}</Table.Th>
              <Table.Th>{t('rc.outOfTurn')}</Table.Th>
              <Table.Th>{t('rc.arrivedAt')}</Table.Th>
              <Table.Th>{t('rc.state')}</Table.Th>
              {staff && <Table.Th>{t('rc.identityChecked')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} data-testid="queue-row" data-status={e.status}>
                <Table.Td fw={700}>{e.ticket}</Table.Td>
                <Table.Td data-testid="queue-name">{e.name}</Table.Td>
                <Table.Td>
                  {e.outOfTurn ? (
                    <Text size="sm" fw={700} c="grape.9" data-testid="queue-out-of-turn">
                      {t(`rc.ooT.${e.outOfTurn}` as MessageKey)}
                      {e.evidence ? ` (${e.evidence})` : ''}
                    </Text>
                  ) : (
                    t('rc.ordinary')
                  )}
                </Table.Td>
                <Table.Td>{astanaParts(e.arrivedAt).time}</Table.Td>
                <Table.Td>{t(`rc.state.${e.status}` as MessageKey)}</Table.Td>
                {staff && (
                  <Table.Td>
                    {e.status === 'called' ? (
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" onClick={() => done(e, 'served')} loading={busy}>
                          {t('rc.served')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => done(e, 'absent')} loading={busy}>
                          {t('rc.absent')}
                        </Button>
                      </Group>
                    ) : e.identityChecked ? (
                      '✓'
                    ) : (
                      <Button size="xs" variant="light" onClick={() => checkIn(e)} loading={busy} aria-label={`${t('rc.checkIn')}: ${e.name}`} data-testid="check-in">
                        {t('rc.checkIn')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormError error={error} />
    </>
  );
}

function ProtocolForm({ sessionId, visitors }: { sessionId: string; visitors: QueueEntry[] }) {
  const { t } = useI18n();
  const { run, busy, error, fieldError } = useSubmit();
  const empty = { queueEntryId: '', question: '', decision: '', instruction: false, executor: null as string | null, dueDate: '' };
  const [f, setF] = useState(empty);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      question: f.question,
      decision: f.decision,
      ...(f.queueEntryId ? { queueEntryId: f.queueEntryId } : {}),
      ...(f.instruction && f.executor ? { instruction: { executorOrganizationId: Number(f.executor), dueDate: f.dueDate } } : {}),
    };
    if (await run(() => unwrap(api.POST('/api/v1/reception/sessions/{id}/protocol', { params: { path: { id: sessionId } }, body })))) {
      notify(t('rc.lineAdded'));
      setF(empty);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="protocol-form" aria-label={t('rc.addLine')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('rc.visitor')}
          value={f.queueEntryId}
          onChange={(e) => setF({ ...f, queueEntryId: e.currentTarget.value })}
          data={[{ value: '', label: '—' }, ...visitors.map((v) => ({ value: v.id, label: `${v.ticket} · ${v.name}` }))]}
          data-testid="protocol-visitor"
        />
        <TextInput label={t('rc.question')} value={f.question} onChange={(e) => setF({ ...f, question: e.currentTarget.value })} required error={fieldError('/question')} data-testid="protocol-question" />
      </SimpleGrid>
      <Textarea
        label={t('rc.decision')}
        value={f.decision}
        onChange={(e) => setF({ ...f, decision: e.currentTarget.value })}
        required
        autosize
        minRows={2}
        mt="sm"
        error={fieldError('/decision')}
        data-testid="protocol-decision"
      />
      <Checkbox label={t('rc.isInstruction')} checked={f.instruction} onChange={(e) => setF({ ...f, instruction: e.currentTarget.checked })} mt="sm" data-testid="protocol-instruction" />
      {f.instruction && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
          <OrganizationPicker
            label={t('rc.executor')}
            value={f.executor}
            onChange={(v) => setF({ ...f, executor: v })}
            required
            error={fieldError('/instruction/executorOrganizationId')}
            data-testid="protocol-executor"
          />
          <TextInput
            label={t('rc.dueDate')}
            type="date"
            value={f.dueDate}
            onChange={(e) => setF({ ...f, dueDate: e.currentTarget.value })}
            required
            error={fieldError('/instruction/dueDate')}
            data-testid="protocol-due"
          />
        </SimpleGrid>
      )}
      <Stack mt="sm" gap="xs">
        <FormError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!f.question.trim() || !f.decision.trim() || (f.instruction && (!f.executor || !f.dueDate))} data-testid="protocol-submit">
            {t('rc.addLine')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelForm({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { run, busy, error } = useSubmit();
  const [reason, setReason] = useState<'incapacity' | 'businessTrip' | 'other'>('incapacity');
  const cancel = async () => {
    const r = await run(() => unwrap(api.POST('/api/v1/reception/sessions/{id}/cancel', { params: { path: { id: sessionId } }, body: { reason } })));
    if (r) notify(`${t('rc.cancelled', { n: r.notified })}${r.late ? ` — ${t('rc.cancelledLate')}` : ''}`, r.late ? 'red' : 'green');
  };
  return (
    <Group align="flex-end">
      <NativeSelect
        label={t('rc.cancelReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as typeof reason)}
        data={(['incapacity', 'businessTrip', 'other'] as const).map((r) => ({ value: r, label: t(`rc.reason.${r}`) }))}
      />
      <Button color="red.9" variant="outline" onClick={cancel} loading={busy} data-testid="cancel-session">
        {t('rc.cancel')}
      </Button>
      <FormError error={error} />
    </Group>
  );
}

export default function SessionDay() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { hasRole } = useSession();
  const staff = hasRole(...RECEPTION_STAFF);
  const session = useQuery(receptionQueries.session(id));
  // the queue changes at the desk and in the hall: asked again every few seconds
  const queue = useQuery({ ...receptionQueries.queue(id), refetchInterval: 5_000 });
  const signUps = useQuery(receptionQueries.sessionSignUps(id));
  const protocol = useQuery(receptionQueries.protocol(id));
  const { run, busy, error } = useSubmit();
  const s = session.data;
  const start = s ? astanaParts(s.startsAt) : null;
  useEffect(() => {
    document.title = `${t('rc.day')} — ${t('appName')}`;
  }, [t]);
  const callNext = async () => {
    const r = await run(() => unwrap(api.POST('/api/v1/reception/sessions/{id}/call-next', { params: { path: { id } } })));
    if (r) notify(t('rc.called', { ticket: r.ticket }));
  };
  if (session.error)
    return (
      <Alert color="red" role="alert">
        {session.error.message}
      </Alert>
    );
  const planned = s?.status === 'planned';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t('rc.day')}
          {s && start ? `: ${s.official.name}, ${start.date} ${start.time}` : ''}
        </Title>
        <Group>
          {s && <Badge color={planned ? 'blue.9' : 'red.9'}>{t(`rc.status.${s.status}` as MessageKey)}</Badge>}
          <Anchor component={Link} to={`/public/reception/hall/${id}`} target="_blank" data-testid="hall-link">
            {t('rc.hall')}
          </Anchor>
        </Group>
      </Group>
      {s && (
        <Text c="gray.8">
          {(lang === 'ru' ? s.official.positionRu : s.official.positionKk) || ''} · {s.place} · {t(`rc.format.${s.format}` as MessageKey)}
          {s.videoUrl ? ` · ${s.videoUrl}` : ''}
        </Text>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="list-title">
        <Title order={2} size="h4" id="list-title" mb="xs">
          {t('rc.list')}
        </Title>
        {(signUps.data?.items.length ?? 0) === 0 ? (
          <Text c="gray.8">—</Text>
        ) : (
          <Table data-testid="session-sign-ups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rc.number')}</Table.Th>
                <Table.Th>{t('rc.applicant')}</Table.Th>
                <Table.Th>{t('rc.question')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signUps.data?.items.map((u) => (
                <Table.Tr key={u.appealId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/appeals/${u.appealId}`}>
                      {u.registrationNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.applicant}</Table.Td>
                  <Table.Td>{u.question}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="queue-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="queue-title">
            {t('rc.queue')}
          </Title>
          {staff && planned && (
            <Button onClick={callNext} loading={busy} data-testid="call-next">
              {t('rc.callNext')}
            </Button>
          )}
        </Group>
        <FormError error={error} />
        <QueueTable sessionId={id} items={queue.data?.items ?? []} staff={staff && planned} />
        {staff && planned && s && (
          <Paper mt="md" p="sm" bg="gray.0">
            <ArrivalForm sessionId={id} date={astanaParts(s.startsAt).date} />
          </Paper>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="protocol-title">
        <Title order={2} size="h4" id="protocol-title" mb="xs">
          {t('rc.protocol')}
        </Title>
        {(protocol.data?.lines.length ?? 0) === 0 ? (
          <Text c="gray.8">{t('rc.noLines')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped data-testid="protocol">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rc.line')}</Table.Th>
                  <Table.Th>{t('rc.visitor')}</Table.Th>
                  <Table.Th>{t('rc.question')}</Table.Th>
                  <Table.Th>{t('rc.decision')}</Table.Th>
                  <Table.Th>{t('rc.instruction')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {protocol.data?.lines.map((l) => (
                  <Table.Tr key={l.id} data-testid="protocol-line">
                    <Table.Td>{l.lineNo}</Table.Td>
                    <Table.Td>{l.visitor ?? '—'}</Table.Td>
                    <Table.Td>{l.question}</Table.Td>
                    <Table.Td>{l.decision}</Table.Td>
                    <Table.Td>{l.instruction ? `${lang === 'ru' ? l.instruction.executor.ru : l.instruction.executor.kk} · ${l.instruction.dueDate}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {staff && (
          <Paper mt="md" p="sm" bg="gray.0">
            <ProtocolForm sessionId={id} visitors={[...(queue.data?.items ?? []), ...(queue.data?.done ?? [])]} />
          </Paper>
        )}
      </Paper>

      {staff && planned && (
        <Paper withBorder p="md" component="section" aria-label={t('rc.cancel')}>
          <CancelForm sessionId={id} />
        </Paper>
      )}
    </Stack>
  );
}
