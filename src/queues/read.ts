// What the queue routes show: the work queues and the overview of heads and controllers, with
// the term dates of today.
import type { Context } from '../context.ts';
import { reader } from '../db/replica.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, notFound } from '../errors.ts';
import { atRiskHorizon, type Queue, type QueueSort } from '../domain/queues.ts';
import { organizationExists, organizationRefOf } from '../reference/store.ts';
import { byExecutor, byOrganization, endedOnTime, queueCounts, queueItems, type QueueFilter, type TermDates } from './store.ts';

/** Today and the at-risk horizon: what the queues count by. */
export function termDates(ctx: Context): TermDates {
  const today = todayOf(ctx);
  return { today, horizon: atRiskHorizon(ctx.law.calendar, today) };
}

/** How many appeals each queue holds. */
export async function countQueues(ctx: Context, actor: Actor, filter: QueueFilter) {
  const db = await reader(ctx, actor);
  const d = termDates(ctx);
  return { ...(await queueCounts(db, actor, filter, d)), today: d.today };
}

/** A page of a queue, sorted. */
export async function queuePage(ctx: Context, actor: Actor, queue: Queue, filter: QueueFilter, page: { sort: QueueSort; order: 'asc' | 'desc'; limit: number; offset: number }) {
  const d = termDates(ctx);
  return { ...(await queueItems(ctx.db, actor, queue, filter, d, page)), today: d.today };
}

/** Heads' and controllers' overview of an organization they act for (default: their own). */
export async function overview(ctx: Context, actor: Actor, query: { organization?: number; dateFrom?: string; dateTo?: string }) {
  if (!hasRole(actor, 'head', 'controller')) throw new AppError(403, 'overview.notAllowed');
  const db = await reader(ctx, actor);
  const rootId = query.organization ?? actor.scopeOrganizationId;
  if (!(await canActFor(db, actor, rootId))) throw new AppError(403, 'forbidden');
  // an administrator may name any organization id, also one that does not exist
  if (!(await organizationExists(db, rootId))) throw notFound();
  const d = termDates(ctx);
  const period = { from: query.dateFrom ?? `${d.today.slice(0, 4)}-01-01`, to: query.dateTo ?? d.today };
  const [root, { counts, capped }, onTime, executors, organizations] = await Promise.all([
    organizationRefOf(db, rootId),
    queueCounts(db, actor, { organizationId: rootId }, d),
    endedOnTime(db, actor, rootId, period),
    byExecutor(db, actor, rootId, d),
    byOrganization(db, actor, rootId, d, period),
  ]);
  return { today: d.today, period, root, counts, capped, onTime, executors, organizations };
}
