// ТЖ-2: the decisions taken on the appeal, each with its recorded data; a cancelled one marked.
import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { RISK_COLORS } from '../../components/badges.tsx';
import { Dl, type DecisionText, type Decisions as DecisionList } from './parts.tsx';

export function Decisions({ decisions, text: { fieldLabel, show } }: { decisions: DecisionList | undefined; text: DecisionText }) {
  const { t, date } = useI18n();
  if (!decisions?.items?.length) return <Text c="gray.8">{t('card.noDecisions')}</Text>;
  return (
    <Stack>
      {decisions.items.map((d) => (
        <Paper key={d.id} withBorder p="sm" data-testid="decision-card">
          <Group justify="space-between">
            <Text fw={700}>
              {d.code} — {d.label}
            </Text>
            {d.cancelledAt && <Badge color={RISK_COLORS.ended}>{t('card.cancelled')}</Badge>}
          </Group>
          <Text size="xs" c="gray.8" mb="xs">
            {t('card.decidedBy', { name: d.actor?.name ?? '', date: date(d.decisionDate) })} · {d.basis}
          </Text>
          <Dl rows={Object.entries(d.data ?? {}).map(([k, v]) => [fieldLabel(d.code ?? '', k), show(v)] as [string, ReactNode])} />
        </Paper>
      ))}
    </Stack>
  );
}
