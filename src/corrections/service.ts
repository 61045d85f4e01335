// Corrections (rules p.27–p.28): petitions to change card fields or delete a card, with the reason
// and supporting documents; decided by the statistics authority or by the organization
// (src/domain/corrections.ts says which), applied in one transaction: the card, the audit log
// (before/after), the 1-ТӨ aggregates and the daily-export journal (so the correction goes out
// with the next daily export). A period whose report is formed is changed only this way, and the
// change shows as a difference against the formed report.
import { checkAttachment, DEFAULT_ATTACHMENT_LIMITS, safeFileName } from '../domain/attachments.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import {
  CORRECTABLE_FIELDS,
  DECIDER_LABELS,
  checkCorrection,
  correctionDecidedBy,
  defaultBasis,
  mayFile,
  mayReview,
  overdueCondition,
  petitionPeriod,
  petitionPeriodOf,
  petitionReviewable,
  petitionReviewDue,
  periodClosed,
  type CorrectableField,
  type CorrectionActor,
  type CorrectionInput,
  type CorrectionRecord,
} from '../domain/corrections.ts';
import { applicantDisplayName, normalizePhone } from '../domain/registration.ts';
import type { AppealState, DecisionCode } from '../domain/decisions.ts';
import { transition, type Transition } from '../domain/appeal-status.ts';
import { changeAppeal, storedCard, type AppealChange } from '../appeals/change.ts';
import { actsAsAuthority, authorityScope } from '../statistics/scope.ts';
import type { FieldError } from '../domain/registration.ts';
import { appealState } from '../review/decide.ts';
import type { AppealRow } from '../appeals/store.ts';
import type { CorrectionDecisionInput, PetitionInput } from './schemas.ts';
import {
  appealWithScope,
  applicantCardById,
  applicantKindOf,
  applicantNamesOf,
  attachmentById,
  attachmentsOf,
  claimPetition,
  decisionCodeOf,
  decisionDataOf,
  decisionsOfAppeal,
  deletedIds,
  directoryEntry,
  insertAttachment,
  insertCardDeletion,
  insertPetition,
  petitionById,
  petitionsVisible,
  recordBeforeAfter,
  updateApplicantCard,
  updateDecisionData,
} from './store.ts';

export type { AttachmentInput, PetitionInput } from './schemas.ts';

/** The appeal if the actor may account for it: heads their subtree, the authority
 *  (src/statistics/scope.ts: authorityScope) the organizations it counts. */
async function appealForAccounting(db: Db, actor: Actor, id: string): Promise<AppealRow> {
  const counted = await authorityScope(db, actor);
  const row = await appealWithScope(db, actor, id, counted);
  if (!row) throw invalid([{ path: '/appealId', code: 'appeal.unknown' }]);
  const { own_scope, counted: isCounted, ...appeal } = row;
  if (!(counted ? isCounted : own_scope)) throw forbidden();
  return appeal as AppealRow;
}

export async function correctionActor(db: Db, actor: Actor): Promise<CorrectionActor> {
  return { roles: actor.roles, statisticsAuthority: await actsAsAuthority(db, actor) };
}

/** The card the petition names, with what the rules need to know of it (a decision's code, an applicant card's kind). */
async function resolveRecord(db: Db, appeal: AppealRow, record: CorrectionRecord, deleted: Set<string>): Promise<CorrectionRecord> {
  const unknown = () => invalid([{ path: '/record/id', code: 'correction.recordUnknown' }]);
  if (deleted.has(record.id)) throw unknown();
  if (record.kind === 'tzh1') {
    if (record.id !== appeal.id) throw unknown();
    return { kind: 'tzh1', id: record.id };
  }
  if (record.kind === 'tzh2') {
    const d = await decisionCodeOf(db, record.id, appeal.id);
    if (!d) throw unknown();
    return { kind: 'tzh2', id: record.id, decisionCode: d.code };
  }
  const c = await applicantKindOf(db, record.id, appeal.id);
  if (!c) throw unknown();
  return { kind: 'ai1', id: record.id, applicantKind: c.kind };
}

export async function fileCorrection(ctx: Context, actor: Actor, input: PetitionInput) {
  const appeal = await appealForAccounting(ctx.db, actor, input.appealId);
  const deleted = await deletedIds(ctx.db, appeal.id);
  if (deleted.has(appeal.id)) throw new AppError(409, 'correction.cardDeleted');
  const record = input.record ? await resolveRecord(ctx.db, appeal, input.record, deleted) : undefined;
  const correction: CorrectionInput =
    input.action === 'delete' ? { action: 'delete', record: record!, ...(input.changes ? { changes: input.changes } : {}) } : { action: 'change', changes: input.changes ?? {}, ...(record ? { record } : {}) };
  const errors: FieldError[] = checkCorrection(correction, { procedure: appeal.procedure });
  for (const [field, value] of Object.entries(correction.changes ?? {})) {
    const spec = CORRECTABLE_FIELDS[field];
    if (spec?.type === 'directory' && typeof value === 'string') {
      const known = await directoryEntry(ctx.db, spec.directory!, value);
      if (!known) errors.push({ path: `/changes/${field}`, code: 'directory.unknownCode', params: { code: value } });
    }
  }
  const attachments = input.attachments ?? [];
  if (attachments.length === 0) errors.push({ path: '/attachments', code: 'correction.documentsRequired' });
  // the same check as every attachment (src/domain/attachments.ts): the type from the content, never the declared one
  const limits = DEFAULT_ATTACHMENT_LIMITS.correction;
  if (attachments.length > limits.maxFiles) errors.push({ path: '/attachments', code: 'attachment.tooMany', params: { max: limits.maxFiles } });
  const files = attachments.map((a, i) => {
    const content = Buffer.from(a.content, 'base64');
    const check = checkAttachment(content, limits);
    if (!check.ok) errors.push({ path: `/attachments/${i}/content`, code: check.code, params: { max: limits.maxBytes / 1024 / 1024 } });
    return { name: check.ok ? safeFileName(a.name, check.type.extension) : a.name, mediaType: check.ok ? check.type.mediaType : '', content };
  });
  if (errors.length) throw invalid(errors);

  const decidedBy = correctionDecidedBy(correction);
  const basis = input.basis ?? defaultBasis(actor, decidedBy);
  if (!mayFile(await correctionActor(ctx.db, actor), decidedBy, basis)) throw new AppError(403, 'correction.notAllowedToFile', [], { decidedBy, decider: DECIDER_LABELS[decidedBy] });

  const now = ctx.clock.now();
  const filedOn = todayOf(ctx);
  const period = petitionPeriod(filedOn, ctx.law.calendar);
  const id = randomUUID();
  await changeAppeal(
    ctx,
    actor,
    appeal.id,
    async ({ trx }) => {
      await insertPetition(trx, {
        id,
        organization_id: appeal.organization_id,
        appeal_id: appeal.id,
        action: correction.action,
        changes: JSON.stringify({ ...(correction.changes ?? {}), ...(correction.record ? { record: correction.record } : {}) }),
        reason: input.reason,
        decided_by: decidedBy,
        basis,
        petitioner_id: actor.id,
        petitioner_name: actor.fullName,
        filed_at: now,
        filed_on: filedOn,
        period_year: period.year,
        period_month: period.month,
        review_due: petitionReviewDue(filedOn, period, ctx.law.calendar),
        reviewer_id: null,
        reviewer_name: null,
        reviewed_at: null,
        review_comment: null,
        before: null,
        after: null,
      });
      for (const f of files) {
        await insertAttachment(trx, { id: randomUUID(), petition_id: id, name: f.name, media_type: f.mediaType, content: f.content, sha256: createHash('sha256').update(f.content).digest('hex') });
      }
      const changes = { petitionId: id, action: correction.action, changes: correction.changes ?? {}, record: correction.record ?? null, decidedBy, basis, period, reason: input.reason };
      return { change: { event: { kind: 'correctionFiled', changes } } };
    },
    { scopeChecked: true },
  );
  return id;
}

/** Petitions the actor may see: heads those of their organizations, the authority those it counts.
 *  `overdue`: the pending ones not reviewed by their review day (p.28). */
export async function listCorrections(ctx: Context, actor: Actor, filter: { status?: string; appealId?: string; overdue?: boolean }) {
  const counted = await authorityScope(ctx.db, actor);
  return petitionsVisible(ctx.db, actor, counted, { status: filter.status, appealId: filter.appealId, overdue: filter.overdue ? overdueCondition(todayOf(ctx)) : undefined });
}

export async function correctionOf(ctx: Context, actor: Actor, id: string) {
  const row = await petitionById(ctx.db, id);
  if (!row) throw notFound();
  await appealForAccounting(ctx.db, actor, row.appeal_id).catch((e) => {
    if (e instanceof AppError && e.status === 422) throw notFound();
    throw e;
  });
  const attachments = await attachmentsOf(ctx.db, id);
  return { ...row, attachments };
}

export async function attachmentOf(ctx: Context, actor: Actor, id: string, attachmentId: string) {
  await correctionOf(ctx, actor, id);
  const a = await attachmentById(ctx.db, id, attachmentId);
  if (!a) throw notFound();
  return a;
}

/** Approve (and apply) or reject a petition. The appeal is locked first (the door,
 *  src/appeals/change.ts, as for every change of an appeal) and the cards are read under the lock, so the
 *  before/after and the writes are of the cards as they are, whatever was decided meanwhile. */
export async function decideCorrection(ctx: Context, actor: Actor, id: string, input: CorrectionDecisionInput) {
  const petition = await petitionById(ctx.db, id);
  if (!petition) throw notFound();
  if (petition.status !== 'pending') throw new AppError(409, 'correction.alreadyDecided', [], { status: petition.status });
  const decidedBy = petition.decided_by as 'authority' | 'organization';
  if (!mayReview(await correctionActor(ctx.db, actor), decidedBy, petition.petitioner_id === actor.id)) throw new AppError(403, 'correction.notAllowedToDecide', [], { decidedBy, decider: DECIDER_LABELS[decidedBy] });
  await appealForAccounting(ctx.db, actor, petition.appeal_id);
  const now = ctx.clock.now();
  const today = todayOf(ctx);
  // A late petition waits for its period (p.28): its correction must not reach the period it missed.
  const period = petitionPeriodOf(petition.period_year, petition.period_month, petition.filed_on, ctx.law.calendar);
  if (!petitionReviewable(period, today)) {
    throw new AppError(409, 'correction.periodNotOpen', [], { period: `${period.year}-${String(period.month).padStart(2, '0')}`, opensOn: period.opensOn });
  }
  const review = { reviewer_id: actor.id, reviewer_name: actor.fullName, reviewed_at: now, review_comment: input.comment ?? null };

  await changeAppeal(
    ctx,
    actor,
    petition.appeal_id,
    async ({ trx, appeal }) => {
      // one decision per petition: a reject racing an approve (or two approvals) — the second finds it decided
      const claimed = await claimPetition(trx, id, input.approve ? 'applied' : 'rejected', review);
      if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(409, 'correction.alreadyDecided', [], { status: 'decided' });
      if (!input.approve) return { change: { event: { kind: 'correctionRejected', changes: { petitionId: id, comment: input.comment ?? null } } } };

      const changes = petition.changes as Record<string, unknown> & { record?: CorrectionRecord };
      const { record, ...fields } = changes;
      // a card deleted by a petition approved since this one was filed
      const deleted = await deletedIds(trx, appeal.id);
      if (deleted.has(appeal.id) || (record && deleted.has(record.id))) throw new AppError(409, 'correction.cardDeleted');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      // what changes, by card: the ТЖ-1 row, the named applicant card, the named decision card's data
      const set: Record<string, unknown> = {};
      let status: Transition | undefined;
      const applicantSet: Record<string, unknown> = {};
      const decisionPatch: Record<string, unknown> = {};
      const applicantCard = record?.kind === 'ai1' ? await applicantCardById(trx, record.id) : undefined;
      const decisionCard = record?.kind === 'tzh2' ? await decisionDataOf(trx, record.id) : undefined;
      for (const [field, value] of Object.entries(fields)) {
        const spec = CORRECTABLE_FIELDS[field]!;
        const source: Record<string, unknown> = spec.card === 'ai1' ? applicantCard! : spec.card === 'tzh2' ? decisionCard!.data : (appeal as unknown as Record<string, unknown>);
        const current = source[spec.column];
        before[field] = current instanceof Date ? current.toISOString() : (current ?? null);
        after[field] = value;
        const stored = storedValue(spec, value);
        if (spec.card === 'ai1') applicantSet[spec.column] = stored;
        else if (spec.card === 'tzh2') decisionPatch[spec.column] = stored;
        else set[spec.column] = stored;
      }
      // a document type of another table: the sub-kind of the old one no longer applies (its term stays)
      if ('document_type' in set && appeal.sub_kind !== null) {
        set.sub_kind = null;
        before.subKind = appeal.sub_kind;
        after.subKind = null;
      }
      // The periods the card counts in that are closed already: the correction shows as a difference there.
      const touched = new Set([appeal.registration_date.slice(0, 7), ...(appeal.review_ended_on ? [appeal.review_ended_on.slice(0, 7)] : [])]);
      const closed = [...touched].filter((ym) => periodClosed(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), today, ctx.law.calendar));

      if (petition.action === 'delete' && record) {
        await insertCardDeletion(trx, { record_kind: record.kind, record_id: record.id, appeal_id: appeal.id, petition_id: id, deleted_at: now });
        before.deleted = { kind: record.kind, id: record.id, present: true };
        after.deleted = { kind: record.kind, id: record.id, present: false };
        if (record.kind === 'tzh2') status = await afterDecisionDeleted(ctx, trx, appeal, record.id, before, after);
      }
      if (Object.keys(applicantSet).length) {
        await updateApplicantCard(trx, record!.id, applicantSet);
        Object.assign(set, await applicantNameAfter(trx, appeal));
      }
      if (Object.keys(decisionPatch).length) {
        const data = { ...decisionCard!.data, ...decisionPatch };
        for (const [k, v] of Object.entries(decisionPatch)) if (v === null) delete data[k];
        await updateDecisionData(trx, record!.id, data);
      }
      await recordBeforeAfter(trx, id, before, after);
      const change: AppealChange = {
        ...(status ? { transition: status } : {}),
        set,
        event: { kind: 'corrected', changes: { petitionId: id, decidedBy, before, after, closedPeriods: closed, comment: input.comment ?? null } },
      };
      return { change };
    },
    { scopeChecked: true },
  );
}

/** The value as the card keeps it: an instant as a Date, a phone in its one form. */
function storedValue(spec: CorrectableField, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (spec.type === 'dateTime') return new Date(value);
  if (spec.type === 'phone') return normalizePhone(value);
  return value;
}

/** The applicant's name the ТЖ-1 shows (registration.ts applicantDisplayName), from the cards as they are now. */
async function applicantNameAfter(db: Db, appeal: AppealRow): Promise<{ applicant_name?: string | null }> {
  const cards = await applicantNamesOf(db, appeal.id);
  const display = applicantDisplayName(cards.map((c) => ({ kind: c.kind as 'individual' | 'legalEntity', lastName: c.last_name, firstName: c.first_name, middleName: c.middle_name, legalName: c.legal_name })));
  return display === appeal.applicant_name ? {} : { applicant_name: display };
}

/** A decision card deleted: the appeal's status, end of review and final decision follow from the
 *  rest (the status machine's decisionDeleted); the differences go into before/after. */
async function afterDecisionDeleted(ctx: Context, db: Db, appeal: AppealRow, decisionId: string, before: Record<string, unknown>, after: Record<string, unknown>): Promise<Transition> {
  const state = await appealState({ ...ctx, db }, appeal);
  const rows = await decisionsOfAppeal(db, appeal.id);
  const gone = await deletedIds(db, appeal.id);
  gone.add(decisionId);
  const remaining: AppealState = {
    ...state,
    decisions: rows.filter((d) => !gone.has(d.id) && d.cancelled_at === null).map((d) => ({ code: d.code as DecisionCode, decisionDate: d.decision_date, data: d.data })),
  };
  const t = transition(storedCard(appeal), { kind: 'decisionDeleted', state: remaining }, todayOf(ctx), ctx.law);
  const set = { status: t.status, review_ended_on: t.fields.reviewEndedOn ?? null, final_decision_code: t.fields.finalDecisionCode ?? null };
  for (const [k, v] of Object.entries(set)) {
    const current = (appeal as unknown as Record<string, unknown>)[k];
    if (current !== v) {
      before[k] = current ?? null;
      after[k] = v;
    }
  }
  return t;
}
