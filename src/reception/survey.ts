// The satisfaction survey (PR-44): a random sample, per period, of those who got a consultation at
// a reception and of those refused sign-up — drawn from these two populations only — and each
// call's result (reached, satisfied 1–5, comment). Drawing it looks up persons: audited.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { timeZoneOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { canActFor, inScope } from '../access/scope.ts';
import { appendEvent } from '../audit/log.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { assertReader, assertStaff } from './sessions.ts';
import type { CallResultInput, SampleInput } from './schemas.ts';
import * as store from './store.ts';
import * as survey from './survey-store.ts';

/** Draws `size` of each population in the period (fewer when there are fewer not drawn before). */
export async function drawSample(ctx: Context, actor: Actor, input: SampleInput) {
  assertStaff(actor);
  const org = await store.organizationById(ctx.db, input.organizationId ?? actor.organizationId);
  if (!org) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);
  if (!(await canActFor(ctx.db, actor, org.id))) throw forbidden();
  if (input.to < input.from) throw invalid([{ path: '/to', code: 'reception.endBeforeStart' }]);
  const now = ctx.clock.now();
  const period = { period_from: input.from, period_to: input.to, drawn_by: actor.id, drawn_at: now, organization_id: org.id };
  return ctx.db.transaction().execute(async (trx) => {
    const [served, refused] = await Promise.all([survey.consultationsToDraw(trx, org.id, input.from, input.to, input.size), survey.refusalsToDraw(trx, org.id, input.from, input.to, input.size, timeZoneOf(ctx, org))]);
    const rows = [
      ...served.map((q) => ({ ...period, id: randomUUID(), population: 'consultation', queue_entry_id: q.id, appeal_id: q.sign_up_appeal_id, name: q.name, phone: q.phone })),
      ...refused.map((u) => ({ ...period, id: randomUUID(), population: 'refusedSignUp', queue_entry_id: null, appeal_id: u.appeal_id, name: u.applicant_name ?? '', phone: u.phone })),
    ];
    await survey.insertCalls(trx, rows);
    await appendEvent(trx, {
      appealId: null,
      organizationId: org.id,
      actor,
      at: now,
      kind: 'receptionSurveySample',
      changes: { from: input.from, to: input.to, consultation: served.length, refusedSignUp: refused.length },
    });
    return rows;
  });
}

export async function calls(ctx: Context, actor: Actor) {
  assertReader(actor);
  return survey.callsWhere(ctx.db, inScope(actor, 'organization_id'));
}

/** A call's result: satisfaction 1–5 when the applicant was reached, nothing else when not. */
export async function recordCall(ctx: Context, actor: Actor, id: string, input: CallResultInput) {
  assertStaff(actor);
  const call = await survey.callById(ctx.db, id);
  if (!call) throw notFound();
  if (!(await canActFor(ctx.db, actor, call.organization_id))) throw forbidden();
  if (call.called_at) throw new AppError(409, 'reception.callRecorded');
  if (input.reached && input.satisfaction === undefined) throw invalid([{ path: '/satisfaction', code: 'reception.satisfactionMissing' }]);
  if (!input.reached && input.satisfaction !== undefined) throw invalid([{ path: '/satisfaction', code: 'reception.notReached' }]);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await survey.updateCall(trx, id, { reached: input.reached, satisfaction: input.satisfaction ?? null, comment: input.comment ?? null, called_by: actor.id, called_at: now });
    await appendEvent(trx, {
      appealId: call.appeal_id,
      organizationId: call.organization_id,
      actor,
      at: now,
      kind: 'receptionSurveyCall',
      changes: { callId: id, reached: input.reached, satisfaction: input.satisfaction ?? null },
    });
  });
}
