// Decision cards (ТЖ-2): take a decision, with its effects on the appeal — forwarding opens a card
// at the receiving organization (rules p.10), a split opens one per part (p.11), an attachment
// links the main appeal (p.22), an extension moves the due date (Art. 76 p.3). What may be taken
// is the catalogue's (src/domain/decisions.ts); this file only carries it out.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf, timeZoneOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import type { Db } from '../db/connection.ts';
import { appealInScope, type AppealRow } from '../intake/store.ts';
import { appendEvent } from '../audit/log.ts';
import {
  applyCancelMoveOut,
  applyDecision,
  canRecordFix,
  checkCancelMoveOut,
  checkDecision,
  decisionData,
  endsReviewWith,
  FIX_RECORDED_BY,
  isDecisionCode,
  needsApproval,
  statusOf,
  type AppealState,
  type AppealStatus,
  type DecisionCode,
  type DecisionData,
} from '../domain/decisions.ts';
import { fulfilledBy, obligationsOnDecision, obligationsOnReceipt } from '../domain/obligations.ts';
import { localDateTime, registrationDate } from '../domain/calendar.ts';
import { dueDate, termRule } from '../domain/terms.ts';
import type { DocumentType, Procedure } from '../domain/vocabulary.ts';
import * as store from './store.ts';
import { draftLetter } from '../letters/service.ts';
import { notifyApplicants } from './notify.ts';
import { cardsChanged } from '../statistics/cards.ts';

export interface DecisionInput extends Record<string, unknown> {
  code: string;
}

export async function appealState(ctx: Context, appeal: AppealRow, db: Db = ctx.db): Promise<AppealState> {
  const [decisions, fixedAt, notice, draft] = await Promise.all([
    store.decisionsOf(db, appeal.id),
    store.lastFixOf(db, appeal.id),
    store.latestHearingNotice(db, appeal.id),
    store.pendingDraftOf(db, appeal.id),
  ]);
  const rule = termRule(ctx.law.terms, appeal.document_type as DocumentType, appeal.sub_kind);
  const tz = ctx.config.timeZone;
  return {
    id: appeal.id,
    procedure: appeal.procedure as AppealState['procedure'],
    documentType: appeal.document_type as DocumentType,
    applicantKind: appeal.applicant_kind as AppealState['applicantKind'],
    anonymous: appeal.applicant_kind === 'anonymous',
    containsCrimeOrSecurityInfo: appeal.security_info,
    registrationDate: appeal.registration_date,
    dueDate: appeal.due_date,
    extendable: rule.extendable,
    receivedByReviewingBody: appeal.at_reviewing_body,
    executorAssigned: appeal.executor_id !== null,
    draftPending: draft !== undefined,
    ...(notice ? { hearingNoticeDeliveredOn: notice.sent_at ? localDateTime(notice.sent_at, tz).date : null } : {}),
    ...(fixedAt ? { fixedOn: localDateTime(fixedAt, tz).date } : {}),
    decisions: decisions
      .filter((d) => !d.deleted)
      .map((d) => ({
        code: d.code as DecisionCode,
        decisionDate: d.decision_date,
        data: d.data,
        ...(d.cancelled_at ? { cancelledOn: localDateTime(d.cancelled_at, tz).date } : {}),
      })),
  };
}

/** Check a decision against the appeal as it is under the row lock: bad data 422 field by field, a
 *  decision the rules refuse now 409; a refusal changes nothing. */
export function assertDecisionAllowed(ctx: Context, actor: Actor, state: AppealState, code: DecisionCode, raw: DecisionData, today: string): void {
  const { calendar, count } = ctx.law;
  const result = checkDecision(state, code, raw, actor.roles, today, calendar, { count });
  if (result.ok) return;
  if (result.fields?.length) throw invalid(result.fields);
  throw new AppError(409, result.code, [], result.params);
}

/**
 * Take a decision: the card is saved now — or, when it is an executor's outcome the head answers
 * for (needsApproval), saved as a draft with its letter, and taken when the head signs the letter
 * (src/letters/service.ts). The appeal's row is locked first, so two decisions on one appeal are
 * checked one after the other (a second final decision is refused).
 */
export async function takeDecision(ctx: Context, actor: Actor, appealId: string, input: DecisionInput): Promise<{ decisionId: string } | { draftId: string }> {
  const { code, ...raw } = input;
  if (!isDecisionCode(code)) throw invalid([{ path: '/code', code: 'decision.unknownCode', params: { code } }]);
  await appealInScope(ctx.db, actor, appealId);
  return ctx.db.transaction().execute(async (trx) => {
    const appeal = await store.lockAppeal(trx, appealId);
    const state = await appealState(ctx, appeal, trx);
    const today = todayOf(ctx);
    assertDecisionAllowed(ctx, actor, state, code, raw, today);
    if (needsApproval(state, code, actor.roles)) return { draftId: await draftDecision(ctx, trx, actor, appeal, state, code, raw) };
    const { decisionId } = await saveDecision(ctx, trx, actor, appeal, state, code, raw);
    return { decisionId };
  });
}

/** An executor's outcome as a draft for the head, with the letter the head will sign. */
async function draftDecision(ctx: Context, trx: Db, actor: Actor, appeal: AppealRow, state: AppealState, code: DecisionCode, raw: DecisionData) {
  const today = todayOf(ctx);
  const data = decisionData(state, code, raw, today, ctx.law.calendar, { count: ctx.law.count });
  await checkReferences(trx, appeal, code, data);
  const now = ctx.clock.now();
  const draftId = randomUUID();
  await trx
    .insertInto('decision_drafts')
    .values({
      id: draftId,
      appeal_id: appeal.id,
      organization_id: appeal.organization_id,
      code,
      data: JSON.stringify(raw),
      drafted_by: actor.id,
      drafted_by_name: actor.fullName,
      drafted_at: now,
      status: 'pending',
      remark: null,
      resolved_by: null,
      resolved_by_name: null,
      resolved_at: null,
      decision_id: null,
    })
    .execute();
  const letter = await draftLetter(ctx, trx, appeal, { draftId, code, data, decisionDate: today, author: actor.fullName }, null);
  await appendEvent(trx, {
    appealId: appeal.id,
    organizationId: appeal.organization_id,
    actor,
    at: now,
    kind: 'decisionDrafted',
    changes: { draft: { id: draftId, code, data: raw }, ...(letter ? { letter: letter.number } : {}) },
  });
  return draftId;
}

/**
 * Save a decision card (ТЖ-2) with its effects: the cards it opens elsewhere, its obligations, its
 * letter (a draft's letter, when the head approves one by signing it, or a new one), the appeal's
 * status, due date and end of review, the audit event and the statistics. Checked by the caller.
 */
export async function saveDecision(
  ctx: Context,
  trx: Db,
  actor: Actor,
  appeal: AppealRow,
  state: AppealState,
  code: DecisionCode,
  raw: DecisionData,
  draft?: { id: string; letterId: string; draftedBy: string },
): Promise<{ decisionId: string; status: AppealStatus; data: DecisionData }> {
  const today = todayOf(ctx);
  const data = decisionData(state, code, raw, today, ctx.law.calendar, { count: ctx.law.count });
  await checkReferences(trx, appeal, code, data);
  const next = applyDecision(state, code, data, today);
  const ends = endsReviewWith(code, data);
  const now = ctx.clock.now();
  const decisionId = randomUUID();

  await trx
    .insertInto('decisions')
    .values({
      id: decisionId,
      appeal_id: appeal.id,
      organization_id: appeal.organization_id,
      code,
      decision_date: today,
      decided_at: now,
      actor_id: actor.id,
      actor_name: actor.fullName,
      data: JSON.stringify(data),
      cancelled_at: null,
    })
    .execute();

  const opened = await carryOut(ctx, trx, actor, appeal, code, data, today, now);
  let letter: { id: string; number: string } | null;
  if (draft) {
    letter = await store.approveDraft(trx, draft.id, draft.letterId, decisionId, actor, now);
  } else {
    // The head's own card is in their name; anyone else's in the organization's head's.
    letter = await draftLetter(ctx, trx, appeal, { id: decisionId, code, data, decisionDate: today, author: actor.fullName }, hasRole(actor, 'head') ? actor : null);
  }
  // A decision that ends the review leaves no draft to approve.
  const superseded = ends ? await store.supersedeDrafts(trx, appeal.id, actor, now) : [];
  // A final decision's letter waits for the head's signature before the appeal counts as answered.
  const status: AppealStatus = ends && letter ? 'toSign' : statusOf(next);
  await trx
    .updateTable('appeals')
    .set({
      status,
      due_date: next.dueDate,
      ...(ends ? { review_ended_on: today, final_decision_code: code } : {}),
      ...(code === '4.5' ? { main_appeal_id: String(data.mainAppealId) } : {}),
      updated_at: now,
    })
    .where('id', '=', appeal.id)
    .execute();
  await appendEvent(trx, {
    appealId: appeal.id,
    organizationId: appeal.organization_id,
    actor,
    at: now,
    kind: 'decision',
    changes: {
      decision: { id: decisionId, code, data },
      ...(draft ? { draft: { id: draft.id, draftedBy: draft.draftedBy } } : {}),
      status: { from: appeal.status, to: status },
      ...(next.dueDate !== appeal.due_date ? { dueDate: { from: appeal.due_date, to: next.dueDate } } : {}),
      ...(opened.length ? { opened: opened.map((o) => o.registrationNumber) } : {}),
      ...(letter ? { letter: letter.number } : {}),
      ...(superseded.length ? { supersededDrafts: superseded } : {}),
    },
  });
  // statistics (src/statistics/cards.ts): the card changed: its 1-ТӨ cells and the daily-export journal
  await cardsChanged(trx, [appeal.id, ...opened.map((o) => o.id)], now);
  return { decisionId, status, data };
}

/** Return an executor's draft for rework (the head or the control department, with the remark
 *  saying why — rules §3 p.5 — or its author, to redo it): its letter goes, the review goes on. */
export async function returnDraft(ctx: Context, actor: Actor, appealId: string, draftId: string, remark: string | undefined) {
  await appealInScope(ctx.db, actor, appealId);
  await ctx.db.transaction().execute(async (trx) => {
    const appeal = await store.lockAppeal(trx, appealId);
    const draft = await store.pendingDraftOf(trx, appeal.id);
    if (!draft || draft.id !== draftId) throw new AppError(409, 'decision.draftNotPending');
    const own = draft.drafted_by === actor.id;
    if (!own && !hasRole(actor, 'head', 'controller')) throw forbidden();
    if (!own && !remark?.trim()) throw invalid([{ path: '/remark', code: 'required' }]);
    const now = ctx.clock.now();
    await store.resolveDraft(trx, draft.id, 'returned', actor, now, remark?.trim() || null);
    await appendEvent(trx, {
      appealId: appeal.id,
      organizationId: appeal.organization_id,
      actor,
      at: now,
      kind: 'draftReturned',
      changes: { draft: { id: draft.id, code: draft.code, draftedBy: draft.drafted_by_name }, remark: remark?.trim() || null },
    });
  });
}

/** The effects of a decision beyond its card; returns the cards it opened elsewhere. */
async function carryOut(
  ctx: Context,
  trx: Db,
  actor: Actor,
  appeal: AppealRow,
  code: DecisionCode,
  data: DecisionData,
  today: string,
  now: Date,
): Promise<{ id: string; registrationNumber: string }[]> {
  const { calendar, count } = ctx.law;
  await store.meetObligations(trx, appeal.id, fulfilledBy({ decision: code }), today);
  for (const o of obligationsOnDecision(code, data, calendar, appeal.registration_date, today, count)) {
    await store.insertObligation(trx, appeal, o.kind, o.dueDate, o.basis, o.metOn);
  }
  switch (code) {
    case '4.4': {
      const parts = Array.isArray(data.parts) ? (data.parts as { summary: string; targetOrganizationId: number }[]) : null;
      const opened = [];
      if (parts) {
        const existing = await store.partCount(trx, appeal.registration_number);
        for (const [i, part] of parts.entries()) {
          opened.push(await openCard(ctx, trx, actor, appeal, part.targetOrganizationId, now, { part: existing + i + 1, summary: part.summary }));
        }
      } else {
        opened.push(await openCard(ctx, trx, actor, appeal, Number(data.targetOrganizationId), now, {}));
      }
      // The applicant learns where the appeal (or each part of it) went at once (Art. 65).
      await notifyApplicants(trx, appeal, 'forwarded', { to: opened.map((o) => o.organizationName).join('; ') }, now);
      return opened;
    }
    case '4.24': {
      const card = await openCard(ctx, trx, actor, appeal, Number(data.targetOrganizationId), now, { atReviewingBody: true });
      await notifyApplicants(trx, appeal, 'forwarded', { to: card.organizationName }, now);
      return [card];
    }
    default:
      return [];
  }
}

/** A card at the receiving organization with the same registration and talon numbers (p.10) — or
 *  the part's own number `…/n` (p.11) — and a term that runs from its registration there (Art. 65 p.3). */
async function openCard(
  ctx: Context,
  trx: Db,
  actor: Actor,
  source: AppealRow,
  targetId: number,
  now: Date,
  opts: { part?: number; summary?: string; atReviewingBody?: boolean },
) {
  const target = await store.organizationOf(trx, targetId);
  const regDate = registrationDate(now, timeZoneOf(ctx, target), { start: target.work_start, end: target.work_end }, ctx.law.calendar);
  const rule = termRule(ctx.law.terms, source.document_type as DocumentType, source.sub_kind);
  const id = randomUUID();
  const registrationNumber = opts.part ? `${source.registration_number}/${opts.part}` : source.registration_number;
  const { id: _id, ...copy } = source;
  await trx
    .insertInto('appeals')
    .values({
      ...copy,
      id,
      organization_id: target.id,
      registration_number: registrationNumber,
      part_number: opts.part ?? source.part_number,
      registration_date: regDate,
      due_date: dueDate(ctx.law.calendar, regDate, rule.term, ctx.law.count),
      summary: opts.summary ?? source.summary,
      status: 'registered',
      registered_by: actor.id,
      registrar_name: actor.fullName,
      registrar_position: actor.position,
      duplicate_candidate: false,
      executor_id: null,
      control_date: null,
      origin_appeal_id: source.id,
      main_appeal_id: null,
      at_reviewing_body: opts.atReviewingBody ?? false,
      final_decision_code: null,
      review_ended_on: null,
      answer_sent_at: null,
      deemed_refusal: false,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await store.copyApplicantCards(trx, source.id, id, target.id);
  const card = { ...source, id, organization_id: target.id, registration_number: registrationNumber, registration_date: regDate };
  for (const o of obligationsOnReceipt(source.procedure as Procedure, opts.atReviewingBody ?? false, ctx.law.calendar, regDate, ctx.law.count)) {
    await store.insertObligation(trx, card, o.kind, o.dueDate, o.basis, null);
  }
  await appendEvent(trx, {
    appealId: id,
    organizationId: target.id,
    actor,
    at: now,
    kind: 'received',
    changes: { from: { appealId: source.id, organizationId: source.organization_id }, registrationNumber, registrationDate: regDate },
  });
  return { id, registrationNumber, organizationName: target.name_kk };
}

/** What the decision names must exist and make sense: another organization, an appeal of this one. */
async function checkReferences(db: Db, appeal: AppealRow, code: DecisionCode, data: DecisionData): Promise<void> {
  const targets: [string, unknown][] = [];
  if (code === '4.4' || code === '4.24') {
    if (data.targetOrganizationId !== undefined) targets.push(['/targetOrganizationId', data.targetOrganizationId]);
    if (Array.isArray(data.parts)) {
      (data.parts as { targetOrganizationId: number }[]).forEach((p, i) => targets.push([`/parts/${i}/targetOrganizationId`, p.targetOrganizationId]));
    }
  }
  for (const [path, id] of targets) {
    if (id === appeal.organization_id) throw invalid([{ path, code: 'decision.forwardToItself' }]);
    if (!(await store.organizationExists(db, Number(id)))) throw invalid([{ path, code: 'organization.unknown' }]);
  }
  if (code === '4.5') {
    const main = await store.appealOfOrganization(db, String(data.mainAppealId), appeal.organization_id);
    if (!main) throw invalid([{ path: '/mainAppealId', code: 'decision.mainAppealUnknown' }]);
  }
}

/** Cancel a move-out (4.1) within one working day (rules p.15): the appeal is back in review. */
export async function cancelMoveOut(ctx: Context, actor: Actor, appealId: string) {
  await appealInScope(ctx.db, actor, appealId);
  await ctx.db.transaction().execute(async (trx) => {
    const appeal = await store.lockAppeal(trx, appealId);
    const state = await appealState(ctx, appeal, trx);
    const today = todayOf(ctx);
    const check = checkCancelMoveOut(state, actor.roles, today, ctx.law.calendar);
    if (!check.ok) throw new AppError(409, check.code, [], check.params);
    const status = statusOf(applyCancelMoveOut(state, today));
    const now = ctx.clock.now();
    const cancelled = await store.cancelLatestMoveOut(trx, appeal.id, now);
    await trx
      .updateTable('appeals')
      .set({ status, review_ended_on: null, final_decision_code: null, updated_at: now })
      .where('id', '=', appeal.id)
      .execute();
    await appendEvent(trx, {
      appealId: appeal.id,
      organizationId: appeal.organization_id,
      actor,
      at: now,
      kind: 'moveOutCancelled',
      changes: { decisionId: cancelled, status: { from: appeal.status, to: status } },
    });
    // statistics (src/statistics/cards.ts): the card changed: its 1-ТӨ cells and the daily-export journal
    await cardsChanged(trx, [appeal.id], now);
  });
}

/** The applicant brought the appeal into line after a 4.2 notice (Art. 64 p.6): the review goes on
 *  and the appeal can no longer be returned. */
export async function recordFix(ctx: Context, actor: Actor, appealId: string) {
  if (!hasRole(actor, ...FIX_RECORDED_BY)) throw forbidden();
  await appealInScope(ctx.db, actor, appealId);
  await ctx.db.transaction().execute(async (trx) => {
    const appeal = await store.lockAppeal(trx, appealId);
    const state = await appealState(ctx, appeal, trx);
    if (!canRecordFix(state)) throw new AppError(409, 'decision.nothingToFix');
    const today = todayOf(ctx);
    const status = statusOf({ ...state, fixedOn: today });
    const now = ctx.clock.now();
    await trx.updateTable('appeals').set({ status, updated_at: now }).where('id', '=', appeal.id).execute();
    await appendEvent(trx, {
      appealId: appeal.id,
      organizationId: appeal.organization_id,
      actor,
      at: now,
      kind: 'appealFixed',
      changes: { fixedOn: today, status: { from: appeal.status, to: status } },
    });
    // statistics (src/statistics/cards.ts): the card changed: its 1-ТӨ cells and the daily-export journal
    await cardsChanged(trx, [appeal.id], now);
  });
}

/** Art. 88 p.1: information on a crime being prepared or committed, or on a threat to state or
 *  public security, found in an appeal after its registration: marked (or unmarked) by whoever
 *  reviews it, so that an anonymous one is forwarded at once instead of terminated. */
export async function markSecurityInfo(ctx: Context, actor: Actor, appealId: string, value: boolean, reason: string) {
  if (!hasRole(actor, 'registrar', 'executor', 'head')) throw forbidden();
  await appealInScope(ctx.db, actor, appealId);
  await ctx.db.transaction().execute(async (trx) => {
    const appeal = await store.lockAppeal(trx, appealId);
    if (appeal.review_ended_on !== null) throw new AppError(409, 'decision.reviewEnded', [], { endedBy: appeal.final_decision_code ?? '' });
    if (appeal.security_info === value) return;
    const now = ctx.clock.now();
    await trx.updateTable('appeals').set({ security_info: value, updated_at: now }).where('id', '=', appeal.id).execute();
    await appendEvent(trx, {
      appealId: appeal.id,
      organizationId: appeal.organization_id,
      actor,
      at: now,
      kind: 'securityInfoMarked',
      changes: { securityInfo: { from: appeal.security_info, to: value }, reason, basis: 'APPC Art. 88 p.1' },
    });
    // statistics (src/statistics/cards.ts): the card changed: the daily-export journal
    await cardsChanged(trx, [appeal.id], now);
  });
}
