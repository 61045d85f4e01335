// The register of violations found by the system (EA-06): each with its rule, legal basis,
// organization, responsible employee and appeal; an oral or written explanation asked for by a date.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { controlQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { notify } from '../../components/notify.ts';
import { PeriodInputs, useControlPeriod } from './Layout.tsx';

type Violation = paths['/api/v1/control/violations']['get']['responses']['200']['content']['application/json']['items'][number];

function ExplanationDialog({ v, onClose }: { v: Violation; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form, setForm] = useState<'oral' | 'written'>('written');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await unwrap(api.POST('/api/v1/control/violations/{id}/explanations', { params: { path: { id: v.id } }, body: { form, dueDate } }));
      notify(t('ctl.violations.asked'), 'green');
      await changed.controlled(qc);
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    }
  };
  return (
    <Dialog onClose={onClose} title={t('ctl.violations.explain')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{v.rule}</Text>
          <NativeSelect
            label={t('ctl.violations.form')}
            value={form}
            onChange={(e) => setForm(e.currentTarget.value as 'oral' | 'written')}
            data={[
              { value: 'written', label: t('ctl.form.written') },
              { value: 'oral', label: t('ctl.form.oral') },
            ]}
          />
          <TextInput type="date" label={t('ctl.rework.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required error={error?.fields.find((f) => f.path === '/dueDate')?.message} />
          {error && error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" disabled={!dueDate}>
              {t('ctl.violations.explain')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function RecordDialog({ v, requestId, onClose }: { v: Violation; requestId: string; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    await unwrap(api.POST('/api/v1/control/violations/{id}/explanations/{requestId}', { params: { path: { id: v.id, requestId } }, body: { explanation: text } }));
    await changed.controlled(qc);
    onClose();
  };
  return (
    <Dialog onClose={onClose} title={t('ctl.violations.record')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{v.rule}</Text>
          <Textarea label={t('ctl.violations.explanations')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={3} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!text.trim()}>
              {t('ctl.quality.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export default function Violations() {
  const { t, lang, date } = useI18n();
  const { from, to } = useControlPeriod();
  const q = useQuery(controlQueries.violations({ from, to }, lang));
  const [asking, setAsking] = useState<Violation | null>(null);
  const [recording, setRecording] = useState<{ v: Violation; requestId: string } | null>(null);
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.violations.title')}
      </Title>
      <Group align="flex-end" justify="space-between">
        <PeriodInputs />
        <Button component="a" href={`/api/v1/control/violations/report.pdf?from=${from}&to=${to}`} target="_blank" rel="noopener" variant="default" data-testid="violations-report">
          {t('ctl.violations.report')}
        </Button>
      </Group>
      {q.data && items.length === 0 && <Text>{t('ctl.violations.empty')}</Text>}
      {items.length > 0 && (
        <Table data-testid="violations-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.violations.rule')}</Table.Th>
              <Table.Th>{t('ctl.violations.basis')}</Table.Th>
              <Table.Th>{t('ctl.quality.organization')}</Table.Th>
              <Table.Th>{t('ctl.violations.employee')}</Table.Th>
              <Table.Th>{t('ctl.violations.appeal')}</Table.Th>
              <Table.Th>{t('ctl.violations.detected')}</Table.Th>
              <Table.Th>{t('ctl.violations.explanations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.id} data-testid="violation-row" data-kind={v.kind}>
                <Table.Td>{v.rule}</Table.Td>
                <Table.Td>
                  <Text size="xs">{v.basis}</Text>
                </Table.Td>
                <Table.Td>{v.organization.name}</Table.Td>
                <Table.Td>{v.employee ?? '—'}</Table.Td>
                <Table.Td>
                  {v.appealId ? (
                    <Anchor component={Link} to={`/appeals/${v.appealId}`}>
                      {v.registrationNumber}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{date(v.detectedAt)}</Table.Td>
                <Table.Td>
                  {(v.explanations ?? []).map((x) => (
                    <Text key={x.id} size="xs">
                      {t(x.form === 'oral' ? 'ctl.form.oral' : 'ctl.form.written')} · {x.dueDate}
                      {x.explanation ? `: ${x.explanation}` : ''}
                      {!x.explanation && (
                        <Button size="compact-xs" variant="subtle" ml={4} onClick={() => x.id && setRecording({ v, requestId: x.id })}>
                          {t('ctl.violations.record')}
                        </Button>
                      )}
                    </Text>
                  ))}
                  <Button size="xs" variant="subtle" onClick={() => setAsking(v)}>
                    {t('ctl.violations.explain')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {asking && <ExplanationDialog v={asking} onClose={() => setAsking(null)} />}
      {recording && <RecordDialog v={recording.v} requestId={recording.requestId} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
