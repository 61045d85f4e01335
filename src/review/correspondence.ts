// Co-executing organizations (rules p.11): an appeal is registered only by the organization that
// answers the applicant; a co-executor in another organization gets its part of the work as
// internal correspondence — a task with the appeal's text and a term, answered by a reply that the
// responsible executor uses — never as an appeal of its own, so nothing of it counts in 1-ТӨ.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { AppealRow } from '../appeals/store.ts';
import { changeAppeal } from '../appeals/change.ts';

/** After an assignment: a task for each co-executor outside the appeal's organization; the tasks of
 *  co-executors no longer named are withdrawn. Returns the co-executors who got a task. */
export async function sendToCoExecutors(trx: Db, appeal: AppealRow, actor: Actor, coExecutors: { id: string; organizationId: number; external: boolean }[], due: string, now: Date): Promise<string[]> {
  const external = coExecutors.filter((c) => c.external);
  const open = await trx.selectFrom('correspondence').select(['id', 'co_executor_id']).where('appeal_id', '=', appeal.id).where('withdrawn_at', 'is', null).where('replied_at', 'is', null).execute();
  const gone = open.filter((o) => !external.some((c) => c.id === o.co_executor_id)).map((o) => o.id);
  if (gone.length) await trx.updateTable('correspondence').set({ withdrawn_at: now }).where('id', 'in', gone).execute();
  const fresh = external.filter((c) => !open.some((o) => o.co_executor_id === c.id));
  if (fresh.length) {
    await trx
      .insertInto('correspondence')
      .values(
        fresh.map((c) => ({
          id: randomUUID(),
          appeal_id: appeal.id,
          organization_id: appeal.organization_id,
          recipient_organization_id: c.organizationId,
          co_executor_id: c.id,
          sent_by: actor.id,
          sent_at: now,
          due_date: due,
          reply: null,
          replied_by: null,
          replied_by_name: null,
          replied_at: null,
          withdrawn_at: null,
        })),
      )
      .execute();
  }
  return fresh.map((c) => c.id);
}

const columns = [
  'k.id',
  'k.appeal_id',
  'k.organization_id',
  'k.recipient_organization_id',
  'k.co_executor_id',
  'u.full_name as co_executor_name',
  'k.sent_at',
  'k.due_date',
  'k.reply',
  'k.replied_by_name',
  'k.replied_at',
  'k.withdrawn_at',
  'a.registration_number',
  'a.summary',
  'a.text',
  'a.applicant_name',
  'a.due_date as appeal_due_date',
  'o.name_kk',
  'o.name_ru',
  'o.name_en',
] as const;

function base(db: Db) {
  return db
    .selectFrom('correspondence as k')
    .innerJoin('appeals as a', 'a.id', 'k.appeal_id')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .innerJoin('users as u', 'u.id', 'k.co_executor_id')
    .select(columns);
}

/** The tasks addressed to my organizations, open ones (not answered, not withdrawn) or all: a
 *  co-executor sees their own; a head or the control department every task of their organizations
 *  (the appeal's text and applicant are another organization's: no one else reads them). */
export async function incomingCorrespondence(ctx: Context, actor: Actor, state: 'open' | 'all') {
  let q = base(ctx.db).where(inScope(actor, 'k.recipient_organization_id'));
  if (!hasRole(actor, 'head', 'controller')) q = q.where('k.co_executor_id', '=', actor.id);
  if (state === 'open') q = q.where('k.replied_at', 'is', null).where('k.withdrawn_at', 'is', null);
  return q.orderBy('k.due_date').orderBy('k.sent_at').limit(1000).execute();
}

/** The tasks an appeal sent to co-executing organizations, with their replies. */
export async function correspondenceOf(db: Db, appealId: string) {
  return base(db).where('k.appeal_id', '=', appealId).orderBy('k.sent_at').execute();
}

/** The co-executor, or a head of the receiving organization, answers the task; the appeal's
 *  organization sees the reply on the appeal (audit event there). */
export async function replyToCorrespondence(ctx: Context, actor: Actor, id: string, text: string) {
  const task = await ctx.db.selectFrom('correspondence as k').selectAll('k').select(inScope(actor, 'k.recipient_organization_id').as('mine')).where('k.id', '=', id).executeTakeFirst();
  if (!task) throw notFound();
  if (!task.mine || !(task.co_executor_id === actor.id || hasRole(actor, 'head'))) throw forbidden();
  if (task.withdrawn_at) throw new AppError(409, 'correspondence.withdrawn');
  if (task.replied_at) throw new AppError(409, 'correspondence.answered');
  // the co-executor's own scope was checked on the task: the appeal is another organization's
  await changeAppeal(
    ctx,
    actor,
    task.appeal_id,
    async ({ trx, now }) => {
      // still open as the update sees it: a reply or a withdrawal meanwhile wins
      const updated = await trx
        .updateTable('correspondence')
        .set({ reply: text, replied_by: actor.id, replied_by_name: actor.fullName, replied_at: now })
        .where('id', '=', task.id)
        .where('replied_at', 'is', null)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'correspondence.answered');
      const changes = { correspondenceId: task.id, organizationId: task.recipient_organization_id };
      return { change: { event: { kind: 'coExecutorReplied', changes } } };
    },
    { scopeChecked: true },
  );
}
