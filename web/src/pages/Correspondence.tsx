// Co-execution tasks addressed to my organization (rules p.11): other organizations' appeals on
// which our employees are co-executors. Not our appeals — no card, no term of ours — only the task,
// its text and due date, and our reply, which the responsible executor sees on the appeal.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Skeleton, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client.ts';
import { listQueries } from '../api/queries.ts';
import { changed } from '../api/keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { notify } from '../components/notify.ts';
import { TaskBadge } from '../components/badges.tsx';
import { useSession } from '../session.tsx';
import { Dialog } from '../components/Dialog.tsx';

function Reply({ id, onClose, onDone }: { id: string; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(api.POST('/api/v1/correspondence/{correspondenceId}/reply', { params: { path: { correspondenceId: id } }, body: { text: text.trim() } }));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
      setBusy(false);
    }
  };
  return (
    <Dialog onClose={onClose} title={t('correspondence.reply')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="reply-form">
        <Stack>
          <Textarea label={t('correspondence.replyText')} required autosize minRows={5} value={text} onChange={(e) => setText(e.currentTarget.value)} data-autofocus />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!text.trim()} data-testid="reply-submit">
              {t('correspondence.reply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export default function Correspondence() {
  const { t, date, lang } = useI18n();
  const { user, hasRole } = useSession();
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const [replying, setReplying] = useState<{ id: string; appealId: string } | null>(null);
  const list = useQuery(listQueries.correspondence(all ? 'all' : 'open', lang));
  useEffect(() => {
    document.title = `${t('correspondence.inbox')} — ${t('appName')}`;
  }, [t]);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t('correspondence.inbox')}
        </Title>
        <Switch label={t('correspondence.showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
      </Group>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {!list.data && !list.error && <Skeleton h={120} />}
      {list.data?.items.length === 0 && <Text c="gray.8">{t('correspondence.none')}</Text>}
      {list.data?.items.map((k) => (
        <Paper key={k.id} withBorder p="md" data-testid="task">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fw={700}>
                {k.registrationNumber} — {k.summary}
              </Text>
              <Text size="sm" c="gray.8">
                {t('correspondence.from', { organization: k.from.name ?? '', date: date(k.dueDate) })} · {k.coExecutor.name}
              </Text>
            </div>
            <TaskBadge status={k.status} />
          </Group>
          {k.text && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {k.text}
            </Text>
          )}
          {k.reply && (
            <Alert color="gray" mt="xs" title={k.repliedBy ?? ''}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {k.reply}
              </Text>
            </Alert>
          )}
          {k.status === 'open' && (k.coExecutor.id === user?.id || hasRole('head')) && (
            <Button mt="sm" size="compact-sm" onClick={() => setReplying({ id: k.id, appealId: k.appealId })} data-testid="task-reply">
              {t('correspondence.reply')}
            </Button>
          )}
        </Paper>
      ))}
      {replying && (
        <Reply
          id={replying.id}
          onClose={() => setReplying(null)}
          onDone={() => {
            setReplying(null);
            notify(t('correspondence.replied'), 'green');
            void changed.replied(queryClient, replying.appealId);
          }}
        />
      )}
    </Stack>
  );
}
