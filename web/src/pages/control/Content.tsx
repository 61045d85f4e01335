// Content analysis (CD-18, CD-19): appeals by issue category or territory in the period against
// the same period a year before, as a bar chart with its table; the systemic problems flagged; the
// most frequent words in Kazakh and Russian; the reference note for the akim on the systemic
// problems (NoteDocuments). A row opens the list of its appeals.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Box, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { controlQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { PeriodInputs, useControlPeriod } from './Layout.tsx';
import { NoteDocuments } from './NoteDocuments.tsx';

const NOW_COLOR = 'var(--mantine-color-blue-8)';
const BEFORE_COLOR = 'var(--mantine-color-gray-6)';

/** A horizontal bar chart: each key's count in the period and a year before (the table below says the same in words). */
function Bars({ items }: { items: { key: string; label: string; count: number; previousCount: number }[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...items.flatMap((i) => [i.count, i.previousCount]));
  return (
    <Box role="img" aria-label={t('ctl.content.chart')} data-testid="content-chart">
      <Group gap="md" mb="xs" aria-hidden>
        <Group gap={4}>
          <Box w={12} h={12} bg={NOW_COLOR} />
          <Text size="xs">{t('ctl.content.count')}</Text>
        </Group>
        <Group gap={4}>
          <Box w={12} h={12} bg={BEFORE_COLOR} />
          <Text size="xs">{t('ctl.content.previous')}</Text>
        </Group>
      </Group>
      <Stack gap={6} aria-hidden>
        {items.slice(0, 15).map((i) => (
          <Box key={i.key}>
            <Text size="xs" truncate="end">
              {i.label}
            </Text>
            <Box h={10} w={`${(i.count / max) * 100}%`} bg={NOW_COLOR} style={{ borderRadius: 2, minWidth: i.count ? 2 : 0 }} />
            <Box h={6} mt={2} w={`${(i.previousCount / max) * 100}%`} bg={BEFORE_COLOR} style={{ borderRadius: 2, minWidth: i.previousCount ? 2 : 0 }} />
          </Box>
        ))}
      </Stack>
    </Box>
  );
}

export default function Content() {
  const { t, lang } = useI18n();
  const { from, to } = useControlPeriod();
  const [groupBy, setGroupBy] = useState<'category' | 'territory'>('category');
  const [language, setLanguage] = useState<'kk' | 'ru'>('kk');
  const content = useQuery(controlQueries.content({ from, to, groupBy }, lang));
  const systemic = useQuery(controlQueries.systemic({ from, to }, lang));
  const words = useQuery(controlQueries.words({ from, to, language, limit: 20 }));
  const items = content.data?.items ?? [];
  const listOf = (key: string) => {
    const p = new URLSearchParams({ dateFrom: from, dateTo: to });
    if (groupBy === 'territory') p.set('organization', key);
    else if (key !== 'none') p.set('issueCategory', key);
    return `/queues/all?${p}`;
  };
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.content.title')}
      </Title>
      <Group align="flex-end">
        <PeriodInputs />
        <SegmentedControl
          aria-label={t('ctl.content.title')}
          value={groupBy}
          onChange={(v) => setGroupBy(v as 'category' | 'territory')}
          data={[
            { value: 'category', label: t('ctl.content.byCategory') },
            { value: 'territory', label: t('ctl.content.byTerritory') },
          ]}
          data-testid="content-group"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Bars items={items} />
        </Paper>
        <Paper withBorder p="md">
          <Table data-testid="content-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(groupBy === 'category' ? 'ctl.content.byCategory' : 'ctl.content.byTerritory')}</Table.Th>
                <Table.Th>{t('ctl.content.count')}</Table.Th>
                <Table.Th>{t('ctl.content.previous')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.key} data-testid="content-row">
                  <Table.Td>
                    <Anchor component={Link} to={listOf(i.key)}>
                      {i.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.count}</Table.Td>
                  <Table.Td>{i.previousCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="systemic-title">
        <Title order={2} size="h4" id="systemic-title" mb="sm">
          {t('ctl.content.systemic')}
        </Title>
        {systemic.data && systemic.data.items.length === 0 && <Text>{t('ctl.content.noSystemic')}</Text>}
        <Stack gap={4} data-testid="systemic-list">
          {(systemic.data?.items ?? []).map((s) => (
            <Group key={`${s.category.code}-${s.territory.id}`} gap="xs">
              <Badge color="red.9" variant="outline">
                {t(`ctl.content.reason.${s.reason}` as MessageKey)}
              </Badge>
              <Text size="sm">
                {s.category.label} — {s.territory.name}: {s.count} ({t('ctl.content.baseline')}: {s.baseline})
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>
      <NoteDocuments from={from} to={to} />
      <Paper withBorder p="md" component="section" aria-labelledby="words-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="words-title">
            {t('ctl.content.words')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('language')}
            value={language}
            onChange={(v) => setLanguage(v as 'kk' | 'ru')}
            data={[
              { value: 'kk', label: 'Қазақша' },
              { value: 'ru', label: 'Русский' },
            ]}
          />
        </Group>
        <Group gap="xs" data-testid="words">
          {(words.data?.items ?? []).map((w) => (
            <Badge key={w.word} variant="outline" color="gray.8" lang={language}>
              {w.word} · {w.count}
            </Badge>
          ))}
        </Group>
      </Paper>
    </Stack>
  );
}
