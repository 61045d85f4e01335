// Co-executing organizations (rules p.11): an appeal is registered only by the organization that
// answers the applicant; a co-executor in another organization gets its part of the work as
// internal correspondence — a task with the appeal's text and a term, answered by a reply that the
// responsible executor uses — never as an appeal of its own, so nothing of it counts in 1-ТӨ.
import type { Context } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { AppealRow } from '../appeals/store.ts';
import { changeAppeal } from '../appeals/change.ts';
import { insertTasks, openTasksOf, recordReply, taskFor, tasksAddressedTo, withdrawTasks } from './store.ts';

/** After an assignment: a task for each co-executor outside the appeal's organization; the tasks of
 *  co-executors no longer named are withdrawn. Returns the co-executors who got a task. */
export async function sendToCoExecutors(trx: Db, appeal: AppealRow, actor: Actor, coExecutors: { id: string; organizationId: number; external: boolean }[], due: string, now: Date): Promise<string[]> {
  const external = coExecutors.filter((c) => c.external);
  const open = await openTasksOf(trx, appeal.id);
  const gone = open.filter((o) => !external.some((c) => c.id === o.co_executor_id)).map((o) => o.id);
  if (gone.length) await withdrawTasks(trx, gone, now);
  const fresh = external.filter((c) => !open.some((o) => o.co_executor_id === c.id));
  if (fresh.length) await insertTasks(trx, appeal, actor, fresh, due, now);
  return fresh.map((c) => c.id);
}

/** The tasks addressed to my organizations, open ones (not answered, not withdrawn) or all: a
 *  co-executor sees their own; a head or the control department every task of their organizations
 *  (the appeal's text and applicant are another organization's: no one else reads them). */
export async function incomingCorrespondence(ctx: Context, actor: Actor, state: 'open' | 'all') {
  return tasksAddressedTo(ctx.db, actor, hasRole(actor, 'head', 'controller') ? null : actor.id, state);
}

/** The co-executor, or a head of the receiving organization, answers the task; the appeal's
 *  organization sees the reply on the appeal (audit event there). */
export async function replyToCorrespondence(ctx: Context, actor: Actor, id: string, text: string) {
  const task = await taskFor(ctx.db, actor, id);
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
      const updated = await recordReply(trx, task.id, text, actor, now);
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'correspondence.answered');
      const changes = { correspondenceId: task.id, organizationId: task.recipient_organization_id };
      return { change: { event: { kind: 'coExecutorReplied', changes } } };
    },
    { scopeChecked: true },
  );
}
