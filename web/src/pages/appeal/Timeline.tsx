// The appeal's timeline: every event the server recorded for it, oldest first, with who and when.
import { Text, Timeline } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Allowed, Events } from './parts.tsx';

/** The kinds of events an appeal's timeline shows with a label of their own (every kind the server
 *  appends for an appeal: grep appendEvent); decision and letterSigned are labelled with their data. */
export const EVENT_KINDS = [
  'registered',
  'received',
  'assigned',
  'reassigned',
  'appealFixed',
  'moveOutCancelled',
  'deemedRefusal',
  'correctionFiled',
  'correctionRejected',
  'corrected',
  'paperJournalEntry',
  'draftReturned',
  'obligationMet',
  'coExecutorReplied',
  'securityInfoMarked',
  // the control department (web/src/i18n/messages/control.ts)
  'putUnderControl',
  'returnedForRework',
  'reworkAnswered',
  'qualityReviewed',
  'instructionLinked',
  'explanationRequested',
  'explanationRecorded',
  'attachmentsAdded',
  'attachmentAdded',
  'attachmentDownloaded',
] as const;

export function AppealTimeline({ events, allowed }: { events: Events | undefined; allowed: Allowed | undefined }) {
  const { t, dateTime } = useI18n();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
      {(events?.items ?? []).map((e) => {
        const changes = (e.changes ?? {}) as Record<string, any>;
        const code = changes.decision?.code as string | undefined;
        const label =
          e.kind === 'decision'
            ? t('event.decision', { code: code ?? '' })
            : e.kind === 'decisionDrafted'
              ? t('event.decisionDrafted', { code: String(changes.draft?.code ?? '') })
              : e.kind === 'letterSigned'
                ? t('event.letterSigned', { letter: String(changes.letter ?? '') })
                : (EVENT_KINDS as readonly string[]).includes(e.kind ?? '')
                  ? t(`event.${e.kind}` as MessageKey)
                  : (e.kind ?? '');
        const status = changes.status as { from?: string; to?: string } | undefined;
        return (
          <Timeline.Item key={e.id} title={label}>
            <Text size="xs" c="gray.8">
              {dateTime(e.at)} · {e.actor?.name}
            </Text>
            {status?.to && (
              <Text size="xs">
                {t(`status.${status.from}` as MessageKey)} → {t(`status.${status.to}` as MessageKey)}
              </Text>
            )}
            {code && <Text size="xs">{allowed?.items.find((x) => x.code === code)?.label}</Text>}
            {(e.kind === 'draftReturned' || e.kind === 'returnedForRework') && changes.remark && <Text size="xs">{String(changes.remark)}</Text>}
            {e.kind === 'returnedForRework' && changes.dueDate && (
              <Text size="xs">
                {t('ctl.rework.dueDate')}: {String(changes.dueDate)}
              </Text>
            )}
            {e.kind === 'reworkAnswered' && changes.answer && <Text size="xs">{String(changes.answer)}</Text>}
            {e.kind === 'putUnderControl' && changes.reason && <Text size="xs">{String(changes.reason)}</Text>}
            {e.kind?.startsWith('attachment') && <Text size="xs">{(changes.attachments ?? [changes]).map((f: { name?: string }) => f.name).join(', ')}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
