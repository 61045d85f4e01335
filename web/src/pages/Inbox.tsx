// My notices (issue 10, item 13): assignments, drafts to approve, returns, terms ending and overdue
// appeals, newest first, each opening its appeal; marking read; whether they also come by e-mail.
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { inboxQueries } from '../api/queries.ts';
import { changed, keys } from '../api/keys.ts';
import { useI18n } from '../i18n/i18n.tsx';

export default function Inbox() {
  const { t, lang, dateTime } = useI18n();
  const qc = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery(inboxQueries.list(unreadOnly, lang));
  const settings = useQuery(inboxQueries.settings());
  useEffect(() => {
    document.title = `${t('inbox.title')} — ${t('appName')}`;
  }, [t]);

  const markRead = async (ids: number[] | 'all') => {
    await unwrap(api.POST('/api/v1/inbox/read', { body: { ids } }));
    await changed.inboxRead(qc);
  };
  const setEmail = async (email: boolean) => {
    qc.setQueryData(keys.inboxSettings, { email });
    await unwrap(api.PUT('/api/v1/inbox/settings', { body: { email } }));
  };
  const items = list.data?.items ?? [];

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        <Button variant="default" size="sm" onClick={() => markRead('all')} disabled={!list.data?.unread}>
          {t('inbox.markAllRead')}
        </Button>
      </Group>
      <Group gap="xl">
        <Checkbox label={t('inbox.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
        <Switch label={t('inbox.email')} checked={settings.data?.email ?? true} disabled={!settings.data} onChange={(e) => setEmail(e.currentTarget.checked)} data-testid="inbox-email" />
      </Group>
      <Paper withBorder>
        {items.length === 0 ? (
          <Text p="md" c="gray.8">
            {t('inbox.empty')}
          </Text>
        ) : (
          <Table data-testid="inbox-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inbox.when')}</Table.Th>
                <Table.Th>{t('inbox.what')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id} fw={n.readAt ? undefined : 600}>
                  <Table.Td className="nowrap">{dateTime(n.createdAt)}</Table.Td>
                  <Table.Td>
                    {n.appealId ? (
                      <Anchor component={Link} to={`/appeals/${n.appealId}`} onClick={() => !n.readAt && markRead([n.id])}>
                        {n.text}
                      </Anchor>
                    ) : (
                      n.text
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {n.readAt ? null : (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Badge size="sm" color="red.9">
                          {t('inbox.unread')}
                        </Badge>
                        <Button size="compact-sm" variant="default" onClick={() => markRead([n.id])} aria-label={`${t('inbox.markRead')}: ${n.registrationNumber}`}>
                          {t('inbox.markRead')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
