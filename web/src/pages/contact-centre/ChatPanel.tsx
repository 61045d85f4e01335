// The chat of a live contact (EA-05): the transcript and the operator's messages over the chat's
// WebSocket (the session cookie signs the operator in; the server checks the page's origin).
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';

interface Message {
  id: number;
  author: 'caller' | 'operator';
  text: string;
  at: string;
}

export function ChatPanel({ contactId }: { contactId: string }) {
  const { t, dateTime } = useI18n();
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const socket = useRef<WebSocket | null>(null);
  useEffect(() => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/v1/contact-centre/chats/${contactId}/socket`);
    socket.current = ws;
    ws.addEventListener('message', (e) => {
      const m = JSON.parse(String(e.data)) as { transcript?: Message[] } & Partial<Message>;
      if (m.transcript) setMessages(m.transcript);
      else if (m.id && m.author && m.text && m.at) setMessages((list) => [...list, { id: m.id!, author: m.author!, text: m.text!, at: m.at! }]);
    });
    return () => ws.close();
  }, [contactId]);
  const send = (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim() || socket.current?.readyState !== WebSocket.OPEN) return;
    socket.current.send(JSON.stringify({ text }));
    setText('');
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cc-chat">
      <Title order={2} size="h4" id="cc-chat" mb="sm">
        {t('cc.chat')}
      </Title>
      <Stack gap={4} role="log" aria-live="polite" data-testid="chat-log" mah={280} style={{ overflowY: 'auto' }}>
        {messages.map((m) => (
          <Text key={m.id} size="sm">
            <Text span fw={700}>
              {t(m.author === 'caller' ? 'cc.caller' : 'cc.chat.operator')}
            </Text>{' '}
            <Text span size="xs" c="gray.8">
              {dateTime(m.at)}
            </Text>
            : {m.text}
          </Text>
        ))}
      </Stack>
      <Group component="form" onSubmit={send} align="end" mt="sm">
        <TextInput label={t('cc.chat.message')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} data-testid="chat-input" />
        <Button type="submit">{t('cc.chat.send')}</Button>
      </Group>
    </Paper>
  );
}
