// Checks of the bodies below the akimat (CD-32 on-site, CD-37 record-keeping): planned with date,
// place and participants, then held with findings and follow-up; below, disciplinary proposals
// (CD-34) and briefings of new employees (CD-38) (Department.tsx).
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { controlQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrganizationPicker } from '../../components/pickers.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { notify } from '../../components/notify.ts';
import { Department } from './Department.tsx';

type Check = paths['/api/v1/control/checks']['get']['responses']['200']['content']['application/json']['items'][number];
type Kind = 'onSite' | 'recordKeeping';

function PlanForm() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('onSite');
  const [organization, setOrganization] = useState<string | null>(null);
  const [plannedOn, setPlannedOn] = useState('');
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/control/checks', { body: { kind, organizationId: Number(organization), plannedOn, place, participants } }));
      notify(t('ctl.checks.planned'), 'green');
      setPlace('');
      setParticipants('');
      await changed.controlled(qc);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-check">
      <Title order={2} size="h4" id="plan-check" mb="sm">
        {t('ctl.checks.plan')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect
              label={t('ctl.checks.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as Kind)}
              data={[
                { value: 'onSite', label: t('ctl.checks.onSite') },
                { value: 'recordKeeping', label: t('ctl.checks.recordKeeping') },
              ]}
            />
            <TextInput type="date" label={t('ctl.checks.plannedOn')} value={plannedOn} onChange={(e) => setPlannedOn(e.currentTarget.value)} required />
          </Group>
          <OrganizationPicker label={t('ctl.quality.organization')} value={organization} onChange={setOrganization} mine required />
          <TextInput label={t('ctl.checks.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required />
          <Textarea label={t('ctl.checks.participants')} value={participants} onChange={(e) => setParticipants(e.currentTarget.value)} required autosize minRows={2} />
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" disabled={!organization || !plannedOn || !place.trim() || !participants.trim()}>
              {t('ctl.checks.plan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function FindingsDialog({ check, onClose }: { check: Check; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [findings, setFindings] = useState('');
  const [followUp, setFollowUp] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    await unwrap(api.POST('/api/v1/control/checks/{id}/findings', { params: { path: { id: check.id } }, body: { findings, ...(followUp ? { followUp } : {}) } }));
    await changed.controlled(qc);
    onClose();
  };
  return (
    <Dialog onClose={onClose} title={t('ctl.checks.findings')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t('ctl.checks.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} required autosize minRows={3} />
          <Textarea label={t('ctl.checks.followUp')} value={followUp} onChange={(e) => setFollowUp(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!findings.trim()}>
              {t('ctl.quality.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export default function Checks() {
  const { t, lang } = useI18n();
  const q = useQuery(controlQueries.checks(lang));
  const [open, setOpen] = useState<Check | null>(null);
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.checks.title')}
      </Title>
      <PlanForm />
      {q.data && items.length === 0 && <Text>{t('ctl.checks.empty')}</Text>}
      {items.length > 0 && (
        <Table striped data-testid="checks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.checks.kind')}</Table.Th>
              <Table.Th>{t('ctl.quality.organization')}</Table.Th>
              <Table.Th>{t('ctl.checks.plannedOn')}</Table.Th>
              <Table.Th>{t('ctl.checks.place')}</Table.Th>
              <Table.Th>{t('ctl.checks.findings')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{t(c.kind === 'onSite' ? 'ctl.checks.onSite' : 'ctl.checks.recordKeeping')}</Table.Td>
                <Table.Td>{c.organization.name}</Table.Td>
                <Table.Td>{c.plannedOn}</Table.Td>
                <Table.Td>{c.place}</Table.Td>
                <Table.Td>
                  {c.findings ? (
                    <Text size="sm">
                      {c.heldOn}: {c.findings}
                      {c.followUp ? ` — ${c.followUp}` : ''}
                    </Text>
                  ) : (
                    <Button size="xs" variant="default" onClick={() => setOpen(c)}>
                      {t('ctl.checks.record')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <FindingsDialog check={open} onClose={() => setOpen(null)} />}
      <Department />
    </Stack>
  );
}
