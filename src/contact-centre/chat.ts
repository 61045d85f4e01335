// The chat of the citizens' pages (EA-05): a caller starts it (a contact with channel "chat" and a
// token only the caller holds), an operator of the organization's centre takes it, both talk over
// a WebSocket (src/contact-centre/websocket.ts), every message is kept as the contact's transcript,
// and the operator closes the contact with any outcome, as any other.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Context } from '../context.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { authenticate } from '../access/auth.ts';
import { SESSION_COOKIE } from '../access/session-cookies.ts';
import { forbidden, invalid } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { acceptUpgrade, MAX_MESSAGE, refuseUpgrade, type TextSocket } from './websocket.ts';
import * as store from './store.ts';

export const CHAT_SOCKET_PATH = /^\/api\/v1\/contact-centre\/chats\/([0-9a-f-]{36})\/socket$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A caller starts a chat with an organization's contact centre: the contact and the caller's token. */
export async function startChat(ctx: Context, input: { organizationId: number; language?: string }): Promise<{ contactId: string; token: string }> {
  if (!(await store.organizationById(ctx.db, input.organizationId))) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);
  const id = randomUUID();
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertContact(trx, { id, organization_id: input.organizationId, channel: 'chat', language: input.language ?? null, started_at: now, chat_token_sha256: sha256(token), created_at: now });
    await appendEvent(trx, { appealId: null, organizationId: input.organizationId, actor: null, at: now, kind: 'contactOpened', changes: { contactId: id, channel: 'chat' } });
  });
  return { contactId: id, token };
}

/** The transcript of a chat, oldest first. */
export async function chatTranscript(ctx: Context, contactId: string) {
  return store.chatMessages(ctx.db, contactId);
}

export async function openChatsOf(ctx: Context, actor: Actor) {
  if (!hasRole(actor, 'operator')) throw forbidden();
  return store.openChats(ctx.db, actor);
}

/** A flood guard of each socket (the upgrade bypasses the HTTP rate limits): this many messages in
 *  a window, and this many sockets in one chat (a caller's tabs and the operators). */
export const CHAT_LIMITS = { messages: 5, windowMs: 10_000, socketsPerChat: 4 };

// The sockets of each chat, in this process (as the screen pop: docs/operations.md).
const rooms = new WeakMap<Config, Map<string, Set<TextSocket>>>();
function room(config: Config, contactId: string): Set<TextSocket> {
  let all = rooms.get(config);
  if (!all) rooms.set(config, (all = new Map()));
  let r = all.get(contactId);
  if (!r) all.set(contactId, (r = new Set()));
  return r;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Who joins: the caller by the chat's token, or an operator by bearer token or session cookie
 *  (a cookie only from a page of this server: the Origin is checked, against cross-site use). */
async function participant(ctx: Context, req: IncomingMessage, url: URL, contact: { organization_id: number; chat_token_sha256: string | null }): Promise<{ actor: Actor | null } | null> {
  const token = url.searchParams.get('token');
  if (token) {
    const given = Buffer.from(sha256(token));
    const kept = Buffer.from(contact.chat_token_sha256 ?? '');
    return given.length === kept.length && timingSafeEqual(given, kept) ? { actor: null } : null;
  }
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const session = bearer ?? cookie(req, SESSION_COOKIE);
  if (!session) return null;
  if (!bearer) {
    const origin = req.headers.origin;
    if (!origin || new URL(origin).host !== req.headers.host) return null;
  }
  const actor = await authenticate(ctx, session);
  if (!actor || !hasRole(actor, 'operator')) return null;
  const visible = await store.contactInScope(ctx.db, actor, (url.pathname.match(CHAT_SOCKET_PATH) ?? [])[1]!);
  return visible?.visible ? { actor } : null;
}

/** The upgrade of a chat's socket: the transcript first, then each message stored and sent to
 *  everyone in the chat as {id, author, text, at}; the first operator to join takes the chat. */
export async function chatUpgrade(ctx: Context, req: IncomingMessage, socket: Duplex): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = CHAT_SOCKET_PATH.exec(url.pathname)?.[1];
  if (!id) return refuseUpgrade(socket, 404, 'Not Found');
  const contact = await ctx.db.selectFrom('contacts').select(['id', 'organization_id', 'chat_token_sha256', 'operator_id', 'closed_at', 'channel']).where('id', '=', id).executeTakeFirst();
  if (contact?.channel !== 'chat' || contact.closed_at) return refuseUpgrade(socket, 404, 'Not Found');
  const who = await participant(ctx, req, url, contact);
  if (!who) return refuseUpgrade(socket, 403, 'Forbidden');
  if (room(ctx.config, id).size >= CHAT_LIMITS.socketsPerChat) return refuseUpgrade(socket, 429, 'Too Many Requests');
  const ws = acceptUpgrade(req, socket);
  if (!ws) return;
  const { actor } = who;
  if (actor && !contact.operator_id) {
    await ctx.db.updateTable('contacts').set({ operator_id: actor.id, operator_name: actor.fullName, answered_at: ctx.clock.now() }).where('id', '=', id).where('operator_id', 'is', null).execute();
  }
  const members = room(ctx.config, id);
  members.add(ws);
  ws.onClose(() => members.delete(ws));
  const present = (m: { id: number; author: string; text: string; at: Date }) => JSON.stringify({ id: m.id, author: m.author, text: m.text, at: m.at.toISOString() });
  ws.send(JSON.stringify({ transcript: (await store.chatMessages(ctx.db, id)).map((m) => JSON.parse(present(m))) }));
  let queue = Promise.resolve();
  const recent: number[] = [];
  ws.onText((raw) => {
    queue = queue
      .then(async () => {
        const now = ctx.clock.now().getTime();
        while (recent.length > 0 && recent[0]! <= now - CHAT_LIMITS.windowMs) recent.shift();
        if (recent.length >= CHAT_LIMITS.messages) return ws.send(JSON.stringify({ error: 'chat.tooFast' }));
        recent.push(now);
        // a contact closed meanwhile takes no more messages, and its sockets end
        if (await store.contactClosed(ctx.db, id)) {
          ws.send(JSON.stringify({ error: 'chat.closed' }));
          return ws.close(1000);
        }
        let text: unknown;
        try {
          text = (JSON.parse(raw) as { text?: unknown }).text;
        } catch {
          text = undefined;
        }
        if (typeof text !== 'string' || !text.trim() || Buffer.byteLength(text) > MAX_MESSAGE || text.includes('\u0000')) return ws.send(JSON.stringify({ error: 'chat.badMessage' }));
        const m = await store.insertChatMessage(ctx.db, { contact_id: id, at: ctx.clock.now(), author: actor ? 'operator' : 'caller', operator_id: actor?.id ?? null, text: text.trim() });
        for (const member of members) member.send(present(m));
      })
      .catch(() => ws.close(1011));
  });
}
