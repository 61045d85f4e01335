// The contact centre's chat on the portal (EA-05), loaded only when the visitor opens it: the chat
// is started for an organization (POST /api/v1/contact-centre/chats) and carried over the chat's
// WebSocket with the caller's token; the operator answers from the staff console.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, useI18n } from './api.ts';
import { Problem } from './pages.tsx';

interface Message {
  id: number;
  author: 'caller' | 'operator';
  text: string;
  at: string;
}

export function ChatWidget({ onClose }: { onClose(): void }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [organization, setOrganization] = useState('');
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const [state, setState] = useState<'choosing' | 'open' | 'ended'>('choosing');
  const [error, setError] = useState<unknown>(null);
  const socket = useRef<WebSocket | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names come in the chosen language (the client sends it)
  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ items: { id: number; name: string }[] }>('GET', `/api/v1/public/organizations?q=${encodeURIComponent(q)}`)
        .then((r) => setOrgs(r.items))
        .catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [q, lang]);
  useEffect(() => () => socket.current?.close(), []);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const { contactId, token } = await api<{ contactId: string; token: string }>('POST', '/api/v1/contact-centre/chats', { organizationId: Number(organization), language: lang });
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/contact-centre/chats/${contactId}/socket?token=${encodeURIComponent(token)}`);
      ws.onmessage = (m) => {
        const data = JSON.parse(String(m.data)) as { transcript?: Message[] } & Partial<Message>;
        if (data.transcript) setMessages(data.transcript);
        else if (data.text) setMessages((list) => [...list, data as Message]);
      };
      ws.onclose = () => setState('ended');
      socket.current = ws;
      setState('open');
    } catch (err) {
      setError(err);
    }
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || socket.current?.readyState !== WebSocket.OPEN) return;
    socket.current.send(JSON.stringify({ text }));
    setText('');
  };

  return (
    <section className="chat" aria-labelledby="chat-title" data-testid="chat">
      <header>
        <h2 id="chat-title">{t('chat.title')}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('chat.close')}
        </button>
      </header>
      {state === 'choosing' ? (
        <form onSubmit={start} className="form">
          <label>
            {t('reception.search')}
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} name="chatOrgSearch" />
          </label>
          <label>
            {t('chat.organization')}
            <select value={organization} onChange={(e) => setOrganization(e.target.value)} required name="chatOrganization">
              <option value="">{t('new.none')}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('chat.start')}</button>
          <Problem error={error} />
        </form>
      ) : (
        <>
          <ol className="chat-log" aria-live="polite" data-testid="chat-log">
            {messages.length === 0 && <li className="muted">{t('chat.waiting')}</li>}
            {messages.map((m) => (
              <li key={m.id} className={`chat-${m.author}`}>
                <strong>{m.author === 'caller' ? t('chat.you') : t('chat.operator')}:</strong> {m.text}
              </li>
            ))}
            {state === 'ended' && <li className="muted">{t('chat.ended')}</li>}
          </ol>
          {state === 'open' && (
            <form onSubmit={send} className="chat-send">
              <input className="chat-field" aria-label={t('chat.message')} value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} name="chatMessage" />
              <button type="submit">{t('chat.send')}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
