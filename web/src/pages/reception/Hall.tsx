// The hall screen of a reception (public, for a screen in the waiting hall): the ticket called in
// large type and those waiting, in Kazakh and Russian at once, updated live by server-sent events.
// Tickets only, never a name (PR-32).
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Box, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Hall as HallState } from '../../api/reception.ts';
import { MESSAGES } from '../../i18n/messages.ts';

const both = (key: 'rc.hall.called' | 'rc.hall.waiting' | 'rc.queue') => `${MESSAGES.kk[key]} / ${MESSAGES.ru[key]}`;

export default function Hall() {
  const { id = '' } = useParams();
  const [state, setState] = useState<HallState | null>(null);
  useEffect(() => {
    document.title = both('rc.queue');
    const source = new EventSource(`/api/v1/public/reception/sessions/${id}/hall/events`);
    source.onmessage = (e) => setState(JSON.parse(e.data) as HallState);
    return () => source.close();
  }, [id]);
  return (
    <Container size="xl" py="xl" component="main" id="main">
      <Stack gap="xl">
        <Box ta="center">
          <Title order={1} fz={40}>
            {both('rc.queue')}
          </Title>
          {state && (
            <Text fz={28} mt="sm">
              {state.official.name} · {state.date} {state.time} · {state.place}
            </Text>
          )}
        </Box>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Paper withBorder p="xl" ta="center" aria-live="assertive" aria-atomic="true">
            <Text fz={32} fw={700}>
              {both('rc.hall.called')}
            </Text>
            <Text fz={160} fw={800} lh={1.1} data-testid="hall-called" c="blue.9">
              {state?.called ?? '—'}
            </Text>
          </Paper>
          <Paper withBorder p="xl">
            <Text fz={32} fw={700} ta="center">
              {both('rc.hall.waiting')}
            </Text>
            <Group gap="md" justify="center" mt="md" data-testid="hall-waiting">
              {state?.waiting.map((w) => (
                <Text key={w.ticket} fz={56} fw={700} c={w.outOfTurn ? 'orange.9' : undefined}>
                  {w.ticket}
                </Text>
              ))}
            </Group>
          </Paper>
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
