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
      {/* drawn, not an emoji: a machine without an emoji font showed an empty box */}
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <Badge size="xs" color="red.9" ml={4} circle={unread < 10} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </Button>
  );
}
