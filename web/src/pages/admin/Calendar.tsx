// The calendar (issue 10, item 12): the days of a year that differ from the Monday–Friday week —
// holidays and days off, working days transferred by Government decree — each with its legal basis;
// a day added or removed (terms counted from then on follow it), a provisional year confirmed.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { notify } from '../../components/notify.ts';
import { RISK_COLORS } from '../../components/badges.tsx';
import { fieldError } from './Layout.tsx';

interface Year {
  year: number;
  provisional: boolean;
  exceptions: { date: string; working: boolean; note?: string }[];
}

export default function Calendar() {
  const { t, date: formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [day, setDay] = useState({ date: '', working: false, note: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('adm.cal.title')} — ${t('appName')}`;
  }, [t]);
  const calendar = useQuery({
    queryKey: ['admin', 'calendar', year],
    queryFn: async () => (await unwrap(api.GET('/api/v1/calendar/{year}', { params: { path: { year } } }))) as unknown as Year,
    enabled: year >= 2000 && year <= 2100,
  });

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      notify(done, 'green');
      await queryClient.invalidateQueries({ queryKey: ['admin', 'calendar'] });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', t('errorGeneric')));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!day.date) {
      setError(new ApiError(422, 'validation', t('required'), [{ path: '/date', message: t('required') }]));
      return;
    }
    const ok = await run(
      () => unwrap(api.PUT('/api/v1/admin/calendar/days/{date}', { params: { path: { date: day.date } }, body: { working: day.working, note: day.note } })),
      t('adm.cal.added', { date: formatDate(day.date) }),
    );
    if (ok) setDay({ date: '', working: false, note: '' });
  };
  const remove = (date: string) => run(() => unwrap(api.DELETE('/api/v1/admin/calendar/days/{date}', { params: { path: { date } } })), t('adm.cal.removed', { date: formatDate(date) }));
  const confirm = () => run(() => unwrap(api.POST('/api/v1/admin/calendar/{year}/confirm', { params: { path: { year } } })), t('adm.cal.confirmed'));

  const data = calendar.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('adm.cal.title')}
      </Title>
      <Group align="flex-end">
        <NumberInput label={t('adm.cal.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={2000} max={2100} w={140} allowDecimal={false} data-testid="calendar-year" />
        {data && (
          <Text size="sm" fw={600} c={data.provisional ? RISK_COLORS.atRisk : RISK_COLORS.onTrack} data-testid="calendar-status">
            {data.provisional ? t('adm.cal.provisional') : t('adm.cal.confirmed')}
          </Text>
        )}
        {data?.provisional && (
          <Button variant="default" onClick={confirm} loading={busy}>
            {t('adm.cal.confirm')}
          </Button>
        )}
      </Group>
      {(calendar.error || error) && (
        <Alert color="red" role="alert">
          {(calendar.error ?? error)!.message}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={add} noValidate data-testid="calendar-add">
          <Group align="flex-end">
            <TextInput type="date" label={t('adm.cal.date')} value={day.date} onChange={(e) => setDay({ ...day, date: e.currentTarget.value })} required error={fieldError(error, '/date')} data-testid="calendar-date" />
            <Stack gap={2}>
              <Text size="sm" fw={500} id="calendar-kind-label">
                {t('adm.cal.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="calendar-kind-label"
                value={day.working ? 'working' : 'off'}
                onChange={(v) => setDay({ ...day, working: v === 'working' })}
                data={[
                  { value: 'off', label: t('adm.cal.dayOff') },
                  { value: 'working', label: t('adm.cal.workingDay') },
                ]}
              />
            </Stack>
            <TextInput
              label={t('adm.cal.note')}
              value={day.note}
              onChange={(e) => setDay({ ...day, note: e.currentTarget.value })}
              required
              error={fieldError(error, '/note')}
              style={{ flex: 1 }}
              data-testid="calendar-note"
            />
            <Button type="submit" loading={busy} data-testid="calendar-save">
              {t('adm.cal.add')}
            </Button>
          </Group>
        </form>
      </Paper>
      <Table striped data-testid="calendar-days" aria-busy={calendar.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('adm.cal.date')}</Table.Th>
            <Table.Th>{t('adm.cal.kind')}</Table.Th>
            <Table.Th>{t('adm.cal.note')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('adm.cal.remove')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data && data.exceptions.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text ta="center" c="gray.8" py="md">
                  {t('adm.cal.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {data?.exceptions.map((d) => (
            <Table.Tr key={d.date} data-testid="calendar-day" data-date={d.date}>
              <Table.Td className="nowrap">{formatDate(d.date)}</Table.Td>
              <Table.Td>{d.working ? t('adm.cal.workingDay') : t('adm.cal.dayOff')}</Table.Td>
              <Table.Td>{d.note ?? ''}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="default" onClick={() => remove(d.date)} disabled={busy} aria-label={t('adm.cal.removeLabel', { date: formatDate(d.date) })}>
                  {t('adm.cal.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
