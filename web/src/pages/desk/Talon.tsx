// The talon of an appeal just registered: its numbers and term, the PDF ready to print, and the
// way on — to the card or to the next appeal.
import { useRef } from 'react';
import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import type { Registered } from './form.ts';

export function TalonModal({ registered, onAgain, onOpen }: { registered: Registered | null; onAgain(): void; onOpen(): void }) {
  const { t, date } = useI18n();
  const frame = useRef<HTMLIFrameElement>(null);
  if (!registered) return null;
  const url = `/api/v1/appeals/${registered.id}/talon.pdf`;
  return (
    <Dialog onClose={onAgain} title={t('talon.title')} size="xl" centered>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="sm" c="gray.8">
              {t('registrationNumber')}
            </Text>
            <Text fw={700} data-testid="registration-number">
              {registered.registrationNumber}
            </Text>
          </div>
          <div>
            <Text size="sm" c="gray.8">
              {t('talon.number')}
            </Text>
            <Text fw={700} data-testid="talon-number">
              {registered.talonNumber}
            </Text>
          </div>
          <div>
            <Text size="sm" c="gray.8">
              {t('dueDate')}
            </Text>
            <Text fw={700}>{date(registered.dueDate)}</Text>
          </div>
        </SimpleGrid>
        <iframe ref={frame} src={url} title={t('talon.pdf')} className="pdf-frame" data-testid="talon-frame" />
        <Group justify="space-between">
          <Anchor href={url} target="_blank" rel="noopener">
            {t('talon.pdf')}
          </Anchor>
          <Group>
            <Button variant="default" onClick={onOpen}>
              {t('talon.openCard')}
            </Button>
            <Button variant="default" onClick={onAgain} data-testid="next-appeal">
              {t('talon.another')}
            </Button>
            <Button onClick={() => frame.current?.contentWindow?.print()} data-autofocus>
              {t('print')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Dialog>
  );
}
