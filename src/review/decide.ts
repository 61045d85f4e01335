// Decision cards (ТЖ-2): take a decision, with its effects on the appeal — forwarding opens a card
// at the receiving organization (rules p.10), a split opens one per part (p.11), an attachment
// links the main appeal (p.22), an extension moves the due date (Art. 76 p.3). What may be taken
// is the catalogue's (src/domain/decisions.ts); this file only carries it out.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { timeZoneOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import type { Db } from '../db/connection.ts';
import { insertObligations, type AppealRow } from '../appeals/store.ts';
import { changeAppeal, storedCard, type AppealChange, type Work } from '../appeals/change.ts';
import { appendEvent } from '../audit/log.ts';
import {
  canRecordFix,
  checkCancelMoveOut,
  checkDecision,
  decisionData,
  FIX_RECORDED_BY,
  isDecisionCode,
  needsApproval,
  type AppealState,
  type AppealStatus,
  type DecisionCode,
  type DecisionData,
} from '../domain/decisions.ts';
import { INITIAL_STATUS, transition, type CardToOpen } from '../domain/appeal-status.ts';
import { checkReturnDraft, LETTERS_SIGNED_BY, SECURITY_INFO_MARKED_BY } from '../domain/actions.ts';
import { obligationsOnReceipt, obligationsOnSecurityInfoMarked, ON_SECURITY_INFO_MARKED } from '../domain/obligations.ts';
import { searchTextOf } from '../domain/search.ts';
import { localDateTime, registrationDate } from '../domain/calendar.ts';
import { partNumber } from '../domain/numbering.ts';
import { dueDate, termRule } from '../domain/terms.ts';
import type { DocumentType, Procedure } from '../domain/vocabulary.ts';
import * as store from './store.ts';
import { draftLetter } from '../letters/service.ts';

export interface DecisionInput extends Record<string, unknown> {
  code: string;
}

export async function appealState(ctx: Context, appeal: AppealRow, db: Db = ctx.db): Promise<AppealState> {
  const [decisions, fixedAt, notice, draft] = await Promise.all([store.decisionsOf(db, appeal.id), store.lastFixOf(db, appeal.id), store.latestHearingNotice(db, appeal.id), store.pendingDraftOf(db, appeal.id)]);
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
export async function takeDecision(ctx: Context, actor: Actor, appealId: string, input: DecisionInput): Promise<({ decisionId: string } | { draftId: string }) & { appeal: AppealRow }> {
  const { code, ...raw } = input;
  if (!isDecisionCode(code)) throw invalid([{ path: '/code', code: 'decision.unknownCode', params: { code } }]);
  return changeAppeal<{ decisionId: string } | { draftId: string }>(ctx, actor, appealId, async (w) => {
    const state = await appealState(ctx, w.appeal, w.trx);
    assertDecisionAllowed(ctx, actor, state, code, raw, w.today);
    if (needsApproval(state, code, actor.roles)) return draftDecision(ctx, w, actor, state, code, raw);
    const { decisionId, change } = await saveDecision(ctx, w, actor, state, code, raw);
    return { change, result: { decisionId } };
  });
}

/** An executor's outcome as a draft for the head, with the letter the head will sign. */
async function draftDecision(ctx: Context, { trx, appeal, now, today }: Work, actor: Actor, state: AppealState, code: DecisionCode, raw: DecisionData) {
  const data = decisionData(state, code, raw, today, ctx.law.calendar, { count: ctx.law.count });
  await checkReferences(trx, appeal, code, data);
  const draftId = randomUUID();
  await store.insertDraft(trx, { id: draftId, appeal, code, data: raw, actor, at: now });
  const letter = await draftLetter(ctx, trx, appeal, { draftId, code, data, decisionDate: today, author: actor.fullName }, null);
  const changes = { draft: { id: draftId, code, data: raw }, ...(letter ? { letter: letter.number } : {}) };
  return { change: { event: { kind: 'decisionDrafted', changes } }, result: { draftId } };
}

/**
 * Save a decision card (ТЖ-2) with its effects, within a change of the appeal: the cards it opens
 * elsewhere, its letter (a draft's letter, when the head approves one by signing it, or a new
 * one), and what the status machine says of the appeal (status, due date, end of review,
 * obligations). Checked by the caller; the door stores the change it returns.
 */
export async function saveDecision(
  ctx: Context,
  w: Work,
  actor: Actor,
  state: AppealState,
  code: DecisionCode,
  raw: DecisionData,
  draft?: { id: string; letterId: string; draftedBy: string },
): Promise<{ decisionId: string; status: AppealStatus; data: DecisionData; change: AppealChange }> {
  const { trx, appeal, now, today } = w;
  const data = decisionData(state, code, raw, today, ctx.law.calendar, { count: ctx.law.count });
  await checkReferences(trx, appeal, code, data);
  const decisionId = randomUUID();
  await store.insertDecision(trx, { id: decisionId, appeal, code, data, actor, at: now, on: today });
  let letter: { id: string; number: string } | null;
  if (draft) {
    letter = await store.approveDraft(trx, draft.id, draft.letterId, decisionId, actor, now);
  } else {
    // The head's own card is in their name; anyone else's in the organization's head's.
    letter = await draftLetter(ctx, trx, appeal, { id: decisionId, code, data, decisionDate: today, author: actor.fullName }, hasRole(actor, ...LETTERS_SIGNED_BY) ? actor : null);
  }
  const t = transition(storedCard(appeal), { kind: 'decisionTaken', state, code, data, withLetter: letter !== null }, today, ctx.law);
  const opened: Opened[] = [];
  let superseded: string[] = [];
  for (const effect of t.effects) {
    if (effect.kind === 'openCards') opened.push(...(await openCards(ctx, w, actor, effect.cards)));
    if (effect.kind === 'supersedeDrafts') superseded = await store.supersedeDrafts(trx, appeal.id, actor, now);
  }
  const change: AppealChange = {
    transition: t,
    event: {
      kind: 'decision',
      changes: {
        decision: { id: decisionId, code, data },
        ...(draft ? { draft: { id: draft.id, draftedBy: draft.draftedBy } } : {}),
        ...(t.fields.dueDate !== appeal.due_date ? { dueDate: { from: appeal.due_date, to: t.fields.dueDate } } : {}),
        ...(opened.length ? { opened: opened.map((o) => o.registrationNumber) } : {}),
        ...(letter ? { letter: letter.number } : {}),
        ...(superseded.length ? { supersededDrafts: superseded } : {}),
      },
    },
    // The applicant learns where the appeal (or each part of it) went at once (Art. 65).
    notify: opened.length ? [{ kind: 'forwarded', data: { to: opened.map((o) => o.organizationName).join('; ') } }] : [],
    alsoChanged: opened.map((o) => o.id),
  };
  return { decisionId, status: t.status, data, change };
}

/** Return an executor's draft for rework (the head or the control department, with the remark
 *  saying why — the control-departments provision §3 p.5 — or its author, to redo it): its letter goes, the review goes on. */
export async function returnDraft(ctx: Context, actor: Actor, appealId: string, draftId: string, remark: string | undefined): Promise<AppealRow> {
  const { appeal } = await changeAppeal(ctx, actor, appealId, async ({ trx, appeal, now }) => {
    const draft = await store.pendingDraftOf(trx, appeal.id);
    if (!draft || draft.id !== draftId) throw new AppError(409, 'decision.draftNotPending');
    const check = checkReturnDraft(actor.roles, actor.id, draft.drafted_by);
    if (!check.allowed) throw forbidden();
    if (check.remarkRequired && !remark?.trim()) throw invalid([{ path: '/remark', code: 'required' }]);
    await store.resolveDraft(trx, draft.id, 'returned', actor, now, remark?.trim() || null);
    const changes = { draft: { id: draft.id, code: draft.code, draftedBy: draft.drafted_by_name }, remark: remark?.trim() || null };
    return { change: { event: { kind: 'draftReturned', changes } } };
  });
  return appeal;
}

type Opened = { id: string; registrationNumber: string; organizationName: string };

/** The cards a decision opens at receiving organizations (4.4 whole or in parts, 4.24). */
async function openCards(ctx: Context, w: Work, actor: Actor, cards: readonly CardToOpen[]): Promise<Opened[]> {
  const opened: Opened[] = [];
  const existing = cards.some((c) => c.part) ? await store.partCount(w.trx, w.appeal.registration_number) : 0;
  for (const card of cards) {
    const part = card.part ? { number: existing + opened.length + 1, summary: card.part.summary } : undefined;
    opened.push(await openCard(ctx, w, actor, card.targetOrganizationId, { part, atReviewingBody: card.atReviewingBody }));
  }
  return opened;
}

/** A card at the receiving organization with the same registration and talon numbers (p.10) — or
 *  the part's own number `…/n` (p.11) — and a term that runs from its registration there (Art. 65 p.3). */
async function openCard(ctx: Context, { trx, appeal: source, now }: Work, actor: Actor, targetId: number, opts: { part?: { number: number; summary: string }; atReviewingBody: boolean }): Promise<Opened> {
  const target = await store.organizationOf(trx, targetId);
  const regDate = registrationDate(now, timeZoneOf(ctx, target), { start: target.work_start, end: target.work_end }, ctx.law.calendar);
  const rule = termRule(ctx.law.terms, source.document_type as DocumentType, source.sub_kind);
  const id = randomUUID();
  const registrationNumber = opts.part ? partNumber(source.registration_number, opts.part.number) : source.registration_number;
  const { id: _id, ...copy } = source;
  await store.insertAppeal(trx, {
    ...copy,
    id,
    organization_id: target.id,
    registration_number: registrationNumber,
    part_number: opts.part?.number ?? source.part_number,
    registration_date: regDate,
    due_date: dueDate(ctx.law.calendar, regDate, rule.term, ctx.law.count),
    summary: opts.part?.summary ?? source.summary,
    search_text: searchTextOf({ ...source, summary: opts.part?.summary ?? source.summary }),
    status: INITIAL_STATUS,
    registered_by: actor.id,
    registrar_name: actor.fullName,
    registrar_position: actor.position,
    duplicate_candidate: false,
    executor_id: null,
    control_date: null,
    origin_appeal_id: source.id,
    main_appeal_id: null,
    at_reviewing_body: opts.atReviewingBody,
    final_decision_code: null,
    review_ended_on: null,
    answer_sent_at: null,
    deemed_refusal: false,
    created_at: now,
    updated_at: now,
  });
  await store.copyApplicantCards(trx, source.id, id, target.id);
  const card = { id, organization_id: target.id };
  // the forward at once of Art. 88 p.1 was the sender's: the receiving body is the competent one
  const receipt = { procedure: source.procedure as Procedure, atReviewingBody: opts.atReviewingBody, anonymous: source.applicant_kind === 'anonymous', securityInfo: false };
  await insertObligations(trx, card, obligationsOnReceipt(receipt, ctx.law.calendar, regDate, ctx.law.count));
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
export async function cancelMoveOut(ctx: Context, actor: Actor, appealId: string): Promise<AppealRow> {
  const { appeal: after } = await changeAppeal(ctx, actor, appealId, async ({ trx, appeal, now, today }) => {
    const state = await appealState(ctx, appeal, trx);
    const check = checkCancelMoveOut(state, actor.roles, today, ctx.law.calendar);
    if (!check.ok) throw new AppError(409, check.code, [], check.params);
    const cancelled = await store.cancelLatestMoveOut(trx, appeal.id, now);
    const t = transition(storedCard(appeal), { kind: 'moveOutCancelled', state }, today, ctx.law);
    return { change: { transition: t, event: { kind: 'moveOutCancelled', changes: { decisionId: cancelled } } } };
  });
  return after;
}

/** The applicant brought the appeal into line after a 4.2 notice (Art. 64 p.6): the review goes on
 *  and the appeal can no longer be returned. */
export async function recordFix(ctx: Context, actor: Actor, appealId: string): Promise<AppealRow> {
  if (!hasRole(actor, ...FIX_RECORDED_BY)) throw forbidden();
  const { appeal: after } = await changeAppeal(ctx, actor, appealId, async ({ trx, appeal, today }) => {
    const state = await appealState(ctx, appeal, trx);
    if (!canRecordFix(state)) throw new AppError(409, 'decision.nothingToFix');
    const t = transition(storedCard(appeal), { kind: 'fixRecorded', state }, today, ctx.law);
    return { change: { transition: t, event: { kind: 'appealFixed', changes: { fixedOn: today } } } };
  });
  return after;
}

/** Art. 88 p.1: information on a crime being prepared or committed, or on a threat to state or
 *  public security, found in an appeal after its registration: marked (or unmarked) by whoever
 *  reviews it, so that an anonymous one is forwarded at once instead of terminated. */
export async function markSecurityInfo(ctx: Context, actor: Actor, appealId: string, value: boolean, reason: string) {
  if (!hasRole(actor, ...SECURITY_INFO_MARKED_BY)) throw forbidden();
  await changeAppeal(ctx, actor, appealId, async ({ appeal, today }) => {
    if (appeal.review_ended_on !== null) throw new AppError(409, 'decision.reviewEnded', [], { endedBy: appeal.final_decision_code ?? '' });
    if (appeal.security_info === value) return { change: null };
    const changes = { securityInfo: { from: appeal.security_info, to: value }, reason, basis: 'APPC Art. 88 p.1' };
    const anonymous = appeal.applicant_kind === 'anonymous';
    // marked: an anonymous report is forwarded at once from today; unmarked: that duty is gone
    const obligations = value ? { open: obligationsOnSecurityInfoMarked(anonymous, ctx.law.calendar, appeal.registration_date, today, ctx.law.count) } : { drop: [ON_SECURITY_INFO_MARKED.kind] };
    return { change: { set: { security_info: value }, ...obligations, event: { kind: 'securityInfoMarked', changes } } };
  });
}
