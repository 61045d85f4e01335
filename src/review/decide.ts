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
  isDecisionCode,
  statusOf,
  type AppealState,
  type DecisionCode,
  type DecisionData,
} from '../domain/decisions.ts';
import { localDateTime, registrationDate } from '../domain/calendar.ts';
import { applyTerm, dueDate, PROCEDURAL_TERMS, termRule } from '../domain/terms.ts';
import type { DocumentType } from '../domain/vocabulary.ts';
import * as store from './store.ts';
import { draftLetter } from '../letters/service.ts';
import { notifyApplicants } from './notify.ts';
import { cardsChanged } from '../statistics/cards.ts';

export interface DecisionInput extends Record<string, unknown> {
  code: string;
}

export async function appealState(ctx: Context, appeal: AppealRow): Promise<AppealState> {
  const [decisions, fixedAt] = await Promise.all([store.decisionsOf(ctx.db, appeal.id), store.lastFixOf(ctx.db, appeal.id)]);
  const rule = termRule(ctx.law.terms, appeal.document_type as DocumentType, appeal.sub_kind);
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
    ...(fixedAt ? { fixedOn: localDateTime(fixedAt, ctx.config.timeZone).date } : {}),
    decisions: decisions.map((d) => ({
      code: d.code as DecisionCode,
      decisionDate: d.decision_date,
      data: d.data,
      ...(d.cancelled_at ? { cancelledOn: localDateTime(d.cancelled_at, ctx.config.timeZone).date } : {}),
    })),
  };
}

export async function takeDecision(ctx: Context, actor: Actor, appealId: string, input: DecisionInput) {
  const { code, ...raw } = input;
  if (!isDecisionCode(code)) throw invalid([{ path: '/code', code: 'decision.unknownCode', params: { code } }]);
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const state = await appealState(ctx, appeal);
  const today = todayOf(ctx);
  const { calendar, count } = ctx.law;
  const check = checkDecision(state, code, raw, actor.roles, today, calendar, { count });
  if (!check.ok) {
    if (check.fields?.length) throw invalid(check.fields);
    throw new AppError(409, check.code, [], check.params);
  }
  const data = decisionData(state, code, raw, today, calendar, { count });
  await checkReferences(ctx.db, appeal, code, data);

  const next = applyDecision(state, code, data, today);
  const ends = endsReviewWith(code, data);
  const now = ctx.clock.now();
  const decisionId = randomUUID();

  await ctx.db.transaction().execute(async (trx) => {
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
    const letter = await draftLetter(ctx, trx, appeal, { id: decisionId, code, data, decisionDate: today }, actor);
    // A final decision's letter waits for the head's signature before the appeal counts as answered.
    const status = ends && letter ? 'toSign' : statusOf(next);
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
        status: { from: appeal.status, to: status },
        ...(next.dueDate !== appeal.due_date ? { dueDate: { from: appeal.due_date, to: next.dueDate } } : {}),
        ...(opened.length ? { opened: opened.map((o) => o.registrationNumber) } : {}),
        ...(letter ? { letter: letter.number } : {}),
      },
    });
    // statistics (src/statistics/cards.ts): the card changed: its 1-ТӨ cells and the daily-export journal
    await cardsChanged(trx, [appeal.id, ...opened.map((o) => o.id)], now);
  });
  return { decisionId };
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
  const cal = ctx.law.calendar;
  // Terms counted from receipt that the decision itself fulfils: recorded met, late ones violated.
  const met = (kind: 'moveOut' | 'forward' | 'complaintForward') => {
    const t = PROCEDURAL_TERMS[kind];
    const due = applyTerm(cal, appeal.registration_date, t.term, ctx.law.count);
    return store.insertObligation(trx, appeal, kind, due, t.basis, today);
  };
  switch (code) {
    case '4.1':
      await met('moveOut');
      return [];
    case '4.4': {
      await met('forward');
      if (Array.isArray(data.parts)) {
        const existing = await store.partCount(trx, appeal.registration_number);
        const opened = [];
        for (const [i, part] of (data.parts as { summary: string; targetOrganizationId: number }[]).entries()) {
          opened.push(
            await openCard(ctx, trx, actor, appeal, part.targetOrganizationId, now, {
              part: existing + i + 1,
              summary: part.summary,
            }),
          );
        }
        return opened;
      }
      const card = await openCard(ctx, trx, actor, appeal, Number(data.targetOrganizationId), now, {});
      await notifyApplicants(trx, appeal, 'forwarded', { to: card.organizationName }, now);
      return [card];
    }
    case '4.24': {
      await met('complaintForward');
      return [await openCard(ctx, trx, actor, appeal, Number(data.targetOrganizationId), now, { atReviewingBody: true })];
    }
    case '4.14': {
      const t = PROCEDURAL_TERMS.notifyExtension;
      await store.insertObligation(trx, appeal, 'notifyExtension', applyTerm(cal, today, t.term, 'civilCode'), t.basis, null);
      return [];
    }
    case '4.3':
    case '4.13': {
      const t = PROCEDURAL_TERMS.notifyTerminationOrReturn;
      await store.insertObligation(trx, appeal, 'notifyTerminationOrReturn', applyTerm(cal, today, t.term, 'civilCode'), t.basis, null);
      return [];
    }
    case '4.18':
    case '4.19':
    case '4.20':
    case '4.21':
    case '4.22':
    case '4.23': {
      // The reviewing body sends the case back to the body complained about (Art. 100 p.2).
      const t = PROCEDURAL_TERMS.caseReturn;
      await store.insertObligation(trx, appeal, 'caseReturn', applyTerm(cal, today, t.term, 'civilCode'), t.basis, null);
      return [];
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
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const state = await appealState(ctx, appeal);
  const today = todayOf(ctx);
  const check = checkCancelMoveOut(state, actor.roles, today, ctx.law.calendar);
  if (!check.ok) throw new AppError(409, check.code, [], check.params);
  const next = applyCancelMoveOut(state, today);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const cancelled = await store.cancelLatestMoveOut(trx, appeal.id, now);
    const status = statusOf(next);
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
  if (!hasRole(actor, 'registrar', 'executor', 'head')) throw forbidden();
  const appeal = await appealInScope(ctx.db, actor, appealId);
  const state = await appealState(ctx, appeal);
  if (!canRecordFix(state)) throw new AppError(409, 'decision.nothingToFix');
  const today = todayOf(ctx);
  const status = statusOf({ ...state, fixedOn: today });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
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
