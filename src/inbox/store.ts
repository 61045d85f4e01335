// The SQL of a user's inbox (issue 10, item 13): their notices, newest first; marking read; the
// e-mail preference.
import type { Db } from '../db/connection.ts';

export async function inboxOf(db: Db, userId: string, f: { unread?: boolean; limit: number; offset: number }) {
  let q = db.selectFrom('staff_notifications').where('user_id', '=', userId);
  if (f.unread) q = q.where('read_at', 'is', null);
  const [rows, count, unread] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('staff_notifications')
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), unread: Number(unread.n) };
}

/** Marks the user's notices read (the given ones, or all); how many were unread. */
export async function markRead(db: Db, userId: string, ids: readonly number[] | 'all', at: Date): Promise<number> {
  let q = db.updateTable('staff_notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? [...ids] : [-1]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function emailPreference(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('staff_notification_settings').select('email').where('user_id', '=', userId).executeTakeFirst();
  return row?.email ?? true;
}

export async function setEmailPreference(db: Db, userId: string, email: boolean): Promise<void> {
  await db
    .insertInto('staff_notification_settings')
    .values({ user_id: userId, email })
    .onConflict((c) => c.column('user_id').doUpdateSet({ email }))
    .execute();
}
