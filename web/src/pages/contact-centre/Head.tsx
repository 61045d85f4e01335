// The contact-centre head's screen (issue 13): the month's figures with a chart (and the same
// numbers as a table), the Annex 2 report due on the 5th with its XLSX and PDF (CC-16, CC-17), and
// the knowledge cards' lifecycle with the overdue steps (CC-04…CC-12).
import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DEFAULT_TIME_ZONE, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { getAllCards, getAnnex2, getFigures, type Figures } from './api.ts';
import { NewCardForm, StepForm } from './CardForms.tsx';

const OUTCOMES = ['consultation', 'statusAnswer', 'publicServiceComplaint', 'appeal', 'open'] as const;

/** Bars of the contacts by outcome; the numbers themselves are in the table beside it. */
function OutcomeChart({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const max = Math.max(1, ...OUTCOMES.map((o) => figures.byOutcome[o] ?? 0));
  return (
    <figure style={{ margin: 0 }} aria-labelledby="cc-chart-title">
      <Text fw={700} id="cc-chart-title" mb="xs">
        {t('cc.head.byOutcome')}
      </Text>
      <Stack gap={6} aria-hidden="true">
        {OUTCOMES.map((o) => (
          <Group key={o} gap="xs" wrap="nowrap">
            <Text size="sm" w={220}>
              {t(`cc.outcome.${o}` as MessageKey)}
            </Text>
            <div style={{ background: '#1864ab', height: 16, width: `${((figures.byOutcome[o] ?? 0) / max) * 100}%`, minWidth: 2 }} />
            <Text size="sm">{figures.byOutcome[o] ?? 0}</Text>
          </Group>
        ))}
      </Stack>
    </figure>
  );
}

export default function ContactCentreHead() {
  const { t, lang, date } = useI18n();
  // this month where the system runs (Kazakhstan is one time zone)
  const [month, setMonth] = useState(() => new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7));
  const [overdueOnly, setOverdueOnly] = useState(false);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const figures = useQuery({ queryKey: ['contact-centre', 'figures', month], queryFn: () => getFigures(month), enabled: valid });
  const annex2 = useQuery({ queryKey: ['contact-centre', 'annex2', month], queryFn: () => getAnnex2(month), enabled: valid });
  const cards = useQuery({ queryKey: ['contact-centre', 'cards', 'all', overdueOnly], queryFn: () => getAllCards(overdueOnly) });
  const f = figures.data;
  const rows: [MessageKey, string | number][] = f
    ? [
        ['cc.head.contacts', f.contacts],
        ['cc.head.answeredInTime', `${f.answeredInTime} / ${f.calls}`],
        ['cc.head.handling', f.averageHandlingSeconds ?? '—'],
        ['cc.head.fcr', `${f.firstContactResolution.resolved} / ${f.firstContactResolution.closed}`],
        ['cc.head.appeals', f.appealsRegistered],
        ['cc.head.complaints', f.publicServiceComplaints],
      ]
    : [];
  return (
    <Stack>
      <Title order={1}>{t('cc.head.title')}</Title>
      <TextInput label={t('cc.head.month')} type="month" data-testid="cc-month" value={month} onChange={(e) => setMonth(e.currentTarget.value)} w={220} />
      {f && (
        <Paper withBorder p="md" component="section" aria-labelledby="cc-figures">
          <Title order={2} size="h4" id="cc-figures" mb="sm">
            {t('cc.head.figures')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Table data-testid="cc-figures">
              <Table.Tbody>
                {rows.map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row">{t(k)}</Table.Th>
                    <Table.Td>{v}</Table.Td>
                  </Table.Tr>
                ))}
                {OUTCOMES.map((o) => (
                  <Table.Tr key={o}>
                    <Table.Th scope="row">{t(`cc.outcome.${o}` as MessageKey)}</Table.Th>
                    <Table.Td>{f.byOutcome[o] ?? 0}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <OutcomeChart figures={f} />
          </SimpleGrid>
        </Paper>
      )}
      {annex2.data && (
        <Paper withBorder p="md" component="section" aria-labelledby="cc-annex2">
          <Title order={2} size="h4" id="cc-annex2">
            {t('cc.head.annex2')}
          </Title>
          <Text>
            {t('cc.head.annex2.due', { date: date(annex2.data.dueOn), n: annex2.data.rows.length })} {annex2.data.pastDue && <Badge color="red">{t('cc.head.pastDue')}</Badge>}
          </Text>
          <Group mt="xs">
            <Anchor href={`/api/v1/contact-centre/reports/annex2.xlsx?month=${month}`}>XLSX</Anchor>
            <Anchor href={`/api/v1/contact-centre/reports/annex2.pdf?month=${month}`}>PDF</Anchor>
          </Group>
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="cc-lifecycle">
        <Group justify="space-between">
          <Title order={2} size="h4" id="cc-lifecycle">
            {t('cc.cards')}
          </Title>
          <Switch label={t('cc.head.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} />
        </Group>
        <Table data-testid="cc-cards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cc.head.service')}</Table.Th>
              <Table.Th>{t('cc.head.state')}</Table.Th>
              <Table.Th>{t('cc.head.terms')}</Table.Th>
              <Table.Th>{t('cc.head.uses')}</Table.Th>
              <Table.Th>{t('cc.cardForm.step')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cards.data?.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{lang === 'ru' ? c.serviceRu : c.serviceKk}</Table.Td>
                <Table.Td>{t(`cc.state.${c.state}` as MessageKey)}</Table.Td>
                <Table.Td>
                  {c.terms.map((x) => (
                    <Text key={x.step} size="sm" c={x.overdue && !x.doneOn ? 'red.9' : undefined}>
                      {t(`cc.step.${x.step}` as MessageKey)}: {date(x.dueOn)}
                      {x.doneOn ? ` ✓ ${date(x.doneOn)}` : x.overdue ? ` — ${t('cc.head.overdue')}` : ''}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{c.usageCount}</Table.Td>
                <Table.Td>
                  <StepForm card={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <NewCardForm />
    </Stack>
  );
}
