// The daily sweep of staff notifications (issue 10, item 13): an open appeal whose term ends within
// the configured working days (JOLDANYM_TERM_ENDING_DAYS, the queues' "at risk" by default) tells its
// executor — the heads while nobody is assigned —, an overdue one tells its executor and the heads.
// Idempotent: a notice is one per user, appeal and due date (src/domain/inbox.ts termKey), so the
// sweep may run any number of times a day; an extended term is told again.
import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { atRiskHorizon } from '../domain/queues.ts';
import { termKey } from '../domain/inbox.ts';
import { addNotices, type NewNotice } from './notices.ts';

export async function sweepTermNotices(ctx: Context): Promise<number> {
  const today = todayOf(ctx);
  const horizon = atRiskHorizon(ctx.law.calendar, today, ctx.config.termEndingWorkingDays);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await sql<{ id: string; organization_id: number; registration_number: string; due_date: string; executor_id: string | null; heads: string[] }>`
      SELECT a.id, a.organization_id, a.registration_number, a.due_date::text AS due_date, a.executor_id,
             coalesce(array(SELECT u.id::text FROM users u WHERE u.organization_id = a.organization_id AND u.active AND 'head' = ANY(u.roles)), '{}') AS heads
      FROM appeals a
      WHERE a.review_ended_on IS NULL AND a.due_date < ${horizon}::date`.execute(trx);
    const notices: NewNotice[] = [];
    for (const a of rows.rows) {
      const kind = a.due_date < today ? 'overdue' : 'termEnding';
      const users = kind === 'overdue' ? [...(a.executor_id ? [a.executor_id] : []), ...a.heads] : a.executor_id ? [a.executor_id] : a.heads;
      const params = { registrationNumber: a.registration_number, dueDate: a.due_date };
      for (const userId of new Set(users)) notices.push({ userId, kind, appealId: a.id, organizationId: a.organization_id, key: termKey(kind, a.id, a.due_date), params });
    }
    return addNotices(trx, notices, now);
  });
}
