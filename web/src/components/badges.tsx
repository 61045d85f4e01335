import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

// Dark fills with white text: ≥ 4.5:1 for the small text of badges (WCAG 2.2 AA). Badges show their
// whole text (Mantine would cut it in a narrow table cell): long ones wrap.
export const WHOLE = { root: { height: 'auto', minHeight: 20, maxWidth: '100%', paddingBlock: 2 }, label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip', lineHeight: 1.25 } } as const;
export const RISK_COLORS = { overdue: '#a61b1b', atRisk: '#8a4600', onTrack: '#1d6b34', ended: '#3f4a5a' } as const;

/** A co-execution task's state. */
export function TaskBadge({ status }: { status: 'open' | 'answered' | 'withdrawn' }) {
  const { t } = useI18n();
  const color = status === 'answered' ? RISK_COLORS.onTrack : status === 'withdrawn' ? RISK_COLORS.ended : RISK_COLORS.atRisk;
  return (
    <Badge color={color} radius="sm" style={{ textTransform: 'none' }} styles={WHOLE}>
      {t(`correspondence.status.${status}` as MessageKey)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" color="#1f2937" radius="sm" style={{ textTransform: 'none' }} styles={WHOLE}>
      {t(`status.${status}` as MessageKey)}
    </Badge>
  );
}

/** The term: working days left (or overdue), coloured by risk. */
export function TermBadge({ risk, daysLeft, dueDate, endedOn, stacked }: { risk: string | null | undefined; daysLeft: number | null | undefined; dueDate: string; endedOn?: string | null; stacked?: boolean }) {
  const { t, date } = useI18n();
  if (!risk || daysLeft === null || daysLeft === undefined) {
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" className="nowrap">
          {date(dueDate)}
        </Text>
        {endedOn && (
          <Badge color={RISK_COLORS.ended} radius="sm" style={{ textTransform: 'none' }} styles={WHOLE}>
            {t('risk.ended', { date: date(endedOn) })}
          </Badge>
        )}
      </Group>
    );
  }
  const label =
    risk === 'overdue'
      ? daysLeft === 0
        ? t('risk.overdueToday')
        : t('risk.overdue', { n: Math.abs(daysLeft) })
      : daysLeft === 0
        ? t('risk.dueToday')
        : t(risk === 'atRisk' ? 'risk.atRisk' : 'risk.onTrack', { n: daysLeft });
  return (
    <Group gap={stacked ? 2 : 6} wrap="nowrap" style={stacked ? { flexDirection: 'column', alignItems: 'flex-start' } : undefined}>
      <Text size="sm" className="nowrap">
        {date(dueDate)}
      </Text>
      <Badge color={RISK_COLORS[risk as keyof typeof RISK_COLORS] ?? RISK_COLORS.ended} radius="sm" style={{ textTransform: 'none' }} styles={WHOLE} data-risk={risk}>
        {label}
      </Badge>
    </Group>
  );
}
