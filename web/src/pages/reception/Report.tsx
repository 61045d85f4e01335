// The quarter of reception offices: the satisfaction survey (PR-44) — a sample drawn from those who
// got a consultation and those refused sign-up, each call's result — and the quarterly report with
// its addressee (PR-46), as figures and as a spreadsheet.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { quarterRange } from '../../../../src/domain/reception.ts';
import { receptionQueries, type SurveyCall } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useSession } from '../../session.tsx';
import { FormError, useSubmit } from './common.tsx';
import { RECEPTION_STAFF } from './Layout.tsx';

const FIGURES = ['sessionsHeld', 'sessionsCancelled', 'videoSessions', 'received', 'outOfTurn', 'signUps', 'signUpsRefused', 'instructions', 'satisfactionAverage'] as const;

function CallRow({ call, staff }: { call: SurveyCall; staff: boolean }) {
  const { t } = useI18n();
  const { run, busy, error } = useSubmit();
  const [reached, setReached] = useState(true);
  const [satisfaction, setSatisfaction] = useState<string | number>('');
  const [comment, setComment] = useState('');
  const save = () =>
    run(() =>
      unwrap(
        api.POST('/api/v1/reception/satisfaction/calls/{id}', {
          params: { path: { id: call.id } },
          body: { reached, ...(reached && satisfaction !== '' ? { satisfaction: Number(satisfaction) } : {}), ...(comment ? { comment } : {}) },
        }),
      ),
    );
  return (
    <Table.Tr data-testid="survey-call">
      <Table.Td>{t(`rc.population.${call.population}` as MessageKey)}</Table.Td>
      <Table.Td>{call.name}</Table.Td>
      <Table.Td>{call.phone ?? '—'}</Table.Td>
      <Table.Td>
        {call.calledAt ? (
          `${call.reached ? '✓' : '✗'} ${call.satisfaction ?? ''} ${call.comment ?? ''}`
        ) : staff ? (
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <Checkbox label={t('rc.reached')} checked={reached} onChange={(e) => setReached(e.currentTarget.checked)} />
            <NumberInput aria-label={`${t('rc.satisfaction')}: ${call.name}`} min={1} max={5} w={80} value={satisfaction} onChange={setSatisfaction} disabled={!reached} />
            <TextInput aria-label={`${t('rc.comment')}: ${call.name}`} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            <Button size="xs" onClick={save} loading={busy}>
              {t('rc.saveCall')}
            </Button>
          </Group>
        ) : (
          '—'
        )}
        <FormError error={error} />
      </Table.Td>
    </Table.Tr>
  );
}

export default function Report() {
  const { t, number } = useI18n();
  const { hasRole } = useSession();
  const staff = hasRole(...RECEPTION_STAFF);
  const [search, setSearch] = useSearchParams();
  // this quarter unless the address names one
  const now = new Date();
  const year = Number(search.get('year') ?? now.getFullYear());
  const quarter = Number(search.get('quarter') ?? Math.floor(now.getMonth() / 3) + 1) as 1 | 2 | 3 | 4;
  const report = useQuery(receptionQueries.report(year, quarter));
  const calls = useQuery(receptionQueries.calls());
  const [size, setSize] = useState<string | number>(10);
  const { run, busy, error } = useSubmit();
  useEffect(() => {
    document.title = `${t('rc.report')} — ${t('appName')}`;
  }, [t]);
  const range = quarterRange(year, quarter);
  const draw = () => run(() => unwrap(api.POST('/api/v1/reception/satisfaction/sample', { body: { ...range, size: Number(size) || 1 } })));
  const r = report.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('rc.report')}
        </Title>
        <Group align="flex-end">
          <NumberInput label={t('rc.year')} value={year} min={2020} max={2100} w={100} onChange={(v) => setSearch({ year: String(v), quarter: String(quarter) }, { replace: true })} />
          <NativeSelect
            label={t('rc.quarter')}
            value={String(quarter)}
            data={['1', '2', '3', '4']}
            onChange={(e) => setSearch({ year: String(year), quarter: e.currentTarget.value }, { replace: true })}
            data-testid="report-quarter"
          />
          <Anchor href={`/api/v1/reception/reports/quarterly.xlsx?year=${year}&quarter=${quarter}`}>{t('rc.xlsx')}</Anchor>
        </Group>
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="report-title">
        <Title order={2} size="h4" id="report-title" mb="xs">
          {`${range.from} – ${range.to}`}
        </Title>
        {!r ? (
          <Skeleton h={120} />
        ) : (
          <>
            <Text mb="sm">
              {t('rc.addressee')}: {t(`rc.addressee.${r.addressee}` as MessageKey)}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="report-figures">
              {FIGURES.map((k) => (
                <Paper key={k} withBorder p="sm">
                  <Text size="sm" c="gray.8">
                    {t(`rc.r.${k}` as MessageKey)}
                  </Text>
                  <Text fz={24} fw={700} data-testid={`report-${k}`}>
                    {r[k] === null || r[k] === undefined ? '—' : number(r[k] as number)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="survey-title">
        <Group justify="space-between" mb="xs" align="flex-end">
          <Title order={2} size="h4" id="survey-title">
            {t('rc.survey')}
          </Title>
          {staff && (
            <Group align="flex-end">
              <NumberInput label={t('rc.sampleSize')} min={1} max={200} w={120} value={size} onChange={setSize} />
              <Button onClick={draw} loading={busy} data-testid="draw-sample">
                {t('rc.drawSample')}
              </Button>
            </Group>
          )}
        </Group>
        <FormError error={error} />
        {(calls.data?.items.length ?? 0) === 0 ? (
          <Text c="gray.8">{t('rc.noCalls')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="survey">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    {t('rc.population.consultation')} / {t('rc.population.refusedSignUp')}
                  </Table.Th>
                  <Table.Th>{t('rc.name')}</Table.Th>
                  <Table.Th>{t('rc.phone')}</Table.Th>
                  <Table.Th>{t('rc.satisfaction')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calls.data?.items.map((c) => (
                  <CallRow key={c.id} call={c} staff={staff} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
