// Terms under control: overdue and at-risk appeals per organization, the open obligations, and the
// deemed refusal a missed decision term amounts to (APPC Art. 91 p.2, Art. 100 p.5).
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { missedTerms } from './store.ts';
import { DEEMED_REFUSAL_PROCEDURES } from '../domain/terms.ts';
import type { Procedure } from '../domain/vocabulary.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { appealInScope } from '../appeals/store.ts';
import { isRecordedByOrganization, isViolated } from '../domain/obligations.ts';

/** Appeals in review whose due date has passed or is within `atRiskDays` working days. */
export async function termsUnderControl(ctx: Context, actor: Actor, atRiskDays: number, organizationId?: number) {
  const today = todayOf(ctx);
  const horizon = ctx.law.calendar.addWorkingDays(today, atRiskDays + 1, 'registrationDayIsDayOne');
  let q = ctx.db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('users as u', 'u.id', 'a.executor_id')
    .select([
      'a.id',
      'a.registration_number',
      'a.document_type',
      'a.summary',
      'a.applicant_name',
      'a.registration_date',
      'a.due_date',
      'a.status',
      'a.organization_id',
      'o.code as organization_code',
      'u.full_name as executor_name',
    ])
    .where('a.review_ended_on', 'is', null)
    .where('a.due_date', '<', horizon)
    .where(inScope(actor, 'a.organization_id'));
  if (organizationId !== undefined) {
    q = q.where('a.organization_id', 'in', (s) => s.selectFrom('organization_closure').select('descendant_id').where('ancestor_id', '=', organizationId));
  }
  const rows = await q.orderBy('a.due_date').orderBy('a.registration_number').limit(1000).execute();
  return rows.map((r) => {
    // Days left: working days after today up to the due date; negative when overdue.
    const daysLeft = ctx.law.calendar.workingDaysBetween(today, r.due_date);
    return { ...r, daysLeft, overdue: r.due_date < today };
  });
}

/** Obligations of the organization (and those below): the open ones with their terms, and the
 *  violated ones — fulfilled late, or open past their term. */
export async function obligationsUnderControl(ctx: Context, actor: Actor, which: 'open' | 'violated') {
  const today = todayOf(ctx);
  let q = ctx.db
    .selectFrom('obligations as b')
    .innerJoin('appeals as a', 'a.id', 'b.appeal_id')
    .select(['b.id', 'b.kind', 'b.due_date', 'b.basis', 'b.met_on', 'b.violated', 'a.id as appeal_id', 'a.registration_number', 'b.organization_id'])
    .where(inScope(actor, 'b.organization_id'));
  q = which === 'open' ? q.where('b.met_on', 'is', null) : q.where((w) => w.or([w('b.violated', '=', true), w.and([w('b.met_on', 'is', null), w('b.due_date', '<', today)])]));
  const rows = await q.orderBy('b.due_date').limit(1000).execute();
  return rows.map((r) => ({ ...r, violated: isViolated({ dueDate: r.due_date, metOn: r.met_on }, today) }));
}

/** The organization records that it fulfilled an obligation it fulfils by itself (the case sent
 *  back, access to the file given): met today, late ones violated. */
export async function recordObligationMet(ctx: Context, actor: Actor, obligationId: string) {
  if (!hasRole(actor, 'registrar', 'executor', 'head')) throw forbidden();
  const obligation = await ctx.db.selectFrom('obligations').selectAll().where('id', '=', obligationId).executeTakeFirst();
  if (!obligation) throw notFound();
  const appeal = await appealInScope(ctx.db, actor, obligation.appeal_id);
  if (!isRecordedByOrganization(obligation.kind)) throw new AppError(409, 'obligation.notRecorded', [], { kind: obligation.kind });
  if (obligation.met_on !== null) throw new AppError(409, 'obligation.alreadyMet', [], { metOn: obligation.met_on });
  await changeAppeal(ctx, actor, appeal.id, async ({ trx, today }) => {
    const met = await trx
      .updateTable('obligations')
      .set({ met_on: today, violated: isViolated({ dueDate: obligation.due_date, metOn: today }, today) })
      .where('id', '=', obligation.id)
      .where('met_on', 'is', null)
      .executeTakeFirst();
    if (Number(met.numUpdatedRows) !== 1) throw new AppError(409, 'obligation.alreadyMet', [], { metOn: today });
    const changes = { obligation: { id: obligation.id, kind: obligation.kind, dueDate: obligation.due_date }, metOn: today, late: today > obligation.due_date };
    return { change: { event: { kind: 'obligationMet', changes } } };
  });
}

/** Marks every appeal whose decision term ran out without a final decision as a deemed refusal,
 *  once, with an event. Run daily by the server and on demand. */
export async function recordDeemedRefusals(ctx: Context): Promise<number> {
  return appealTransaction(ctx, async (tctx) => {
    let recorded = 0;
    for (const m of await missedTerms(tctx.db, todayOf(tctx))) {
      await changeAppeal(tctx, null, m.id, async ({ appeal, today }) => {
        // under the lock, as the candidates were chosen: an extension or a decision may have come meanwhile
        if (appeal.review_ended_on !== null || appeal.deemed_refusal || appeal.due_date >= today || !DEEMED_REFUSAL_PROCEDURES.includes(appeal.procedure as Procedure)) return { change: null };
        recorded++;
        const changes = { dueDate: appeal.due_date, basis: 'APPC Art. 91 p.2, Art. 100 p.5' };
        return { change: { set: { deemed_refusal: true }, event: { kind: 'deemedRefusal', changes } } };
      });
    }
    return recorded;
  });
}
