// What the review routes show: each reads the appeal in the actor's scope first (404 otherwise),
// then the store's rows the presenters (present.ts) turn into JSON.
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { inScope } from '../access/scope.ts';
import { appealInScope, type AppealRow } from '../appeals/store.ts';
import { allowedDecisions, cancelMoveOutUntil, canRecordFix, FIX_RECORDED_BY } from '../domain/decisions.ts';
import { messagesOfAppeal } from '../notifications/outbox.ts';
import { appealState } from './decide.ts';
import { correspondenceOf, decisionsOf, draftsOf, pendingDraftOf, routeOf } from './store.ts';
import { checkAssign, checkReturnDraft, LETTERS_SIGNED_BY } from '../domain/actions.ts';
import { mayPetition } from '../domain/corrections.ts';
import { correctionActor } from '../corrections/service.ts';

/** The appeal, if the actor may see it. */
export async function appealOf(ctx: Context, actor: Actor, appealId: string): Promise<AppealRow> {
  return appealInScope(ctx.db, actor, appealId);
}

/** The appeal with the appeals its route links, each marked whether the actor may open it. */
export async function routeOfAppeal(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const rows = await routeOf(ctx.db, appeal, (column) => inScope(actor, column));
  return { appeal, rows };
}

/** The decision cards (ТЖ-2) of the appeal. */
export async function decisionCards(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  return decisionsOf(ctx.db, appeal.id);
}

/** The executors' drafts of the appeal. */
export async function draftCards(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  return draftsOf(ctx.db, appeal.id);
}

/** After takeDecision (decide.ts): the card or the draft it saved. */
export async function takenCard(ctx: Context, taken: ({ decisionId: string } | { draftId: string }) & { appeal: AppealRow }) {
  const { appeal } = taken;
  return 'decisionId' in taken
    ? { state: 'taken' as const, decision: (await decisionsOf(ctx.db, appeal.id)).find((d) => d.id === taken.decisionId)! }
    : { state: 'draft' as const, draft: (await draftsOf(ctx.db, appeal.id)).find((d) => d.id === taken.draftId)! };
}

/** The tasks the appeal sent to co-executing organizations, with their replies. */
export async function correspondenceOfAppeal(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  return correspondenceOf(ctx.db, appeal.id);
}

/** The messages to the applicant with every delivery attempt. */
export async function messagesToApplicant(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  return messagesOfAppeal(ctx.db, appeal.id);
}

/** What the actor may do with the appeal now: every decision with whether it is allowed and why
 *  not, and the actions besides decisions, with the checks their use cases make
 *  (src/domain/actions.ts), so that the web app decides no role itself. */
export async function allowedNow(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const [state, draft, corrector] = await Promise.all([appealState(ctx, appeal), pendingDraftOf(ctx.db, appeal.id), correctionActor(ctx.db, actor)]);
  const today = todayOf(ctx);
  return {
    state,
    decisions: allowedDecisions(state, actor.roles, today, ctx.law.calendar, { count: ctx.law.count }),
    recordFix: hasRole(actor, ...FIX_RECORDED_BY) && canRecordFix(state),
    cancelMoveOutUntil: cancelMoveOutUntil(state, actor.roles, today, ctx.law.calendar),
    assign: checkAssign(actor.roles, appeal.review_ended_on !== null),
    returnDraft: draft ? checkReturnDraft(actor.roles, actor.id, draft.drafted_by) : null,
    signLetters: hasRole(actor, ...LETTERS_SIGNED_BY),
    petitionCorrection: mayPetition(corrector),
  };
}
