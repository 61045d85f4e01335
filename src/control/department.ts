// The control department's own work (issue 12): disciplinary proposals for the quality of executing
// instructions, with their outcome monitored (CD-34); briefings of new employees (CD-38); its
// outgoing documents — the reference note on systemic problems for the akim (CD-18) — signed only
// by its head or the substitute designated for the day (CD-04), and sent only when signed.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { plusDays } from '../domain/calendar.ts';
import { NEW_EMPLOYEE_DAYS, proposalState, signingCapacity } from '../domain/control-department.ts';
import { organizationsById } from './content-store.ts';
import { periodOf } from './content.ts';
import { rootOf } from './service.ts';
import { composeSystemicNote, systemicNotePdf, type NoteContent } from './note.ts';
import * as store from './department-store.ts';
import type { BriefingInput, DocumentInput, OutcomeInput, ProposalInput, SignatoryInput } from './department-schemas.ts';

function controllerOnly(actor: Actor): void {
  if (!hasRole(actor, 'controller')) throw forbidden();
}

/** CD-34: a proposal to bring an official of a body below to disciplinary liability. */
export async function propose(ctx: Context, actor: Actor, input: ProposalInput) {
  controllerOnly(actor);
  if (!(await canActFor(ctx.db, actor, input.organizationId))) throw invalid([{ path: '/organizationId', code: 'instruction.executorOutOfScope' }]);
  if (input.dueDate < todayOf(ctx)) throw invalid([{ path: '/dueDate', code: 'instruction.dueInPast' }]);
  if (input.instructionId) {
    const instruction = await store.instructionById(ctx.db, input.instructionId);
    if (!instruction || !(await canActFor(ctx.db, actor, instruction.organization_id))) throw invalid([{ path: '/instructionId', code: 'notFound' }]);
  }
  if (input.employeeId) {
    // the official is an employee of the body the proposal is about (or one below it)
    const employee = await store.userOf(ctx.db, input.employeeId);
    if (!employee || !(await canActFor(ctx.db, actor, employee.organization_id))) throw invalid([{ path: '/employeeId', code: 'notFound' }]);
  }
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertProposal(trx, {
      id,
      organization_id: input.organizationId,
      employee_id: input.employeeId ?? null,
      official_name: input.officialName,
      official_position: input.officialPosition,
      ground: input.ground,
      instruction_id: input.instructionId ?? null,
      due_date: input.dueDate,
      proposed_by_name: actor.fullName,
      proposed_at: now,
    });
    await appendEvent(trx, {
      appealId: null,
      organizationId: input.organizationId,
      actor,
      at: now,
      kind: 'disciplinaryProposed',
      changes: { proposalId: id, dueDate: input.dueDate, instructionId: input.instructionId ?? null },
    });
  });
  return { id, state: proposalState({ outcome: null, dueDate: input.dueDate }, todayOf(ctx)) };
}

/** CD-34 monitoring: the outcome the body reports — a penalty imposed (which) or none — recorded once. */
export async function recordOutcome(ctx: Context, actor: Actor, id: string, input: OutcomeInput) {
  controllerOnly(actor);
  if ((input.outcome === 'imposed') !== (input.penalty !== undefined)) throw invalid([{ path: '/penalty', code: input.outcome === 'imposed' ? 'discipline.penaltyMissing' : 'discipline.penaltyNotImposed' }]);
  if (input.decidedOn > todayOf(ctx)) throw invalid([{ path: '/decidedOn', code: 'discipline.decidedInFuture' }]);
  const proposal = await store.proposalById(ctx.db, id);
  if (!proposal || !(await canActFor(ctx.db, actor, proposal.organization_id))) throw notFound();
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await store.recordOutcome(trx, id, {
      outcome: input.outcome,
      penalty: input.penalty ?? null,
      outcome_note: input.note ?? null,
      decided_on: input.decidedOn,
      outcome_recorded_by_name: actor.fullName,
      outcome_recorded_at: now,
    });
    if (!row) throw new AppError(409, 'discipline.decidedAlready');
    await appendEvent(trx, { appealId: null, organizationId: proposal.organization_id, actor, at: now, kind: 'disciplinaryOutcome', changes: { proposalId: id, outcome: input.outcome, penalty: input.penalty ?? null } });
    return { id, state: 'decided' as const };
  });
}

export async function proposals(ctx: Context, actor: Actor, state: 'pending' | 'overdue' | 'decided' | undefined) {
  controllerOnly(actor);
  const today = todayOf(ctx);
  const rows = (await store.proposalsBelow(ctx.db, actor.scopeOrganizationId)).map((p) => ({ ...p, state: proposalState({ outcome: p.outcome, dueDate: p.due_date }, today) }));
  return state ? rows.filter((p) => p.state === state) : rows;
}

/** CD-38: a briefing of an employee of a body below on the law on appeals. */
export async function recordBriefing(ctx: Context, actor: Actor, input: BriefingInput) {
  controllerOnly(actor);
  const employee = await store.userOf(ctx.db, input.employeeId);
  if (!employee || !(await canActFor(ctx.db, actor, employee.organization_id))) throw invalid([{ path: '/employeeId', code: 'notFound' }]);
  if (input.briefedOn > todayOf(ctx)) throw invalid([{ path: '/briefedOn', code: 'discipline.decidedInFuture' }]);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertBriefing(trx, { id, employee_id: employee.id, organization_id: employee.organization_id, briefed_on: input.briefedOn, topic: input.topic, conducted_by_name: actor.fullName, recorded_at: now });
    await appendEvent(trx, { appealId: null, organizationId: employee.organization_id, actor, at: now, kind: 'employeeBriefed', changes: { briefingId: id, employeeId: employee.id, briefedOn: input.briefedOn } });
  });
  return { id };
}

/** CD-38: the briefings held, and the new employees not briefed yet. */
export async function briefings(ctx: Context, actor: Actor) {
  controllerOnly(actor);
  const since = new Date(ctx.clock.now().getTime() - NEW_EMPLOYEE_DAYS * 86_400_000);
  const [held, notBriefed] = await Promise.all([store.briefingsBelow(ctx.db, actor.scopeOrganizationId), store.notBriefedBelow(ctx.db, actor.scopeOrganizationId, since)]);
  return { held, notBriefed };
}

/** The control department an actor works in, or 403: documents go out on its behalf. */
async function departmentOf(ctx: Context, actor: Actor): Promise<number> {
  if ((await store.organizationKind(ctx.db, actor.organizationId)) !== 'controlDepartment') throw forbidden();
  return actor.organizationId;
}

export async function signatories(ctx: Context, actor: Actor, organizationId: number | undefined) {
  if (!hasRole(actor, 'controller', 'admin')) throw forbidden();
  const department = organizationId ?? (await departmentOf(ctx, actor));
  if (!(await canActFor(ctx.db, actor, department))) throw forbidden();
  return store.signatoriesOf(ctx.db, department);
}

/** CD-04 (and CD-03): the administrator designates the department's head; the head (or the
 *  administrator) designates a substitute for the dates of the head's absence. Both are users of
 *  the department. */
export async function designate(ctx: Context, actor: Actor, input: SignatoryInput) {
  const department = input.organizationId ?? actor.organizationId;
  if ((await store.organizationKind(ctx.db, department)) !== 'controlDepartment') throw invalid([{ path: '/organizationId', code: 'control.notDepartment' }]);
  const today = todayOf(ctx);
  const current = await store.signatoriesOf(ctx.db, department);
  const isAdmin = hasRole(actor, 'admin') && (await canActFor(ctx.db, actor, department));
  const isHead = signingCapacity(actor.id, today, current) === 'head';
  if (!(isAdmin || (input.kind === 'substitute' && isHead))) throw forbidden();
  const user = await store.userOf(ctx.db, input.userId);
  if (!user || user.organization_id !== department) throw invalid([{ path: '/userId', code: 'control.notOfDepartment' }]);
  if (input.kind === 'substitute' && !input.validTo) throw invalid([{ path: '/validTo', code: 'control.substituteDates' }]);
  if (input.validTo !== undefined && input.validTo < input.validFrom) throw invalid([{ path: '/validTo', code: 'control.periodReversed' }]);
  if (input.kind === 'head' && current.some((s) => s.kind === 'head' && s.validFrom >= input.validFrom)) throw new AppError(409, 'control.headDesignatedLater');
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.kind === 'head') await store.closeHeads(trx, department, plusDays(input.validFrom, -1));
    await store.insertSignatory(trx, {
      id,
      organization_id: department,
      user_id: user.id,
      kind: input.kind,
      valid_from: input.validFrom,
      valid_to: input.kind === 'head' ? null : input.validTo!,
      designated_by_name: actor.fullName,
      designated_at: now,
    });
    await appendEvent(trx, {
      appealId: null,
      organizationId: department,
      actor,
      at: now,
      kind: 'signatoryDesignated',
      changes: { signatoryId: id, userId: user.id, kind: input.kind, validFrom: input.validFrom, validTo: input.validTo ?? null },
    });
  });
  return { id };
}

/** CD-18: the reference note on systemic problems, composed for the addressee and the period. */
export async function createDocument(ctx: Context, actor: Actor, input: DocumentInput) {
  controllerOnly(actor);
  const department = await departmentOf(ctx, actor);
  const root = await rootOf(ctx, actor, input.organization);
  const { from, to } = periodOf(ctx, input);
  const content = await composeSystemicNote(ctx, actor, root, from, to);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertDocument(trx, {
      id,
      organization_id: department,
      kind: input.kind,
      addressee: input.addressee,
      subject_organization_id: root,
      period_from: from,
      period_to: to,
      content: JSON.stringify(content),
      created_by_name: actor.fullName,
      created_at: now,
    });
    await appendEvent(trx, { appealId: null, organizationId: department, actor, at: now, kind: 'controlDocumentCreated', changes: { documentId: id, kind: input.kind, from, to, items: content.items.length } });
  });
  return { id, kind: input.kind, from, to, items: content.items.length, signed: false };
}

async function documentOf(ctx: Context, actor: Actor, id: string) {
  controllerOnly(actor);
  const doc = await store.documentById(ctx.db, id);
  if (!doc || doc.organization_id !== actor.organizationId) throw notFound();
  return doc;
}

export async function documents(ctx: Context, actor: Actor) {
  controllerOnly(actor);
  return store.documentsOf(ctx.db, await departmentOf(ctx, actor));
}

/** CD-04: signed only by the department's head or the substitute designated for the day. */
export async function signDocument(ctx: Context, actor: Actor, id: string) {
  const doc = await documentOf(ctx, actor, id);
  const capacity = signingCapacity(actor.id, todayOf(ctx), await store.signatoriesOf(ctx.db, doc.organization_id));
  if (capacity === null) throw new AppError(403, 'control.notSignatory');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await store.signDocument(trx, id, { signed_by: actor.id, signed_by_name: actor.fullName, signed_as: capacity, signed_at: now });
    if (!row) throw new AppError(409, 'control.documentSigned');
    await appendEvent(trx, { appealId: null, organizationId: doc.organization_id, actor, at: now, kind: 'controlDocumentSigned', changes: { documentId: id, signedAs: capacity } });
    return { id, signedBy: actor.fullName, signedAs: capacity, signedAt: now.toISOString() };
  });
}

/** CD-04: an unsigned document is not sent. */
export async function sendDocument(ctx: Context, actor: Actor, id: string) {
  const doc = await documentOf(ctx, actor, id);
  if (doc.signed_at === null) throw new AppError(409, 'control.documentUnsigned');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await store.sendDocument(trx, id, { sent_by_name: actor.fullName, sent_at: now });
    if (!row) throw new AppError(409, 'control.documentSent');
    await appendEvent(trx, { appealId: null, organizationId: doc.organization_id, actor, at: now, kind: 'controlDocumentSent', changes: { documentId: id, addressee: doc.addressee } });
    return { id, sentAt: now.toISOString() };
  });
}

export async function documentPdf(ctx: Context, actor: Actor, id: string): Promise<Buffer> {
  const doc = await documentOf(ctx, actor, id);
  const [department] = await organizationsById(ctx.db, [doc.organization_id]);
  return systemicNotePdf(doc.content as NoteContent, {
    id: doc.id,
    addressee: doc.addressee,
    from: doc.period_from,
    to: doc.period_to,
    department: { kk: department?.name_kk ?? '', ru: department?.name_ru ?? '' },
    signedByName: doc.signed_by_name,
    signedAs: doc.signed_as,
    signedAt: doc.signed_at,
    createdAt: doc.created_at,
  });
}
