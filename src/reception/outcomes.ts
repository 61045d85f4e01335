// Use cases of a sign-up's outcome other than a session, and of other bodies' participation: the
// draft refusal sent for a hearing (PR-11), the refusal on one of the five grounds with its link
// (PR-10), "not considered" for stating no substance (PR-07) — each an answer to the applicant,
// which meets the 15-WD answer (PR-36) — and a request to another body to take part, the applicant
// told within 2 WD (PR-27), its refusal reported within 2 WD (PR-28), both obligations.
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { earliestRefusal, RECEPTION_TERMS, refusalLinkMissing, type RefusalGround } from '../domain/reception.ts';
import type { OpenedObligation } from '../domain/obligations.ts';
import type { ReceptionMessageKind } from '../notifications/outbox.ts';
import { changeAppeal, type AppealChange, type Work } from '../appeals/change.ts';
import { contactsOf } from '../appeals/store.ts';
import { enqueue } from '../notifications/outbox.ts';
import { receptionMessages, type ReceptionMessageData } from './messages.ts';
import type { NotConsideredInput, ParticipationInput, ParticipationRefusalInput, RefusalInput } from './schemas.ts';
import * as store from './store.ts';

async function signUpOf(ctx: Context, actor: Actor, appealId: string) {
  if (!hasRole(actor, 'reception', 'head')) throw forbidden();
  const u = await store.signUpOf(ctx.db, appealId);
  if (!u) throw notFound();
  if (!(await canActFor(ctx.db, actor, u.organization_id))) throw forbidden();
  return u;
}

/** Nothing decided yet: no session given, no refusal, not "not considered". */
function undecided(u: { outcome: string | null; session_id: string | null }) {
  if (u.outcome !== null || u.session_id !== null) throw new AppError(409, 'reception.signUpDecided');
}

async function tell<K extends ReceptionMessageKind>(w: Work, kind: K, data: ReceptionMessageData[K]) {
  const rows = (await contactsOf(w.trx, w.appeal.id)).flatMap((c) => receptionMessages(kind, w.appeal, data, c));
  if (rows.length > 0) await enqueue(w.trx, rows, w.now);
}

function linkErrors(ground: RefusalGround, link: string | undefined) {
  if (refusalLinkMissing(ground, link)) throw invalid([{ path: '/link', code: 'reception.refusalLinkMissing' }]);
}

/** PR-11: the draft refusal goes to the applicant for a hearing; the refusal may follow 3 WD later. */
export async function sendRefusalDraft(ctx: Context, actor: Actor, appealId: string, input: RefusalInput) {
  const u = await signUpOf(ctx, actor, appealId);
  undecided(u);
  linkErrors(input.ground, input.link);
  return changeAppeal(ctx, actor, appealId, async (w) => {
    const until = earliestRefusal(ctx.law.calendar, w.today);
    await store.updateSignUp(w.trx, appealId, { refusal_draft_on: w.today, refusal_draft_ground: input.ground });
    await tell(w, 'receptionRefusalDraft', { text: input.text, until });
    return { change: { event: { kind: 'receptionRefusalDraft', changes: { ground: input.ground, link: input.link ?? null, earliestRefusal: until } } }, result: { earliestRefusal: until } };
  });
}

/** PR-10, PR-11: the refusal, on one coded ground with its link, never before the draft + 3 WD. */
export async function refuseSignUp(ctx: Context, actor: Actor, appealId: string, input: RefusalInput) {
  const u = await signUpOf(ctx, actor, appealId);
  undecided(u);
  linkErrors(input.ground, input.link);
  if (!u.refusal_draft_on) throw new AppError(409, 'reception.refusalWithoutDraft');
  return changeAppeal(ctx, actor, appealId, async (w) => {
    const earliest = earliestRefusal(ctx.law.calendar, u.refusal_draft_on!);
    if (w.today < earliest) throw new AppError(409, 'reception.refusalTooEarly', [], { earliest });
    await store.updateSignUp(w.trx, appealId, { outcome: 'refused', refusal_ground: input.ground, refusal_link: input.link?.trim() || null, outcome_text: input.text, outcome_at: w.now });
    await tell(w, 'receptionRefused', { text: input.text });
    return answered('receptionRefused', { ground: input.ground, link: input.link ?? null });
  });
}

/** PR-07: an appeal that states no substance is not considered, and the applicant is told. */
export async function notConsidered(ctx: Context, actor: Actor, appealId: string, input: NotConsideredInput) {
  const u = await signUpOf(ctx, actor, appealId);
  undecided(u);
  return changeAppeal(ctx, actor, appealId, async (w) => {
    await store.updateSignUp(w.trx, appealId, { outcome: 'notConsidered', outcome_text: input.text ?? null, outcome_at: w.now });
    await tell(w, 'receptionNotConsidered', { text: input.text ?? '' });
    return answered('receptionNotConsidered', {});
  });
}

/** An outcome is the answer of PR-36; the reference note no longer applies. */
function answered(kind: string, changes: Record<string, unknown>): { change: AppealChange } {
  return { change: { event: { kind, changes }, meet: ['receptionAnswer'], drop: ['receptionReferenceNote'] } };
}

/** PR-26, PR-27: another body asked to take part; the applicant told now, which meets the 2-WD
 *  notice counted from the request (late when the request was sent earlier). */
export async function requestParticipation(ctx: Context, actor: Actor, appealId: string, input: ParticipationInput) {
  await signUpOf(ctx, actor, appealId);
  return changeAppeal(ctx, actor, appealId, async (w) => {
    const requestedOn = input.requestedOn ?? w.today;
    if (requestedOn > w.today) throw invalid([{ path: '/requestedOn', code: 'reception.inFuture' }]);
    await store.updateSignUp(w.trx, appealId, { participation_body: input.body, participation_requested_on: requestedOn, participation_refused_on: null });
    await tell(w, 'receptionParticipation', { body: input.body });
    const term = RECEPTION_TERMS.receptionParticipationNotice;
    const open: OpenedObligation[] = [{ kind: 'receptionParticipationNotice', dueDate: ctx.law.calendar.addWorkingDays(requestedOn, term.term.count, 'civilCode'), basis: term.basis, metOn: w.today }];
    return { change: { event: { kind: 'receptionParticipationRequested', changes: { body: input.body, requestedOn } }, open } };
  });
}

/** PR-28: the other body refused a joint reception: reported to the Government Apparatus within 2 WD. */
export async function participationRefused(ctx: Context, actor: Actor, appealId: string, input: ParticipationRefusalInput) {
  const u = await signUpOf(ctx, actor, appealId);
  if (!u.participation_requested_on) throw new AppError(409, 'reception.noParticipationRequest');
  return changeAppeal(ctx, actor, appealId, async (w) => {
    const refusedOn = input.refusedOn ?? w.today;
    if (refusedOn > w.today || refusedOn < u.participation_requested_on!) throw invalid([{ path: '/refusedOn', code: 'reception.refusedOnOutside' }]);
    await store.updateSignUp(w.trx, appealId, { participation_refused_on: refusedOn });
    const term = RECEPTION_TERMS.receptionJointRefusalReport;
    const open: OpenedObligation[] = [{ kind: 'receptionJointRefusalReport', dueDate: ctx.law.calendar.addWorkingDays(refusedOn, term.term.count, 'civilCode'), basis: term.basis, metOn: null }];
    return { change: { event: { kind: 'receptionParticipationRefused', changes: { body: u.participation_body, refusedOn } }, open } };
  });
}

/** PR-28: the refusal reported to the Government Apparatus. */
export async function refusalReported(ctx: Context, actor: Actor, appealId: string) {
  const u = await signUpOf(ctx, actor, appealId);
  if (!u.participation_refused_on) throw new AppError(409, 'reception.noParticipationRefusal');
  return changeAppeal(ctx, actor, appealId, async () => ({ change: { event: { kind: 'receptionJointRefusalReported', changes: { body: u.participation_body } }, meet: ['receptionJointRefusalReport'] } }));
}
