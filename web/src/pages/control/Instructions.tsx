// The register of instructions under control (CD-29…CD-36, EA-07): filters by state, issuer and
// due this week; a new instruction recorded with its issuer, text, due date and main executor.
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { controlQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { OrganizationPicker } from '../../components/pickers.tsx';
import { notify } from '../../components/notify.ts';

type Body = paths['/api/v1/instructions']['post']['requestBody']['content']['application/json'];
type Issuer = Body['issuer'];
const ISSUERS: Issuer[] = ['president', 'stateCounsellor', 'presidentialAdministration', 'paControlDepartment', 'government', 'akim', 'higherAkim', 'head', 'receptionProtocol'];
const STATES = ['underControl', 'overdue', 'removed'] as const;
const STATE_COLORS = { underControl: 'blue.9', overdue: 'red.9', removed: 'gray.8' } as const;

function NewInstruction() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [issuer, setIssuer] = useState<Issuer>('akim');
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [basis, setBasis] = useState('');
  const [executor, setExecutor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (p: string) => error?.fields.find((f) => f.path.startsWith(p))?.message;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Body = { issuer, text, dueDate, appealIds: [], executors: [{ organizationId: Number(executor), main: true }], ...(basis ? { basisDocument: basis } : {}) };
      await unwrap(api.POST('/api/v1/instructions', { body }));
      notify(t('ctl.instructions.recorded'), 'green');
      setText('');
      setDueDate('');
      setBasis('');
      await changed.controlled(qc);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-instruction">
      <Title order={2} size="h4" id="new-instruction" mb="sm">
        {t('ctl.instructions.new')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="instruction-form">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect
              label={t('ctl.instructions.issuer')}
              value={issuer}
              onChange={(e) => setIssuer(e.currentTarget.value as Issuer)}
              data={ISSUERS.map((i) => ({ value: i, label: t(`ctl.issuer.${i}` as MessageKey) }))}
              data-testid="instruction-issuer"
            />
            <TextInput type="date" label={t('ctl.instructions.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required error={fieldError('/dueDate')} data-testid="instruction-due" />
          </Group>
          <OrganizationPicker label={t('ctl.instructions.mainExecutor')} value={executor} onChange={setExecutor} mine required error={fieldError('/executors')} data-testid="instruction-executor" />
          <Textarea label={t('ctl.instructions.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={2} error={fieldError('/text')} data-testid="instruction-text" />
          <TextInput label={t('ctl.instructions.basis')} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} />
          {error && error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!text.trim() || !dueDate || !executor} data-testid="instruction-submit">
              {t('ctl.instructions.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** CD-22: the semi-annual report on the instructions of the President and the PA. */
function SemiAnnualReport() {
  const { t } = useI18n();
  const now = new Date();
  const [half, setHalf] = useState(`${now.getFullYear()}-${now.getMonth() < 6 ? 1 : 2}`);
  const [year, h] = half.split('-');
  const options = [now.getFullYear(), now.getFullYear() - 1].flatMap((y) => [2, 1].map((x) => ({ value: `${y}-${x}`, label: t('ctl.instructions.half', { year: y, half: x }) })));
  return (
    <Group gap="xs" align="flex-end" ml="auto">
      <NativeSelect label={t('ctl.instructions.report')} value={half} onChange={(e) => setHalf(e.currentTarget.value)} data={options} />
      <Button component="a" href={`/api/v1/instructions/semi-annual-report.xlsx?year=${year}&half=${h}`} download variant="default">
        XLSX
      </Button>
      <Button component="a" href={`/api/v1/instructions/semi-annual-report.pdf?year=${year}&half=${h}`} target="_blank" rel="noopener" variant="default">
        PDF
      </Button>
    </Group>
  );
}

export default function Instructions() {
  const { t, lang } = useI18n();
  const [state, setState] = useState<(typeof STATES)[number] | ''>('');
  const [issuer, setIssuer] = useState<Issuer | ''>('');
  const [week, setWeek] = useState(false);
  const q = useQuery(controlQueries.instructions({ ...(state ? { state } : {}), ...(issuer ? { issuer } : {}), ...(week ? { dueThisWeek: true } : {}) }, lang));
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.instructions.title')}
      </Title>
      <NewInstruction />
      <Group align="flex-end">
        <NativeSelect
          label={t('ctl.instructions.state')}
          value={state}
          onChange={(e) => setState(e.currentTarget.value as typeof state)}
          data={[{ value: '', label: t('ctl.instructions.any') }, ...STATES.map((s) => ({ value: s, label: t(`ctl.state.${s}` as MessageKey) }))]}
        />
        <NativeSelect
          label={t('ctl.instructions.issuer')}
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value as Issuer | '')}
          data={[{ value: '', label: t('ctl.instructions.any') }, ...ISSUERS.map((i) => ({ value: i, label: t(`ctl.issuer.${i}` as MessageKey) }))]}
        />
        <Checkbox label={t('ctl.instructions.dueThisWeek')} checked={week} onChange={(e) => setWeek(e.currentTarget.checked)} mb={8} />
        <SemiAnnualReport />
      </Group>
      {q.data && items.length === 0 && <Text>{t('ctl.instructions.empty')}</Text>}
      {items.length > 0 && (
        <Table data-testid="instructions-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.instructions.issuer')}</Table.Th>
              <Table.Th>{t('ctl.instructions.text')}</Table.Th>
              <Table.Th>{t('ctl.instructions.mainExecutor')}</Table.Th>
              <Table.Th>{t('ctl.instructions.dueDate')}</Table.Th>
              <Table.Th>{t('ctl.instructions.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id} data-testid="instruction-row">
                <Table.Td>{t(`ctl.issuer.${i.issuer}` as MessageKey)}</Table.Td>
                <Table.Td>{i.text}</Table.Td>
                <Table.Td>{i.executors.find((e) => e.main)?.name}</Table.Td>
                <Table.Td>{i.dueDate}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[i.state]} variant="outline">
                    {t(`ctl.state.${i.state}` as MessageKey)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
