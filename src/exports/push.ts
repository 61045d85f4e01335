// Pushing the daily exports to the statistics authority (rules p.29): when an administrator has set
// a URL (settings key exportPush: {url}), every day that is over gets a push (export_pushes),
// delivered by the scheduler with retries and backoff (the outbox pattern of src/notifications):
// the whole instance's package of the day is POSTed as JSON to another Joldanym's POST
// /api/v1/exports/incoming. No user session or token (which would expire): the package's own
// signature is the credential, checked against the certificate the receiving instance registered
// for this one (src/exports/instances.ts); until it has, the pushes fail and are retried. Every
// attempt is in the export log.
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { forbidden, invalid } from '../errors.ts';
import { plusDays } from '../domain/calendar.ts';
import { appendEvent } from '../audit/log.ts';
import { buildDailyPackage } from './service.ts';
import { instanceIdOf } from './keys.ts';
import { pushHeaders } from './incoming.ts';

export const PUSH_BACKOFF_MINUTES = [5, 15, 60, 240, 720] as const;
export const PUSH_MAX_ATTEMPTS = 8;

export interface PushSettings {
  url: string;
}

export async function pushSettings(ctx: Context): Promise<PushSettings | null> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', 'exportPush').executeTakeFirst();
  const v = row?.value as PushSettings | null | undefined;
  return v && typeof v.url === 'string' ? v : null;
}

export async function setPushSettings(ctx: Context, actor: Actor, settings: PushSettings | null): Promise<void> {
  if (!actor.roles.includes('admin')) throw forbidden();
  if (settings && !/^https?:\/\//.test(settings.url)) throw invalid([{ path: '/url', code: 'export.pushUrl' }]);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: 'exportPush', value: JSON.stringify(settings) })
      .onConflict((c) => c.column('key').doUpdateSet({ value: JSON.stringify(settings) }))
      .execute();
    await appendEvent(trx, { appealId: null, organizationId: actor.organizationId, actor, at: now, kind: 'exportPushSet', changes: { url: settings?.url ?? null } });
  });
}

/** Every day since the journal began (or since the last queued day) that is over gets a push. */
export async function queueDuePushes(ctx: Context): Promise<number> {
  const settings = await pushSettings(ctx);
  if (!settings) return 0;
  const today = todayOf(ctx);
  const last = await ctx.db
    .selectFrom('export_pushes')
    .select((e) => e.fn.max('day').as('day'))
    .where('url', '=', settings.url)
    .executeTakeFirst();
  const first = await ctx.db
    .selectFrom('export_journal')
    .select((e) => e.fn.min('day').as('day'))
    .executeTakeFirst();
  if (!first?.day) return 0;
  let day = last?.day ? plusDays(String(last.day), 1) : String(first.day);
  const rows = [];
  for (; day < today && rows.length < 400; day = plusDays(day, 1)) rows.push({ day, url: settings.url, next_attempt_at: ctx.clock.now() });
  if (rows.length)
    await ctx.db
      .insertInto('export_pushes')
      .values(rows)
      .onConflict((c) => c.doNothing())
      .execute();
  return rows.length;
}

/** Delivers the pushes that are due; a failure is retried later, up to PUSH_MAX_ATTEMPTS. */
export async function deliverPushes(ctx: Context, send: typeof fetch = fetch): Promise<{ sent: number; failed: number }> {
  const settings = await pushSettings(ctx);
  const counts = { sent: 0, failed: 0 };
  if (!settings) return counts;
  const now = ctx.clock.now();
  const due = await ctx.db.selectFrom('export_pushes').selectAll().where('status', '=', 'pending').where('url', '=', settings.url).where('next_attempt_at', '<=', now).orderBy('day').limit(50).execute();
  const instanceId = await instanceIdOf(ctx.db);
  for (const p of due) {
    let error: string | null = null;
    let pkg: Awaited<ReturnType<typeof buildDailyPackage>> | undefined;
    try {
      // from the primary: a package is sent once, and a lagging replica would leave out the day's last rows
      pkg = await buildDailyPackage({ ...ctx, replica: undefined }, p.day, null, { all: true });
      const { sha256: _s, counts: _c, ...body } = pkg;
      const res = await send(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...pushHeaders(body.manifest, body.signature) },
        body: JSON.stringify(body),
      });
      if (!res.ok) error = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = p.attempts + 1;
    const giveUp = error !== null && attempts >= PUSH_MAX_ATTEMPTS;
    const wait = PUSH_BACKOFF_MINUTES[Math.min(attempts - 1, PUSH_BACKOFF_MINUTES.length - 1)]!;
    await ctx.db
      .updateTable('export_pushes')
      .set({
        attempts,
        status: error === null ? 'sent' : giveUp ? 'failed' : 'pending',
        last_error: error,
        sent_at: error === null ? now : null,
        next_attempt_at: new Date(now.getTime() + wait * 60_000),
      })
      .where('day', '=', p.day)
      .where('url', '=', p.url)
      .execute();
    await ctx.db
      .insertInto('export_log')
      .values({
        at: now,
        direction: 'push',
        instance_id: instanceId,
        day: p.day,
        organization_code: null,
        manifest_sha256: pkg?.sha256 ?? null,
        counts: pkg ? JSON.stringify(pkg.counts) : null,
        ok: error === null,
        error,
        actor_name: 'system',
      })
      .execute();
    if (error === null) counts.sent++;
    else counts.failed++;
  }
  return counts;
}
