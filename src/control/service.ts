// The control department's use cases on appeals (CD-08…CD-10, EA-06): putting an appeal under the
// akim's control, the quality review with its checklist, the return of a poor answer for rework
// (an event on the appeal through the one door; the executor sees the remark and answers again),
// the register of violations the detectors find, and the explanations asked for them.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { appealInScope } from '../appeals/store.ts';
import { changeAppeal } from '../appeals/change.ts';
import { QUALITY_CHECKLIST, qualityVerdict } from '../domain/quality.ts';
import * as store from './store.ts';
import { organizationsById, territoryFigures } from './content-store.ts';
import { localized } from '../reference/present.ts';
import type { Language } from '../domain/vocabulary.ts';
import type { ControlInput, ExplanationRequestInput, QualityReviewInput, ReworkInput, ViolationsQuery } from './schemas.ts';

/** The organization whose subtree a control query covers: the one asked for (within the actor's
 *  scope), or the actor's own scope. */
export async function rootOf(ctx: Context, actor: Actor, organization: number | undefined): Promise<number> {
  if (organization === undefined) return actor.scopeOrganizationId;
  if (!(await canActFor(ctx.db, actor, organization))) throw forbidden();
  return organization;
}

function requireController(actor: Actor): void {
  if (!hasRole(actor, 'controller')) throw forbidden();
}

/** CD-09: the appeal under the akim's control — who, when, why — as an event on the appeal. */
export async function putUnderControl(ctx: Context, actor: Actor, appealId: string, input: ControlInput) {
  requireController(actor);
  const { result } = await changeAppeal(ctx, actor, appealId, async ({ trx, appeal, now }) => {
    if (await store.controlOf(trx, appeal.id)) throw new AppError(409, 'control.alreadyUnderControl');
    const row = { appeal_id: appeal.id, organization_id: appeal.organization_id, put_by: actor.id, put_by_name: actor.fullName, put_at: now, reason: input.reason };
    await store.insertControl(trx, row);
    return { change: { event: { kind: 'putUnderControl', changes: { reason: input.reason } } }, result: { result: row } };
  });
  return result;
}

/** CD-10: a poor answer returned for rework, with a remark and an internal due date (the appeal's
 *  control date): an event on the appeal, counted per organization and executor. */
export async function returnForRework(ctx: Context, actor: Actor, appealId: string, input: ReworkInput) {
  requireController(actor);
  if (input.dueDate < todayOf(ctx)) throw invalid([{ path: '/dueDate', code: 'rework.dueInPast' }]);
  const id = randomUUID();
  const { result } = await changeAppeal(ctx, actor, appealId, async ({ trx, appeal, now }) => {
    if (appeal.review_ended_on === null && !(await store.hasPendingDraft(trx, appeal.id))) throw new AppError(409, 'rework.noAnswer');
    const row = {
      id,
      appeal_id: appeal.id,
      organization_id: appeal.organization_id,
      executor_id: appeal.executor_id,
      remark: input.remark,
      due_date: input.dueDate,
      returned_by: actor.id,
      returned_by_name: actor.fullName,
      returned_at: now,
      answer: null,
      answered_by_name: null,
      answered_at: null,
    };
    await store.insertRework(trx, row);
    const changes = { reworkId: id, remark: input.remark, dueDate: input.dueDate, executorId: appeal.executor_id };
    return { change: { event: { kind: 'returnedForRework', changes }, set: { control_date: input.dueDate } }, result: { result: row } };
  });
  return result;
}

/** The appeal's executor answers a rework again, or a head for an organization in their scope (as
 *  openReworks lists them); another executor is refused. The answer is an event on the appeal too. */
export async function answerRework(ctx: Context, actor: Actor, reworkId: string, answer: string) {
  if (!hasRole(actor, 'executor', 'head')) throw forbidden();
  const rework = await store.reworkById(ctx.db, reworkId);
  if (!rework) throw notFound();
  await appealInScope(ctx.db, actor, rework.appeal_id);
  const { result } = await changeAppeal(
    ctx,
    actor,
    rework.appeal_id,
    async ({ trx, appeal, now }) => {
      // the executor as it is now, under the door's lock: a reassignment hands the rework on
      if (!hasRole(actor, 'head') && appeal.executor_id !== actor.id) throw forbidden();
      const updated = await store.answerRework(trx, reworkId, { answer, answered_by_name: actor.fullName, answered_at: now });
      if (!updated) throw new AppError(409, 'rework.answeredAlready');
      return { change: { event: { kind: 'reworkAnswered', changes: { reworkId, answer } } }, result: { result: updated } };
    },
    { scopeChecked: true },
  );
  return result;
}

export async function reworksOf(ctx: Context, actor: Actor, appealId: string) {
  await appealInScope(ctx.db, actor, appealId);
  return store.reworksOfAppeal(ctx.db, appealId);
}

/** The reworks waiting for the actor's answer (of the appeals the executor executes now, the
 *  head's organizations'): those answerRework lets the actor answer. */
export async function openReworks(ctx: Context, actor: Actor) {
  return store.openReworksFor(ctx.db, actor, hasRole(actor, 'head') ? null : actor.id);
}

/** CD-10: returns counted per organization and executor. */
export async function reworkCounts(ctx: Context, actor: Actor, organization: number | undefined, from: string, to: string) {
  requireController(actor);
  const root = await rootOf(ctx, actor, organization);
  return store.reworkCounts(ctx.db, root, from, to, ctx.config.timeZone);
}

/** CD-09: a quality review of an answer with the checklist; the verdict is the checklist's. */
export async function reviewQuality(ctx: Context, actor: Actor, appealId: string, input: QualityReviewInput) {
  requireController(actor);
  const unknown = Object.keys(input.checks).filter((k) => !QUALITY_CHECKLIST.some((q) => q.code === k));
  const { score, verdict, missing } = qualityVerdict(input.checks);
  const errors = [...unknown.map((k) => ({ path: `/checks/${k}`, code: 'quality.unknownCriterion' })), ...missing.map((k) => ({ path: `/checks/${k}`, code: 'quality.criterionMissing' }))];
  if (errors.length) throw invalid(errors);
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const id = randomUUID();
  const now = ctx.clock.now();
  const row = {
    id,
    appeal_id: appeal.id,
    organization_id: appeal.organization_id,
    executor_id: appeal.executor_id,
    checks: JSON.stringify(input.checks),
    score,
    verdict,
    remark: input.remark ?? null,
    reviewed_by: actor.id,
    reviewed_by_name: actor.fullName,
    reviewed_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertQualityReview(trx, row);
    await appendEvent(trx, { appealId: appeal.id, organizationId: appeal.organization_id, actor, at: now, kind: 'qualityReviewed', changes: { reviewId: id, score, verdict } });
  });
  return { id, score, verdict };
}

/** The answers to review: those under the akim's control and a sample of the others (CD-09). */
export async function qualityQueue(ctx: Context, actor: Actor, organization: number | undefined) {
  requireController(actor);
  return store.qualityQueue(ctx.db, await rootOf(ctx, actor, organization));
}

/** EA-06: the register, as the detectors left it (on each change and hourly: src/control/detectors.ts). */
export async function violations(ctx: Context, actor: Actor, q: ViolationsQuery) {
  if (!hasRole(actor, 'controller', 'head')) throw forbidden();
  const root = await rootOf(ctx, actor, q.organization);
  return store.violationsBelow(ctx.db, root, q, ctx.config.timeZone);
}

/** EA-06 / e-akimat rows 608/396: an oral or written explanation asked of the responsible. */
export async function requestExplanation(ctx: Context, actor: Actor, violationId: string, input: ExplanationRequestInput) {
  requireController(actor);
  const v = await store.violationById(ctx.db, violationId);
  if (!v) throw notFound();
  if (!(await canActFor(ctx.db, actor, v.organization_id))) throw forbidden();
  if (input.dueDate < todayOf(ctx)) throw invalid([{ path: '/dueDate', code: 'explanation.dueInPast' }]);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertExplanationRequest(trx, {
      id,
      violation_id: v.id,
      form: input.form,
      due_date: input.dueDate,
      requested_by_name: actor.fullName,
      requested_at: now,
      explanation: null,
      recorded_by_name: null,
      recorded_at: null,
    });
    await appendEvent(trx, {
      appealId: v.appeal_id,
      organizationId: v.organization_id,
      actor,
      at: now,
      kind: 'explanationRequested',
      changes: { violationId: v.id, kind: v.kind, form: input.form, dueDate: input.dueDate },
    });
  });
  return { id, violationId: v.id, form: input.form, dueDate: input.dueDate };
}

/** The explanation given (heard orally or received in writing), recorded by the controller. */
export async function recordExplanation(ctx: Context, actor: Actor, violationId: string, requestId: string, explanation: string) {
  requireController(actor);
  const v = await store.violationById(ctx.db, violationId);
  if (!v) throw notFound();
  if (!(await canActFor(ctx.db, actor, v.organization_id))) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await store.recordExplanation(trx, violationId, requestId, { explanation, recorded_by_name: actor.fullName, recorded_at: now });
    if (!ok) throw new AppError(409, 'explanation.recordedAlready');
    await appendEvent(trx, { appealId: v.appeal_id, organizationId: v.organization_id, actor, at: now, kind: 'explanationRecorded', changes: { violationId, requestId } });
  });
  return { id: requestId, recorded: true };
}

/** The dashboard of the territory: its figures. */
export async function dashboard(ctx: Context, actor: Actor, q: { organization?: number; from?: string; to?: string }, lang: Language) {
  requireController(actor);
  const root = await rootOf(ctx, actor, q.organization);
  const today = todayOf(ctx);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  const [figures, territories] = await Promise.all([store.dashboardFigures(ctx.db, root, from, to, today, ctx.config.timeZone), territoryFigures(ctx.db, root, from, to, today)]);
  const names = new Map(
    (
      await organizationsById(
        ctx.db,
        territories.map((x) => x.territoryId),
      )
    ).map((o) => [o.id, localized(o, lang)]),
  );
  return { organizationId: root, from, to, ...figures, territories: territories.map((x) => ({ ...x, name: names.get(x.territoryId) ?? '' })) };
}
