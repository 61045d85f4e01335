import { Link } from 'react-router';
import { Anchor, Stack, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={1}>{t('notFound.title')}</Title>
      <Anchor component={Link} to="/queues/all">
        {t('notFound.back')}
      </Anchor>
    </Stack>
  );
}
