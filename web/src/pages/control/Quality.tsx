// The quality of answers (CD-09, CD-10): the answers of appeals under the akim's control and a
// sample of the others, reviewed with the checklist; a poor one returned for rework with a remark
// and an internal due date; the returns counted per organization and executor.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type paths } from '../../api/client.ts';
import { controlQueries } from '../../api/queries.ts';
import { changed } from '../../api/keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { notify } from '../../components/notify.ts';
import { useControlPeriod } from './Layout.tsx';

type Item = paths['/api/v1/control/quality']['get']['responses']['200']['content']['application/json']['items'][number];
type Action = { kind: 'review' | 'rework' | 'control'; item: Item };

function useSubmit() {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path)?.message;
  return { error, busy, run, fieldError };
}

function ReworkDialog({ item, onClose }: { item: Item; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [remark, setRemark] = useState('');
  const [dueDate, setDueDate] = useState('');
  const s = useSubmit();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await s.run(() => unwrap(api.POST('/api/v1/appeals/{id}/rework', { params: { path: { id: item.appealId } }, body: { remark, dueDate } })));
    if (!ok) return;
    notify(t('ctl.rework.sent'), 'green');
    await changed.controlled(qc, item.appealId);
    onClose();
  };
  return (
    <Dialog onClose={onClose} title={`${t('ctl.quality.rework')}: ${item.registrationNumber}`}>
      <form onSubmit={submit} noValidate data-testid="rework-form">
        <Stack gap="sm">
          <Textarea label={t('ctl.rework.remark')} value={remark} onChange={(e) => setRemark(e.currentTarget.value)} required autosize minRows={3} error={s.fieldError('/remark')} data-testid="rework-remark" />
          <TextInput type="date" label={t('ctl.rework.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required error={s.fieldError('/dueDate')} data-testid="rework-due" />
          {s.error && s.error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {s.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={s.busy} disabled={!remark.trim() || !dueDate} data-testid="rework-submit">
              {t('ctl.rework.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function ControlDialog({ item, onClose }: { item: Item; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const s = useSubmit();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!(await s.run(() => unwrap(api.POST('/api/v1/appeals/{id}/control', { params: { path: { id: item.appealId } }, body: { reason } }))))) return;
    notify(t('ctl.control.done'), 'green');
    await changed.controlled(qc, item.appealId);
    onClose();
  };
  return (
    <Dialog onClose={onClose} title={`${t('ctl.quality.control')}: ${item.registrationNumber}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t('ctl.control.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} error={s.fieldError('/reason')} />
          {s.error && s.error.fields.length === 0 && (
            <Alert color="red" role="alert">
              {s.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={s.busy} disabled={!reason.trim()}>
              {t('ctl.quality.control')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function ReviewDialog({ item, onClose }: { item: Item; onClose(): void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const checklist = useQuery(controlQueries.checklist(lang));
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [remark, setRemark] = useState('');
  const [result, setResult] = useState<{ verdict: string; score: number } | null>(null);
  const s = useSubmit();
  const items = checklist.data?.items ?? [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const all = Object.fromEntries(items.map((c) => [c.code, checks[c.code] === true]));
    await s.run(async () => {
      const r = await unwrap(api.POST('/api/v1/appeals/{id}/quality-reviews', { params: { path: { id: item.appealId } }, body: { checks: all, ...(remark ? { remark } : {}) } }));
      setResult(r);
      await changed.controlled(qc, item.appealId);
    });
  };
  return (
    <Dialog onClose={onClose} title={`${t('ctl.quality.review')}: ${item.registrationNumber}`} size="lg">
      <Stack gap="sm">
        {item.answer && (
          <Paper withBorder p="sm">
            <Text size="sm" fw={600}>
              {t('ctl.quality.answer')}
            </Text>
            <Text size="sm">{item.answer}</Text>
          </Paper>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {items.map((c) => (
              <Checkbox key={c.code} label={c.label} description={c.basis} checked={checks[c.code] === true} onChange={(e) => setChecks({ ...checks, [c.code]: e.currentTarget.checked })} />
            ))}
            <Textarea label={t('ctl.rework.remark')} value={remark} onChange={(e) => setRemark(e.currentTarget.value)} autosize minRows={2} />
            {result && (
              <Alert color={result.verdict === 'good' ? 'green' : 'orange'} role="status" data-testid="review-verdict">
                {t('ctl.quality.verdict', { verdict: t(result.verdict === 'good' ? 'ctl.verdict.good' : 'ctl.verdict.poor'), score: result.score })}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={s.busy} disabled={result !== null}>
                {t('ctl.quality.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Dialog>
  );
}

function Returns() {
  const { t, lang } = useI18n();
  const { from, to } = useControlPeriod();
  const q = useQuery(controlQueries.reworks({ from, to }, lang));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="returns-title">
      <Title order={2} size="h4" id="returns-title" mb="sm">
        {t('ctl.returns.title')}
      </Title>
      <Table data-testid="returns-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ctl.quality.organization')}</Table.Th>
            <Table.Th>{t('ctl.violations.employee')}</Table.Th>
            <Table.Th>{t('ctl.returns.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data?.items ?? []).map((r) => (
            <Table.Tr key={`${r.organization.id}-${r.executor?.id ?? ''}`}>
              <Table.Td>{r.organization.name}</Table.Td>
              <Table.Td>{r.executor?.name ?? '—'}</Table.Td>
              <Table.Td>{r.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export default function Quality() {
  const { t, lang } = useI18n();
  const q = useQuery(controlQueries.quality(lang));
  const [action, setAction] = useState<Action | null>(null);
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.quality.title')}
      </Title>
      {q.data && items.length === 0 && <Text>{t('ctl.quality.empty')}</Text>}
      {items.length > 0 && (
        <Table data-testid="quality-queue" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ctl.quality.number')}</Table.Th>
              <Table.Th>{t('ctl.quality.organization')}</Table.Th>
              <Table.Th>{t('ctl.quality.answer')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('ctl.quality.review')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.appealId} data-testid="quality-item">
                <Table.Td>
                  <Anchor component={Link} to={`/appeals/${i.appealId}`}>
                    {i.registrationNumber}
                  </Anchor>
                  {i.underControl && (
                    <Badge ml="xs" size="sm" variant="outline" color="grape.9">
                      {t('ctl.quality.underControl')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{i.organization.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {i.answer ?? i.summary}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setAction({ kind: 'review', item: i })}>
                      {t('ctl.quality.review')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setAction({ kind: 'rework', item: i })} data-testid="rework-open">
                      {t('ctl.quality.rework')}
                    </Button>
                    {!i.underControl && (
                      <Button size="xs" variant="subtle" onClick={() => setAction({ kind: 'control', item: i })}>
                        {t('ctl.quality.control')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Returns />
      {action?.kind === 'rework' && <ReworkDialog item={action.item} onClose={() => setAction(null)} />}
      {action?.kind === 'review' && <ReviewDialog item={action.item} onClose={() => setAction(null)} />}
      {action?.kind === 'control' && <ControlDialog item={action.item} onClose={() => setAction(null)} />}
    </Stack>
  );
}
