import { foldingFilter } from './search.ts';
import { useState } from 'react';
import { Alert, Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client.ts';
import { referenceQueries } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';

export function AssignModal({
  appealId,
  organizationId,
  dueDate,
  current,
  onClose,
  onAssigned,
}: {
  appealId: string;
  organizationId: number;
  dueDate: string;
  current?: string | null;
  onClose(): void;
  onAssigned(): void;
}) {
  const { t, lang } = useI18n();
  const executors = useQuery(referenceQueries.users({ role: 'executor', organization: organizationId, limit: 200 }, lang));
  const everyone = useQuery(referenceQueries.users({ limit: 500 }, lang));
  const [executor, setExecutor] = useState<string | null>(current ?? null);
  const [co, setCo] = useState<string[]>([]);
  const [controlDate, setControlDate] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!executor) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/appeals/{id}/assignments', {
          params: { path: { id: appealId } },
          body: { executorId: executor, coExecutorIds: co.length ? co : undefined, controlDate: controlDate || undefined },
        }),
      );
      onAssigned();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (p: string) => error?.fields.find((f) => f.path === p)?.message;
  return (
    <Dialog onClose={onClose} title={t('assign.title')} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="assign-form">
        <Stack>
          <Select
            label={t('assign.executor')}
            required
            searchable
            filter={foldingFilter}
            data={(executors.data?.items ?? []).map((u) => ({ value: u.id!, label: `${u.fullName} — ${u.position}` }))}
            value={executor}
            onChange={setExecutor}
            error={fieldError('/executorId')}
            data-testid="assign-executor"
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <MultiSelect
            label={t('assign.coExecutors')}
            searchable
            filter={foldingFilter}
            data={(everyone.data?.items ?? []).filter((u) => u.id !== executor).map((u) => ({ value: u.id!, label: `${u.fullName} (${u.organization?.code})` }))}
            value={co}
            onChange={setCo}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label={t('assign.controlDate')} type="date" max={dueDate} value={controlDate} onChange={(e) => setControlDate(e.currentTarget.value)} error={fieldError('/controlDate')} />
          {error && error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!executor} data-testid="assign-submit">
              {t('assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
