// Control over the territory, besides checks: disciplinary proposals with their outcome monitored
// (CD-34: pending, overdue, decided) and briefings of new employees on the law on appeals (CD-38:
// those not briefed yet, and the briefings held).
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { controlQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { OrganizationPicker } from '../../components/pickers.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { notify } from '../../components/notify.ts';
import { DISCIPLINARY_PENALTIES } from '../../../../src/domain/control-department.ts';

type Proposal = paths['/api/v1/control/disciplinary-proposals']['get']['responses']['200']['content']['application/json']['items'][number];
type Employee = paths['/api/v1/control/briefings']['get']['responses']['200']['content']['application/json']['notBriefed'][number]['employee'];
const STATE_COLOR: Record<string, string> = { pending: 'blue', overdue: 'red.9', decided: 'green.9' };

function useAct() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    try {
      await run();
      notify(done, 'green');
      await changed.controlled(qc);
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
      return false;
    }
  };
  const alert = error && (
    <Alert color="red" role="alert">
      {error.message}
    </Alert>
  );
  return { act, alert };
}

function OutcomeDialog({ proposal, onClose }: { proposal: Proposal; onClose(): void }) {
  const { t } = useI18n();
  const { act, alert } = useAct();
  const [outcome, setOutcome] = useState<'imposed' | 'notImposed'>('imposed');
  const [penalty, setPenalty] = useState<(typeof DISCIPLINARY_PENALTIES)[number]>('remark');
  const [decidedOn, setDecidedOn] = useState('');
  const [note, setNote] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = { outcome, decidedOn, ...(outcome === 'imposed' ? { penalty } : {}), ...(note ? { note } : {}) };
    if (await act(() => unwrap(api.POST('/api/v1/control/disciplinary-proposals/{id}/outcome', { params: { path: { id: proposal.id } }, body })), t('ctl.dept.outcomeRecorded'))) onClose();
  };
  return (
    <Dialog onClose={onClose} title={`${t('ctl.dept.outcome')}: ${proposal.officialName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('ctl.dept.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as 'imposed' | 'notImposed')}
            data={[
              { value: 'imposed', label: t('ctl.dept.outcome.imposed') },
              { value: 'notImposed', label: t('ctl.dept.outcome.notImposed') },
            ]}
          />
          {outcome === 'imposed' && (
            <NativeSelect
              label={t('ctl.dept.penalty')}
              value={penalty}
              onChange={(e) => setPenalty(e.currentTarget.value as typeof penalty)}
              data={DISCIPLINARY_PENALTIES.map((p) => ({ value: p, label: t(`ctl.dept.penalty.${p}` as MessageKey) }))}
            />
          )}
          <TextInput type="date" label={t('ctl.dept.decidedOn')} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} required />
          <Textarea label={t('ctl.dept.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          {alert}
          <Group justify="flex-end">
            <Button type="submit" disabled={!decidedOn}>
              {t('ctl.quality.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function Proposals() {
  const { t, lang } = useI18n();
  const q = useQuery(controlQueries.proposals(lang));
  const { act, alert } = useAct();
  const [organization, setOrganization] = useState<string | null>(null);
  const [officialName, setOfficialName] = useState('');
  const [officialPosition, setOfficialPosition] = useState('');
  const [ground, setGround] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [open, setOpen] = useState<Proposal | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = { organizationId: Number(organization), officialName, officialPosition, ground, dueDate };
    if (await act(() => unwrap(api.POST('/api/v1/control/disciplinary-proposals', { body })), t('ctl.dept.proposed'))) {
      setOfficialName('');
      setOfficialPosition('');
      setGround('');
    }
  };
  const items = q.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="proposals-title">
      <Title order={2} size="h4" id="proposals-title" mb="sm">
        {t('ctl.dept.proposals')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <OrganizationPicker label={t('ctl.quality.organization')} value={organization} onChange={setOrganization} mine required />
          <Group grow align="flex-start">
            <TextInput label={t('ctl.dept.official')} value={officialName} onChange={(e) => setOfficialName(e.currentTarget.value)} required />
            <TextInput label={t('ctl.dept.position')} value={officialPosition} onChange={(e) => setOfficialPosition(e.currentTarget.value)} required />
            <TextInput type="date" label={t('ctl.dept.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required />
          </Group>
          <Textarea label={t('ctl.dept.ground')} value={ground} onChange={(e) => setGround(e.currentTarget.value)} required autosize minRows={2} />
          {alert}
          <Group justify="flex-end">
            <Button type="submit" disabled={!organization || !officialName.trim() || !officialPosition.trim() || !ground.trim() || !dueDate}>
              {t('ctl.dept.propose')}
            </Button>
          </Group>
        </Stack>
      </form>
      {items.length > 0 && (
        <Table mt="sm" data-testid="proposals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.dept.official')}</Table.Th>
              <Table.Th>{t('ctl.quality.organization')}</Table.Th>
              <Table.Th>{t('ctl.dept.dueDate')}</Table.Th>
              <Table.Th>{t('ctl.note.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {p.officialName}, {p.officialPosition}
                </Table.Td>
                <Table.Td>{p.organization.name}</Table.Td>
                <Table.Td>{p.dueDate}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge variant="outline" color={STATE_COLOR[p.state]}>
                      {t(`ctl.dept.state.${p.state}` as MessageKey)}
                    </Badge>
                    {p.outcome ? (
                      <Text size="sm">
                        {p.decidedOn}: {p.penalty ? t(`ctl.dept.penalty.${p.penalty}` as MessageKey) : t('ctl.dept.outcome.notImposed')}
                      </Text>
                    ) : (
                      <Button size="xs" variant="default" onClick={() => setOpen(p)}>
                        {t('ctl.dept.outcome')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <OutcomeDialog proposal={open} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

function BriefingDialog({ employee, onClose }: { employee: Employee; onClose(): void }) {
  const { t } = useI18n();
  const { act, alert } = useAct();
  const [briefedOn, setBriefedOn] = useState('');
  const [topic, setTopic] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await act(() => unwrap(api.POST('/api/v1/control/briefings', { body: { employeeId: employee.id, briefedOn, topic } })), t('ctl.dept.briefed'))) onClose();
  };
  return (
    <Dialog onClose={onClose} title={`${t('ctl.dept.brief')}: ${employee.fullName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput type="date" label={t('ctl.dept.briefedOn')} value={briefedOn} onChange={(e) => setBriefedOn(e.currentTarget.value)} required />
          <Textarea label={t('ctl.dept.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} required autosize minRows={2} />
          {alert}
          <Group justify="flex-end">
            <Button type="submit" disabled={!briefedOn || !topic.trim()}>
              {t('ctl.quality.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function Briefings() {
  const { t, lang } = useI18n();
  const q = useQuery(controlQueries.briefings(lang));
  const [open, setOpen] = useState<Employee | null>(null);
  const waiting = q.data?.notBriefed ?? [];
  const held = q.data?.held ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="briefings-title">
      <Title order={2} size="h4" id="briefings-title" mb="sm">
        {t('ctl.dept.briefings')}
      </Title>
      <Title order={3} size="h5" mb={4}>
        {t('ctl.dept.notBriefed')}
      </Title>
      {q.data && waiting.length === 0 && <Text size="sm">{t('ctl.dept.allBriefed')}</Text>}
      {waiting.length > 0 && (
        <Table data-testid="not-briefed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.dept.employee')}</Table.Th>
              <Table.Th>{t('ctl.quality.organization')}</Table.Th>
              <Table.Th>{t('ctl.note.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.map((w) => (
              <Table.Tr key={w.employee.id}>
                <Table.Td>
                  {w.employee.fullName}, {w.employee.position}
                </Table.Td>
                <Table.Td>{w.employee.organization.name}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setOpen(w.employee)}>
                    {t('ctl.dept.brief')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {held.length > 0 && (
        <Table mt="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.dept.briefedOn')}</Table.Th>
              <Table.Th>{t('ctl.dept.employee')}</Table.Th>
              <Table.Th>{t('ctl.dept.topic')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {held.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.briefedOn}</Table.Td>
                <Table.Td>
                  {b.employee.fullName} — {b.employee.organization.name}
                </Table.Td>
                <Table.Td>{b.topic}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <BriefingDialog employee={open} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

export function Department() {
  return (
    <>
      <Proposals />
      <Briefings />
    </>
  );
}
