// What the intake routes show: appeals in the actor's scope, each card with what its presenter
// (present.ts) shows besides the appeal's row, the audit log, the talon.
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { eventsOf } from '../audit/log.ts';
import { talonPdf } from './talon.ts';
import * as store from './store.ts';
import * as appeals from '../appeals/store.ts';

/** An appeal card: the appeal with its organization, АИ-1 cards, duplicate candidates and executor. */
export async function appealCard(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appeals.appealInScope(ctx.db, actor, appealId);
  const [organization, applicants, duplicates, executor] = await Promise.all([
    store.organizationRefOf(ctx.db, appeal.organization_id),
    appeals.applicantCardsOf(ctx.db, appeal.id),
    appeals.duplicateCandidatesOf(ctx.db, appeal.id),
    appeal.executor_id ? store.userNameOf(ctx.db, appeal.executor_id) : undefined,
  ]);
  return { appeal, organization, applicants, duplicates, executor };
}

export type AppealCard = Awaited<ReturnType<typeof appealCard>>;

/** A page of the appeals the filter names in the actor's scope. */
export async function findAppeals(ctx: Context, actor: Actor, filter: store.AppealFilter) {
  return store.listAppeals(ctx.db, actor, filter);
}

/** A page of the appeal's audit log, oldest first. */
export async function appealEvents(ctx: Context, actor: Actor, appealId: string, page: { limit: number; offset: number }) {
  const appeal = await appeals.appealInScope(ctx.db, actor, appealId);
  return eventsOf(ctx.db, appeal.id, page);
}

/** The appeal's talon as PDF, with its number. */
export async function appealTalon(ctx: Context, actor: Actor, appealId: string) {
  const appeal = await appeals.appealInScope(ctx.db, actor, appealId);
  return { talonNumber: appeal.talon_number, pdf: await talonPdf(ctx, appeal) };
}
