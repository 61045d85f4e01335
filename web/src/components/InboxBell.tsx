// The bell in the top bar (issue 10, item 13): how many of my notices are unread; opens the inbox.
import { Badge, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { inboxQueries } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function InboxBell() {
  const { t, lang } = useI18n();
  const unread = useQuery(inboxQueries.list(false, lang)).data?.unread ?? 0;
  return (
    <Button component={Link} to="/inbox" variant="default" size="xs" px={8} aria-label={t('inbox.bell', { n: unread })} title={t('inbox.bell', { n: unread })} data-testid="inbox-bell">
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <Badge size="xs" color="red.9" ml={4} circle={unread < 10} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </Button>
  );
}
