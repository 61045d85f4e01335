// The messages sent to the applicant (e-mail, SMS) with their delivery status, and the co-executors'
// tasks on the appeal (internal correspondence) with their replies.
import { Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { RISK_COLORS, TaskBadge } from '../../components/badges.tsx';
import { Section, type AppealMessages, type Correspondence as Tasks } from './parts.tsx';

export function Messages({ messages }: { messages: AppealMessages | undefined }) {
  const { t, dateTime } = useI18n();
  return (
    <Section title={t('messages.title')} testid="messages">
      {!messages && <Skeleton h={40} />}
      {messages && messages.items.length === 0 && (
        <Text size="sm" c="gray.8">
          {t('messages.none')}
        </Text>
      )}
      <Stack gap={6}>
        {messages?.items.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="message">
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Text size="sm">
                {t(`messages.kind.${m.kind}`)} · {m.channel === 'email' ? 'E-mail' : 'SMS'}
              </Text>
              <Text size="xs" c="gray.8">
                {m.recipient} · {dateTime(m.sentAt ?? m.createdAt)}
                {m.attempts > 1 ? ` · ${t('messages.attempts', { n: String(m.attempts) })}` : ''}
              </Text>
            </div>
            <Badge color={m.status === 'sent' ? RISK_COLORS.onTrack : m.status === 'failed' ? RISK_COLORS.overdue : RISK_COLORS.atRisk} radius="sm" style={{ textTransform: 'none', flexShrink: 0 }}>
              {t(`messages.status.${m.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

/** Shown only when the appeal has co-executors' tasks. */
export function Correspondence({ correspondence }: { correspondence: Tasks | undefined }) {
  const { t, date } = useI18n();
  if ((correspondence?.items.length ?? 0) === 0) return null;
  return (
    <Section title={t('correspondence.title')} testid="correspondence">
      <Stack gap={6}>
        {correspondence!.items.map((k) => (
          <div key={k.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">
                {k.coExecutor.name} · {t('card.controlDate')} {date(k.dueDate)}
              </Text>
              <TaskBadge status={k.status} />
            </Group>
            {k.reply && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {k.reply}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Section>
  );
}
