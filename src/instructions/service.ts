// Instructions under control (CD-29…CD-36, EA-07): one model for every issuer, a reception
// protocol's included (PR-31: `createInstruction` is what the reception module calls, inside its
// own appeal transaction or alone). The executors report (interim, execution) and ask for more time;
// the controller decides the requests and the reports, and alone takes an instruction off control
// — only with its execution report accepted. Every change is an audit event (on each linked appeal
// too, through the one door).
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { today as todayOf } from '../context.ts';
import { hasRole, type Actor } from '../access/actor.ts';
import { canActFor } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { appendEvent } from '../audit/log.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { plusDays } from '../domain/calendar.ts';
import { checkInstruction, instructionState, mayTakeOffControl, warningDates } from '../domain/instructions.ts';
import type { Db } from '../db/connection.ts';
import * as store from './store.ts';
import type { ExtensionInput, InstructionInput, InstructionsQuery, ReportInput } from './schemas.ts';

export type { InstructionInput } from './schemas.ts';

/** Who may record an instruction: the controller, a head, the reception staff (a protocol's). */
const ISSUED_BY = ['controller', 'head', 'reception'] as const;

/** Records an instruction under control; returns its id and state. */
export async function createInstruction(ctx: Context, actor: Actor, input: InstructionInput): Promise<{ id: string; state: 'underControl' }> {
  if (!hasRole(actor, ...ISSUED_BY)) throw forbidden();
  const today = todayOf(ctx);
  const errors = checkInstruction(input, today);
  const organizationId = input.organizationId ?? actor.scopeOrganizationId;
  for (const [i, e] of input.executors.entries()) {
    if (!(await canActFor(ctx.db, actor, e.organizationId))) errors.push({ path: `/executors/${i}/organizationId`, code: 'instruction.executorOutOfScope' });
  }
  if (!(await canActFor(ctx.db, actor, organizationId))) errors.push({ path: '/organizationId', code: 'instruction.executorOutOfScope' });
  if (errors.length) throw invalid(errors);
  const id = randomUUID();
  const appealIds = [...new Set(input.appealIds)];
  return appealTransaction(ctx, async (tctx) => {
    const now = tctx.clock.now();
    const warnings = warningDates(ctx.law.calendar, input.dueDate, today, input.warningDates);
    await store.insertInstruction(
      tctx.db,
      {
        id,
        organization_id: organizationId,
        issuer: input.issuer,
        basis_document: input.basisDocument ?? null,
        text: input.text,
        due_date: input.dueDate,
        warning_dates: JSON.stringify(warnings),
        created_by: actor.id,
        created_by_name: actor.fullName,
        created_at: now,
        removed_by_name: null,
        removed_at: null,
      },
      appealIds,
      input.executors,
    );
    const changes = { instructionId: id, issuer: input.issuer, dueDate: input.dueDate, executors: input.executors };
    await appendEvent(tctx.db, { appealId: null, organizationId, actor, at: now, kind: 'instructionCreated', changes: { ...changes, appealIds } });
    // each linked appeal records it (its scope is checked by the door: 404/403)
    for (const appealId of appealIds) {
      await changeAppeal(tctx, actor, appealId, async () => ({ change: { event: { kind: 'instructionLinked', changes } } }));
    }
    return { id, state: 'underControl' as const };
  });
}

export async function listInstructions(ctx: Context, actor: Actor, q: InstructionsQuery) {
  const today = todayOf(ctx);
  const dueBy = q.dueThisWeek ? plusDays(today, 6) : undefined;
  const rows = await store.instructionsFor(ctx.db, actor, { state: q.state, issuer: q.issuer, executor: q.executor, appealId: q.appealId, today, ...(dueBy ? { dueBy } : {}) });
  return rows.map((r) => ({ ...r, shownState: instructionState(r.state, r.due_date, today) }));
}

/** The instruction with its executors, reports and extension requests, if the actor sees it. */
export async function instructionDetail(ctx: Context, actor: Actor, id: string) {
  const today = todayOf(ctx);
  const [row] = await store.instructionsFor(ctx.db, actor, { id, today });
  if (!row) throw (await store.instructionById(ctx.db, id)) ? forbidden() : notFound();
  const [reports, extensions] = await Promise.all([store.reportsOf(ctx.db, id), store.extensionsOf(ctx.db, id)]);
  return { ...row, shownState: instructionState(row.state, row.due_date, today), reports, extensions };
}

/** The executor side: the actor works for one of the executors. */
async function executorOrganization(db: Db, actor: Actor, instructionId: string): Promise<number> {
  if (!hasRole(actor, 'head', 'executor')) throw forbidden();
  const executors = await store.executorsOf(db, instructionId);
  if (executors.length === 0) throw notFound();
  for (const e of executors) if (await canActFor(db, actor, e.organization_id)) return e.organization_id;
  throw forbidden();
}

/** The controlling side: a controller whose scope holds the controlling organization. */
async function controlledInstruction(db: Db, actor: Actor, id: string) {
  if (!hasRole(actor, 'controller')) throw forbidden();
  const row = await store.lockInstruction(db, id);
  if (!row) throw notFound();
  if (!(await canActFor(db, actor, row.organization_id))) throw forbidden();
  return row;
}

const removedConflict = () => new AppError(409, 'instruction.removed');

/** An interim or execution report of an executor. */
export async function submitReport(ctx: Context, actor: Actor, id: string, input: ReportInput) {
  const organizationId = await executorOrganization(ctx.db, actor, id);
  const reportId = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const i = await store.lockInstruction(trx, id);
    if (!i) throw notFound();
    if (i.state === 'removed') throw removedConflict();
    await store.insertReport(trx, {
      id: reportId,
      instruction_id: id,
      organization_id: organizationId,
      kind: input.kind,
      text: input.text,
      submitted_by_name: actor.fullName,
      submitted_at: now,
      accepted: null,
      comment: null,
      decided_by_name: null,
      decided_at: null,
    });
    await appendEvent(trx, { appealId: null, organizationId: i.organization_id, actor, at: now, kind: 'instructionReported', changes: { instructionId: id, reportId, kind: input.kind } });
  });
  return { id: reportId, kind: input.kind };
}

export async function decideReport(ctx: Context, actor: Actor, id: string, reportId: string, accept: boolean, comment?: string) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const i = await controlledInstruction(trx, actor, id);
    if (i.state === 'removed') throw removedConflict();
    const r = await store.decideReport(trx, id, reportId, { accepted: accept, comment: comment ?? null, decided_by_name: actor.fullName, decided_at: now });
    if (!r) throw new AppError(409, 'instruction.reportDecided');
    await appendEvent(trx, { appealId: null, organizationId: i.organization_id, actor, at: now, kind: 'instructionReportDecided', changes: { instructionId: id, reportId, accepted: accept } });
    return { id: reportId, accepted: accept };
  });
}

/** An executor asks for a later due date. */
export async function requestExtension(ctx: Context, actor: Actor, id: string, input: ExtensionInput) {
  const organizationId = await executorOrganization(ctx.db, actor, id);
  const extensionId = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const i = await store.lockInstruction(trx, id);
    if (!i) throw notFound();
    if (i.state === 'removed') throw removedConflict();
    if (input.dueDate <= i.due_date) throw invalid([{ path: '/dueDate', code: 'instruction.extensionNotLater', params: { dueDate: i.due_date } }]);
    await store.insertExtension(trx, {
      id: extensionId,
      instruction_id: id,
      organization_id: organizationId,
      due_date: input.dueDate,
      reason: input.reason,
      requested_by_name: actor.fullName,
      requested_at: now,
      granted: null,
      decided_by_name: null,
      decided_at: null,
    });
    await appendEvent(trx, { appealId: null, organizationId: i.organization_id, actor, at: now, kind: 'instructionExtensionRequested', changes: { instructionId: id, extensionId, dueDate: input.dueDate } });
  });
  return { id: extensionId, dueDate: input.dueDate };
}

/** The controller grants (the due date moves, the warnings with it) or refuses a request. */
export async function decideExtension(ctx: Context, actor: Actor, id: string, extensionId: string, grant: boolean) {
  const now = ctx.clock.now();
  const today = todayOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const i = await controlledInstruction(trx, actor, id);
    if (i.state === 'removed') throw removedConflict();
    const e = await store.decideExtension(trx, id, extensionId, { granted: grant, decided_by_name: actor.fullName, decided_at: now });
    if (!e) throw new AppError(409, 'instruction.extensionDecided');
    const after = grant ? await store.updateInstruction(trx, id, { due_date: e.due_date, warning_dates: JSON.stringify(warningDates(ctx.law.calendar, e.due_date, today)) }) : i;
    await appendEvent(trx, {
      appealId: null,
      organizationId: i.organization_id,
      actor,
      at: now,
      kind: 'instructionExtensionDecided',
      changes: { instructionId: id, extensionId, granted: grant, dueDate: { from: i.due_date, to: after.due_date } },
    });
    return { id: extensionId, granted: grant, dueDate: after.due_date };
  });
}

/** CD-29/CD-36: taken off control by the controller, only with the execution report accepted. */
export async function takeOffControl(ctx: Context, actor: Actor, id: string) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const i = await controlledInstruction(trx, actor, id);
    if (i.state === 'removed') throw removedConflict();
    if (!mayTakeOffControl(await store.reportsOf(trx, id))) throw new AppError(409, 'instruction.noAcceptedReport');
    await store.updateInstruction(trx, id, { state: 'removed', removed_by_name: actor.fullName, removed_at: now });
    await appendEvent(trx, { appealId: null, organizationId: i.organization_id, actor, at: now, kind: 'instructionTakenOffControl', changes: { instructionId: id } });
    return { id, state: 'removed' as const };
  });
}
