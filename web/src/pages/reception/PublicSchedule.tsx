// The public reception schedule (PR-16, PR-17), without sign-in: the Annex's title and its six
// columns in order, names in Kazakh or Russian as the page's language, nothing personal (PR-32).
// ?organization=ID shows one organization and those below it.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Badge, Box, Container, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { astanaParts, receptionQueries } from '../../api/reception.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LanguageSwitch } from '../../components/Shell.tsx';

export default function PublicSchedule() {
  const { t, lang } = useI18n();
  const [search] = useSearchParams();
  const data = useQuery(receptionQueries.publicSchedule(search.get('organization') ?? '', lang));
  useEffect(() => {
    document.title = `${t('rc.public.title')} — ${t('appName')}`;
  }, [t]);
  return (
    <Container size="xl" py="md">
      <Box component="header" mb="md">
        <Group justify="space-between">
          <Text fw={700}>{t('appName')}</Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Stack component="main" id="main" gap="md">
        <Title order={1} size="h2" ta="center">
          {t('rc.public.title')}
        </Title>
        {data.error && (
          <Alert color="red" role="alert">
            {data.error.message}
          </Alert>
        )}
        {data.isPending ? (
          <Skeleton h={160} />
        ) : (data.data?.items.length ?? 0) === 0 ? (
          <Text ta="center">{t('rc.public.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table withTableBorder withColumnBorders striped data-testid="public-schedule">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rc.public.organization')}</Table.Th>
                  <Table.Th>{t('rc.public.official')}</Table.Th>
                  <Table.Th>{t('rc.public.position')}</Table.Th>
                  <Table.Th>{t('rc.public.when')}</Table.Th>
                  <Table.Th>{t('rc.public.place')}</Table.Th>
                  <Table.Th>{t('rc.public.contacts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.data?.items.map((s) => {
                  const start = astanaParts(s.startsAt);
                  return (
                    <Table.Tr key={s.id} data-testid="public-row">
                      <Table.Td>{s.organization.name}</Table.Td>
                      <Table.Td>{s.official.name}</Table.Td>
                      <Table.Td>{s.official.position}</Table.Td>
                      <Table.Td>
                        {`${start.date} ${start.time}–${astanaParts(s.endsAt).time}`}
                        {s.format === 'video' && (
                          <Badge ml="xs" variant="outline" color="grape.9">
                            {t('rc.format.video')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{s.place}</Table.Td>
                      <Table.Td>{[s.phone, s.email].filter(Boolean).join(', ')}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Container>
  );
}
