// Terms under control: overdue and at-risk appeals per organization, the open obligations, and the
// deemed refusal a missed decision term amounts to (APPC Art. 91 p.2, Art. 100 p.5).
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { appealsDueBefore, markObligationMet, missedTerms, obligationById, obligationsOf } from './store.ts';
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
  const rows = await appealsDueBefore(ctx.db, actor, horizon, organizationId);
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
  const rows = await obligationsOf(ctx.db, actor, which, today);
  return rows.map((r) => ({ ...r, violated: isViolated({ dueDate: r.due_date, metOn: r.met_on }, today) }));
}

/** The organization records that it fulfilled an obligation it fulfils by itself (the case sent
 *  back, access to the file given): met today, late ones violated. */
export async function recordObligationMet(ctx: Context, actor: Actor, obligationId: string) {
  if (!hasRole(actor, 'registrar', 'executor', 'head')) throw forbidden();
  const obligation = await obligationById(ctx.db, obligationId);
  if (!obligation) throw notFound();
  const appeal = await appealInScope(ctx.db, actor, obligation.appeal_id);
  if (!isRecordedByOrganization(obligation.kind)) throw new AppError(409, 'obligation.notRecorded', [], { kind: obligation.kind });
  if (obligation.met_on !== null) throw new AppError(409, 'obligation.alreadyMet', [], { metOn: obligation.met_on });
  // the scope was checked on the obligation's appeal above
  await changeAppeal(
    ctx,
    actor,
    appeal.id,
    async ({ trx, today }) => {
      const met = await markObligationMet(trx, obligation.id, today, isViolated({ dueDate: obligation.due_date, metOn: today }, today));
      if (Number(met.numUpdatedRows) !== 1) throw new AppError(409, 'obligation.alreadyMet', [], { metOn: today });
      const changes = { obligation: { id: obligation.id, kind: obligation.kind, dueDate: obligation.due_date }, metOn: today, late: today > obligation.due_date };
      return { change: { event: { kind: 'obligationMet', changes } } };
    },
    { scopeChecked: true },
  );
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
