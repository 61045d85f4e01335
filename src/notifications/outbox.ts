// The transactional outbox: a use case enqueues its messages in its own transaction, so a message
// exists iff the change committed; the worker (worker.ts) delivers them later. Nothing is deleted.
import type { Db } from '../db/connection.ts';

export const MESSAGE_KINDS = ['registered', 'forwarded', 'extended', 'hearingNotice', 'decision', 'talon'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** Messages to staff, about no appeal: a user's sign-in is being throttled (src/access/auth.ts), an
 *  instruction under control is due or overdue (src/instructions/reminders.ts), a notice of their
 *  inbox (src/inbox/notices.ts). */
export const STAFF_MESSAGE_KINDS = ['accountThrottled', 'instructionReminder', 'staffNotice'] as const;
export type StaffMessageKind = (typeof STAFF_MESSAGE_KINDS)[number];
/** Messages of the citizen portal about no appeal: a one-time sign-in code (src/portal/identification.ts). */
export const PORTAL_MESSAGE_KINDS = ['portalCode'] as const;
export type PortalMessageKind = (typeof PORTAL_MESSAGE_KINDS)[number];

/** Messages of personal reception (src/reception/messages.ts writes their texts). */
export const RECEPTION_MESSAGE_KINDS = ['receptionScheduled', 'receptionCancelled', 'receptionRefusalDraft', 'receptionRefused', 'receptionNotConsidered', 'receptionParticipation'] as const;
export type ReceptionMessageKind = (typeof RECEPTION_MESSAGE_KINDS)[number];

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export type MessageStatus = 'pending' | 'sent' | 'failed';

export interface Attachment {
  /** File name as the recipient sees it, e.g. 'talon-26031800000042.pdf'. */
  name: string;
  content: Uint8Array;
}

/** One message to one recipient over one channel: a row of the outbox. */
export interface OutboxMessage {
  organizationId: number;
  appealId: string | null;
  kind: MessageKind | StaffMessageKind | ReceptionMessageKind | PortalMessageKind;
  channel: Channel;
  /** An e-mail address or a phone number (+7…). */
  recipient: string;
  language: string;
  /** E-mail subject; null for SMS. */
  subject: string | null;
  body: string;
  /** E-mail only: the letter, stored with the message. */
  attachment?: Attachment | null;
}

/**
 * Puts messages into the outbox. Call it with the use case's transaction (a Transaction is a Db):
 * if the transaction rolls back, the messages never existed. `at` is the use case's clock time;
 * the messages are due at once. Returns the ids of the new rows.
 */
export async function enqueue(trx: Db, messages: OutboxMessage | readonly OutboxMessage[], at: Date): Promise<number[]> {
  const list = Array.isArray(messages) ? (messages as readonly OutboxMessage[]) : [messages as OutboxMessage];
  if (list.length === 0) return [];
  const rows = await trx
    .insertInto('outbox')
    .values(list.map((m) => outboxRow(m, at)))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The outbox row of a message made at `at` (due at once); a statement that enqueues by itself
 *  (intake's registration) inserts these. */
export function outboxRow(m: OutboxMessage, at: Date) {
  if (m.channel === 'sms' && m.attachment) throw new Error('an SMS carries no attachment');
  if (!m.recipient.trim()) throw new Error('a message needs a recipient');
  return {
    organization_id: m.organizationId,
    appeal_id: m.appealId,
    kind: m.kind,
    channel: m.channel,
    recipient: m.recipient.trim(),
    language: m.language,
    subject: m.subject,
    body: m.body,
    attachment_name: m.attachment ? m.attachment.name : null,
    attachment: m.attachment ? Buffer.from(m.attachment.content) : null,
    next_attempt_at: at,
    created_at: at,
  };
}

/**
 * The identity of a message, the same on every attempt and different for every other message:
 * `outbox-<row id>.<created_at in base 36>@<host of PUBLIC_URL>`. E-mail carries it as its
 * Message-ID (`<…>`), SMS as the gateway's idempotency key, so a receiver drops a repeat of an
 * attempt whose outcome was lost (docs/operations.md, "The outbox"). The creation time keeps it
 * unique after a restore from a backup hands out the same row ids again; the host keeps instances
 * apart.
 */
export function messageKey(message: { id: number; created_at: Date }, host: string): string {
  return `outbox-${message.id}.${message.created_at.getTime().toString(36)}@${host}`;
}

export interface DeliveryRecord {
  attempt: number;
  at: Date;
  ok: boolean;
  error: string | null;
  providerResponse: string | null;
}

export interface OutboxEntry {
  id: number;
  kind: MessageKind;
  channel: Channel;
  recipient: string;
  language: string;
  subject: string | null;
  body: string;
  attachmentName: string | null;
  attachmentSize: number | null;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveries: DeliveryRecord[];
}

/** The messages of an appeal with every delivery attempt, oldest first (the attachment by size only). */
export async function messagesOfAppeal(db: Db, appealId: string): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .select([
      'id',
      'kind',
      'channel',
      'recipient',
      'language',
      'subject',
      'body',
      'attachment_name',
      (e) => e.fn<number | null>('octet_length', ['attachment']).as('attachment_size'),
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
    ])
    .where('appeal_id', '=', appealId)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const deliveries = await db
    .selectFrom('deliveries')
    .selectAll()
    .where(
      'outbox_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('outbox_id')
    .orderBy('attempt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as MessageKind,
    channel: r.channel as Channel,
    recipient: r.recipient,
    language: r.language,
    subject: r.subject,
    body: r.body,
    attachmentName: r.attachment_name,
    attachmentSize: r.attachment_size === null ? null : Number(r.attachment_size),
    status: r.status as MessageStatus,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    deliveries: deliveries.filter((d) => d.outbox_id === r.id).map((d) => ({ attempt: d.attempt, at: d.at, ok: d.ok, error: d.error, providerResponse: d.provider_response })),
  }));
}
