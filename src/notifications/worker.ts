// The outbox worker: claims due messages, sends them, records every attempt; retries with
// exponential backoff and gives up (status failed) after the last attempt. Nothing is deleted.
//
// Claiming is a short transaction (SELECT … FOR UPDATE SKIP LOCKED, then attempts + 1, claimed_at
// and a lease in next_attempt_at), so concurrent workers on a server never take the same message,
// and no transaction is open while a message travels (the embedded database has one connection).
// Just before a message is sent its lease is renewed (and the claim checked to be still ours), so
// the lease covers one delivery, not the batch: it only has to exceed a transport's timeout.
// A worker that stops between sending and recording leaves claimed_at set; when the lease runs out
// the message is due again, the lost attempt is recorded as such, and it is sent again — delivery
// is at least once. Every attempt of a message carries the same identity (messageKey: the
// e-mail's Message-ID, the SMS gateway's idempotency key), so receivers can drop the repeats.
import type { Db } from '../db/connection.ts';
import type { Clock } from '../context.ts';
import { type Channel, messageKey } from './outbox.ts';
import type { Transports, Sent } from './transports.ts';

export interface WorkerOptions {
  /** Messages claimed per call (default 20). */
  batch?: number;
  /** Attempts before a message is failed (default 5). */
  maxAttempts?: number;
  /** Minutes to wait after the 1st, 2nd, … failed attempt; the last entry repeats (default 1, 5, 15, 60). */
  backoffMinutes?: readonly number[];
  /**
   * Minutes a claim holds a message before another worker may take it (default 2). It must exceed
   * the transports' timeouts (DEFAULT_SMTP_TIMEOUT_MS, DEFAULT_SMS_TIMEOUT_MS in transports.ts).
   */
  leaseMinutes?: number;
  /** The host in the messages' identities: PUBLIC_URL's (default 'localhost'). */
  host?: string;
}

export const DEFAULT_BATCH = 20;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MINUTES: readonly number[] = [1, 5, 15, 60];
export const DEFAULT_LEASE_MINUTES = 2;
export const LOST_OUTCOME = 'no outcome recorded: the worker stopped while delivering';

export interface DeliveryCounts {
  /** Messages taken for an attempt (less any retaken by another worker before their turn came). */
  claimed: number;
  sent: number;
  /** Failed attempts with a retry scheduled. */
  retrying: number;
  /** Messages given up after their last attempt. */
  failed: number;
  /** Earlier attempts whose outcome was never recorded (worker stopped mid-delivery). */
  lost: number;
}

const MINUTE = 60_000;
const ERROR_MAX = 2000;

/** Delivers the pending messages that are due now (by ctx.clock) over the configured channels. */
export async function deliverDue(ctx: { db: Db; clock: Clock }, transports: Transports, options: WorkerOptions = {}): Promise<DeliveryCounts> {
  const batch = options.batch ?? DEFAULT_BATCH;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoffMinutes?.length ? options.backoffMinutes : DEFAULT_BACKOFF_MINUTES;
  const lease = (options.leaseMinutes ?? DEFAULT_LEASE_MINUTES) * MINUTE;
  const host = options.host ?? 'localhost';
  const counts: DeliveryCounts = { claimed: 0, sent: 0, retrying: 0, failed: 0, lost: 0 };
  const channels = (['email', 'sms'] as const).filter((c) => transports[c] !== null);
  if (channels.length === 0 || batch <= 0) return counts;

  const claimedAt = ctx.clock.now();
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', claimedAt)
      .where('channel', 'in', channels)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    const take = [];
    for (const row of rows) {
      if (row.claimed_at !== null) {
        counts.lost++;
        await trx.insertInto('deliveries').values({ outbox_id: row.id, attempt: row.attempts, at: row.claimed_at, ok: false, error: LOST_OUTCOME, provider_response: null }).execute();
        if (row.attempts >= maxAttempts) {
          counts.failed++;
          await trx.updateTable('outbox').set({ status: 'failed', claimed_at: null, last_error: LOST_OUTCOME }).where('id', '=', row.id).execute();
          continue;
        }
      }
      take.push(row);
    }
    if (take.length > 0) {
      await trx
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), claimed_at: claimedAt, next_attempt_at: new Date(claimedAt.getTime() + lease) }))
        .where(
          'id',
          'in',
          take.map((r) => r.id),
        )
        .execute();
    }
    return take.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
  counts.claimed = claimed.length;

  for (const message of claimed) {
    // A fresh lease for this message's delivery, while the claim is still ours: a message that
    // waited in its batch beyond the lease may have been retaken by another worker (then it is theirs).
    const startedAt = ctx.clock.now();
    const renewed = await ctx.db
      .updateTable('outbox')
      .set({ claimed_at: startedAt, next_attempt_at: new Date(startedAt.getTime() + lease) })
      .where('id', '=', message.id)
      .where('attempts', '=', message.attempts)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(renewed.numUpdatedRows) === 0) {
      counts.claimed--;
      continue;
    }
    let outcome: { ok: true; sent: Sent } | { ok: false; error: string };
    try {
      outcome = { ok: true, sent: await send(transports, message.channel as Channel, messageKey(message, host), message) };
    } catch (e) {
      outcome = { ok: false, error: errorText(e) };
    }
    const at = ctx.clock.now();
    const attempt = message.attempts;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('deliveries')
        .values({
          outbox_id: message.id,
          attempt,
          at,
          ok: outcome.ok,
          error: outcome.ok ? null : outcome.error,
          provider_response: outcome.ok ? outcome.sent.response : null,
        })
        .execute();
      let update;
      if (outcome.ok) {
        counts.sent++;
        update = trx.updateTable('outbox').set({ status: 'sent', sent_at: at, claimed_at: null, last_error: null });
      } else if (attempt >= maxAttempts) {
        counts.failed++;
        update = trx.updateTable('outbox').set({ status: 'failed', claimed_at: null, last_error: outcome.error });
      } else {
        counts.retrying++;
        const wait = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 1;
        update = trx.updateTable('outbox').set({ next_attempt_at: new Date(at.getTime() + wait * MINUTE), claimed_at: null, last_error: outcome.error });
      }
      // Only while the claim is still ours (a message whose lease ran out may have been retaken).
      await update.where('id', '=', message.id).where('attempts', '=', attempt).where('status', '=', 'pending').execute();
    });
  }
  return counts;
}

async function send(transports: Transports, channel: Channel, key: string, m: { recipient: string; subject: string | null; body: string; attachment_name: string | null; attachment: Uint8Array | null }): Promise<Sent> {
  if (channel === 'email') {
    if (!transports.email) throw new Error('e-mail is not configured');
    return transports.email.send({
      key,
      to: m.recipient,
      subject: m.subject ?? '',
      text: m.body,
      attachments: m.attachment && m.attachment_name ? [{ filename: m.attachment_name, content: m.attachment }] : [],
    });
  }
  if (!transports.sms) throw new Error('SMS is not configured');
  return transports.sms.send({ key, to: m.recipient, text: m.body });
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e).slice(0, ERROR_MAX);
  const code = (e as { code?: unknown }).code;
  let text = typeof code === 'string' && !e.message.includes(code) ? `${code}: ${e.message}` : e.message || e.name;
  // fetch says only 'fetch failed'; the reason (ECONNREFUSED, a TLS error, …) is its cause
  if (e.cause instanceof Error && !text.includes(e.cause.message)) text += ` (${errorText(e.cause)})`;
  return text.slice(0, ERROR_MAX);
}

/**
 * Runs deliverDue every intervalMs (at once again while batches come back full) until the returned
 * function is called; that function waits for the run in progress. The timer does not keep the
 * process alive.
 */
export function startWorker(
  ctx: { db: Db; clock: Clock },
  transports: Transports,
  intervalMs = 10_000,
  options: WorkerOptions & { onError?: (error: unknown) => void; onDelivered?: (counts: DeliveryCounts) => void } = {},
): () => Promise<void> {
  const batch = options.batch ?? DEFAULT_BATCH;
  const onError = options.onError ?? ((error: unknown) => console.error('notifications worker:', error));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    running = (async () => {
      let full = false;
      try {
        const counts = await deliverDue(ctx, transports, options);
        if (counts.claimed > 0 || counts.lost > 0) options.onDelivered?.(counts);
        full = counts.claimed + counts.lost >= batch; // more may be due: go again at once
      } catch (e) {
        onError(e);
      }
      schedule(full ? 0 : intervalMs);
    })();
  };
  schedule(0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
