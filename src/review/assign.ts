// Assignment of the responsible executor and co-executors (ТЖ-2 field 4.27), by the head.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { ASSIGNED_BY } from '../domain/actions.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { appealInScope, type AppealRow } from '../appeals/store.ts';
import { changeAppeal, storedCard, type AppealChange } from '../appeals/change.ts';
import { transition } from '../domain/appeal-status.ts';
import { scopeOrganizationOf } from '../access/scope.ts';
import { today } from '../context.ts';
import { usersActingFor, earlierExecutorsOfApplicant, replaceCurrentAssignment, insertAssignment } from './store.ts';
import { sendToCoExecutors } from './correspondence.ts';
import type { AssignmentInput } from './schemas.ts';

/** The body of POST /appeals/:id/assignments, as its schema (schemas.ts) has it. */
export type { AssignmentInput } from './schemas.ts';

export async function assignAppeal(ctx: Context, actor: Actor, appealId: string, input: AssignmentInput): Promise<AppealRow> {
  if (!hasRole(actor, ...ASSIGNED_BY)) throw forbidden();
  const appeal = await appealInScope(ctx.db, actor, appealId);
  if (appeal.review_ended_on !== null) throw new AppError(409, 'assignment.reviewEnded');
  const coExecutorIds = [...new Set(input.coExecutorIds ?? [])].filter((id) => id !== input.executorId);

  // The executor works for the appeal's organization; co-executors may work elsewhere: another
  // organization gets the work as internal correspondence, not as an appeal of its own (p.11).
  const people = await usersActingFor(ctx.db, [input.executorId, ...coExecutorIds]);
  const executor = people.find((p) => p.id === input.executorId);
  const appealScope = await scopeOrganizationOf(ctx.db, appeal.organization_id);
  if (!executor || executor.scopeOrganizationId !== appealScope) {
    throw invalid([{ path: '/executorId', code: 'assignment.executorNotInOrganization' }]);
  }
  coExecutorIds.forEach((id, i) => {
    if (!people.some((p) => p.id === id)) throw invalid([{ path: `/coExecutorIds/${i}`, code: 'assignment.unknownUser' }]);
  });
  const now = ctx.clock.now();
  if (input.controlDate !== undefined && (input.controlDate < today(ctx) || input.controlDate > appeal.due_date)) {
    throw invalid([{ path: '/controlDate', code: 'assignment.controlDateOutsideTerm', params: { due: appeal.due_date } }]);
  }
  // An appeal from a personal reception does not go to the employee who reviewed the same
  // applicant's earlier appeal on the issue (reception regulation p.37).
  if (appeal.channel === 'personalReception' || appeal.from_reception) {
    const earlier = await earlierExecutorsOfApplicant(ctx.db, appeal);
    if (earlier.includes(input.executorId)) throw new AppError(409, 'assignment.reviewedBefore');
  }

  const coExecutors = coExecutorIds.map((id) => {
    const p = people.find((x) => x.id === id)!;
    return { id, organizationId: p.organizationId, external: p.scopeOrganizationId !== appealScope };
  });

  const { appeal: after } = await changeAppeal(
    ctx,
    actor,
    appeal.id,
    async ({ trx, appeal: current, today }) => {
      // checked again under the lock: a decision may have ended the review meanwhile
      if (current.review_ended_on !== null) throw new AppError(409, 'assignment.reviewEnded');
      const previous = await replaceCurrentAssignment(trx, appeal.id, now);
      await insertAssignment(trx, {
        id: randomUUID(),
        appeal_id: appeal.id,
        organization_id: appeal.organization_id,
        executor_id: input.executorId,
        co_executor_ids: coExecutorIds,
        control_date: input.controlDate ?? null,
        assigned_by: actor.id,
        assigned_at: now,
        replaced_at: null,
      });
      const tasked = await sendToCoExecutors(trx, appeal, actor, coExecutors, input.controlDate ?? appeal.due_date, now);
      const change: AppealChange = {
        transition: transition(storedCard(current), { kind: 'assigned' }, today, ctx.law),
        set: { executor_id: input.executorId, control_date: input.controlDate ?? null },
        event: {
          kind: previous ? 'reassigned' : 'assigned',
          changes: {
            executor: { from: previous?.executor_id ?? null, to: input.executorId },
            coExecutors: { from: previous?.co_executor_ids ?? [], to: coExecutorIds },
            controlDate: input.controlDate ?? null,
            ...(tasked.length ? { correspondenceTo: tasked } : {}),
          },
        },
      };
      return { change };
    },
    { at: now, scopeChecked: true },
  );
  return after;
}
