// The operator console of the contact centre (issue 13, EA-05, EA-10): a call from the telephone
// system pops here at once (server-sent events) with the caller's earlier appeals and contacts;
// the operator searches the knowledge cards and closes the contact with its one outcome. Every
// control is a native form control or button, in reading order: usable from the keyboard alone.
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { notify } from '../../components/notify.ts';
import { contactKeys, getChats, getContact, openContact, type Channel, type Card } from './api.ts';
import { CardSearch } from './CardSearch.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { ChatPanel } from './ChatPanel.tsx';

const CHANNELS: Channel[] = ['phone', 'chat', 'web', 'email'];

/** The operator's screen pops: the contact of each call that rings here, and whether it ended. */
function useScreenPop(onRinging: (contactId: string, phone: string | null) => void, onHangup: (contactId: string) => void): boolean {
  const [connected, setConnected] = useState(false);
  const ringing = useRef(onRinging);
  const hangup = useRef(onHangup);
  ringing.current = onRinging;
  hangup.current = onHangup;
  useEffect(() => {
    const source = new EventSource('/api/v1/contact-centre/screen-pop');
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('ringing', (e) => {
      const pop = JSON.parse((e as MessageEvent).data) as { contactId: string; callerPhone: string | null };
      ringing.current(pop.contactId, pop.callerPhone);
    });
    source.addEventListener('hangup', (e) => hangup.current((JSON.parse((e as MessageEvent).data) as { contactId: string }).contactId));
    return () => source.close();
  }, []);
  return connected;
}

function NewContact({ onOpened }: { onOpened(id: string): void }) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<Channel>('phone');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onOpened((await openContact(channel, phone)).id);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
    }
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cc-new">
      <Title order={2} size="h4" id="cc-new" mb="sm">
        {t('cc.newContact')}
      </Title>
      <Group align="end">
        <NativeSelect label={t('cc.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)} data={CHANNELS.map((c) => ({ value: c, label: t(`cc.channel.${c}`) }))} />
        <TextInput label={t('cc.callerPhone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} type="tel" autoComplete="off" />
        <Button type="submit">{t('cc.open')}</Button>
      </Group>
      {error && (
        <Text c="red.8" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}

/** The chats of the citizens' pages not yet closed: the operator takes one. */
function Chats({ onTake }: { onTake(id: string): void }) {
  const { t, dateTime } = useI18n();
  const chats = useQuery({ queryKey: ['contact-centre', 'chats'], queryFn: getChats, refetchInterval: 5_000 });
  const waiting = chats.data?.items.filter((c) => !c.operatorName) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cc-chats">
      <Title order={2} size="h4" id="cc-chats" mb="sm">
        {t('cc.chats')}
      </Title>
      {waiting.length === 0 && <Text size="sm">{t('cc.chats.none')}</Text>}
      <Stack gap="xs">
        {waiting.map((c) => (
          <Group key={c.id} justify="space-between" data-testid="waiting-chat">
            <Text size="sm">
              {dateTime(c.startedAt)}: {c.lastMessage ?? '—'}
            </Text>
            <Button size="xs" variant="outline" onClick={() => onTake(c.id)}>
              {t('cc.chats.take')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function CallerPanel({ contact, ended }: { contact: Contact; ended: boolean }) {
  const { t, date, dateTime } = useI18n();
  const { appeals, contacts } = contact.history;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cc-caller">
      <Group justify="space-between">
        <Title order={2} size="h4" id="cc-caller">
          {t('cc.caller')}: <span data-testid="caller-phone">{contact.callerPhone ?? contact.callerAddress ?? '—'}</span>
        </Title>
        <Group gap="xs">
          <Badge variant="light">{t(`cc.channel.${contact.channel as Channel}`)}</Badge>
          {ended && (
            <Badge color="gray" data-testid="call-ended">
              {t('cc.hangup')}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="sm" c="gray.8">
        {t('cc.startedAt')}: {dateTime(contact.startedAt)}
      </Text>
      <Title order={3} size="h5" mt="sm">
        {t('cc.history')}
      </Title>
      {appeals.length === 0 && contacts.length === 0 ? (
        <Text size="sm">{t('cc.history.none')}</Text>
      ) : (
        <Table data-testid="caller-history" striped>
          <Table.Caption>{t('cc.history.appeals')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cc.registrationNumber')}</Table.Th>
              <Table.Th>{t('cc.summary')}</Table.Th>
              <Table.Th>{t('cc.startedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {appeals.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.registrationNumber}
                  <br />
                  <Text span size="xs">
                    {t(`status.${a.status}` as 'status.registered')}, {date(a.dueDate)}
                  </Text>
                </Table.Td>
                <Table.Td>{a.summary}</Table.Td>
                <Table.Td>{date(a.registrationDate)}</Table.Td>
              </Table.Tr>
            ))}
            {contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.registrationNumber ?? t(`cc.channel.${c.channel as Channel}`)}</Table.Td>
                <Table.Td>{c.outcome ? t(`cc.outcome.${c.outcome}` as 'cc.outcome.appeal') : '—'}</Table.Td>
                <Table.Td>{dateTime(c.startedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

type Contact = Awaited<ReturnType<typeof getContact>>;

export default function ContactCentreConsole() {
  const { t } = useI18n();
  const [contactId, setContactId] = useState<string | null>(null);
  const [ended, setEnded] = useState<string[]>([]);
  const [card, setCard] = useState<Card | null>(null);
  const [announce, setAnnounce] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const contact = useQuery({ queryKey: contactKeys.contact(contactId ?? ''), queryFn: () => getContact(contactId!), enabled: contactId !== null });

  const show = (id: string) => {
    setContactId(id);
    setCard(null);
  };
  const connected = useScreenPop(
    (id, phone) => {
      const text = t('cc.ringing', { phone: phone ?? '—' });
      setAnnounce(text);
      notify(text, 'blue');
      if (!contactId || contact.data?.closedAt) show(id);
    },
    (id) => setEnded((e) => [...e, id]),
  );
  // the operator's focus goes to the contact that popped
  const shownId = contact.data?.id;
  useEffect(() => {
    if (shownId) heading.current?.focus();
  }, [shownId]);

  return (
    <Stack data-testid="cc-console" data-screen-pop={connected ? 'connected' : 'waiting'}>
      <Title order={1}>{t('cc.title')}</Title>
      <VisuallyHidden role="status" aria-live="polite" data-testid="cc-announce">
        {announce}
      </VisuallyHidden>
      {!contactId && (
        <>
          <Alert color="blue">{t('cc.waiting')}</Alert>
          <NewContact onOpened={show} />
          <Chats onTake={show} />
        </>
      )}
      {contactId && contact.data && (
        <>
          <Title order={2} size="h3" ref={heading} tabIndex={-1} data-testid="live-contact">
            {t('cc.live')}
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack>
                <CallerPanel contact={contact.data} ended={ended.includes(contactId) || contact.data.endedAt !== null} />
                {contact.data.channel === 'chat' && !contact.data.closedAt && <ChatPanel contactId={contactId} />}
                <CardSearch onUse={setCard} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <OutcomeForm key={contactId} contact={contact.data} card={card} onNext={() => setContactId(null)} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
