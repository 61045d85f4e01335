// The reception day (PR-19…PR-31): the live queue with check-in (identity seen, a representative's
// authority), out-of-turn categories served in strict precedence (PR-21), the hall screen's state
// (tickets only, nothing personal: PR-32), participants, and the protocol.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appendEvent } from '../audit/log.ts';
import { appealVisible } from '../appeals/store.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { servingOrder } from '../domain/reception.ts';
import { assertReader, assertStaff, sessionInScope, slotOf } from './sessions.ts';
import type { CheckInInput, ParticipantInput, ProtocolLineInput, QueueInput } from './schemas.ts';
import * as store from './store.ts';

/** Hall screens listening per session (one process; several server processes would need
 *  PostgreSQL LISTEN/NOTIFY in its place). */
const hall = new EventEmitter();
hall.setMaxListeners(0);

export function onHallChange(sessionId: string, listener: () => void): () => void {
  hall.on(sessionId, listener);
  return () => hall.off(sessionId, listener);
}

const byOrder = (rows: store.QueueRow[]) => servingOrder(rows.map((r) => ({ ...r, outOfTurn: r.out_of_turn, arrivedAt: new Date(r.arrived_at), seq: r.ticket })));

/** The queue in serving order: the one called first, then those waiting (PR-21); and those done. */
export function ordered(rows: store.QueueRow[]) {
  const called = rows.filter((r) => r.status === 'called');
  const waiting = byOrder(rows.filter((r) => r.status === 'waiting'));
  return { items: [...called, ...waiting], done: rows.filter((r) => r.status === 'served' || r.status === 'absent') };
}

async function plannedSession(ctx: Context, actor: Actor, sessionId: string) {
  const s = await sessionInScope(ctx, actor, sessionId);
  if (s.status !== 'planned') throw new AppError(409, 'reception.sessionCancelled');
  return s;
}

/** PR-19: a representative shows the document of their authority. */
function authorityErrors(representative: boolean | undefined, document: string | undefined) {
  return representative && !document?.trim() ? [{ path: '/authorityDocument', code: 'reception.authorityDocumentMissing' }] : [];
}

export async function addToQueue(ctx: Context, actor: Actor, sessionId: string, input: QueueInput) {
  assertStaff(actor);
  const s = await plannedSession(ctx, actor, sessionId);
  const errors = authorityErrors(input.representative, input.authorityDocument);
  if (input.signUpAppealId !== undefined) {
    const u = await store.signUpOf(ctx.db, input.signUpAppealId);
    if (!u || u.session_id !== s.id) errors.push({ path: '/signUpAppealId', code: 'reception.notSignedUpHere' });
  }
  if (errors.length > 0) throw invalid(errors);
  const id = randomUUID();
  const now = ctx.clock.now();
  const rows = await ctx.db.transaction().execute(async (trx) => {
    await store.lockSession(trx, s.id);
    const ticket = await store.nextTicket(trx, s.id);
    await store.insertQueueEntry(trx, {
      id,
      session_id: s.id,
      ticket,
      name: input.name.trim(),
      out_of_turn: input.outOfTurn ?? null,
      evidence: input.evidence?.trim() || null,
      arrived_at: input.arrivedAt ? new Date(input.arrivedAt) : now,
      sign_up_appeal_id: input.signUpAppealId ?? null,
      identity_checked: input.identityChecked ?? false,
      representative: input.representative ?? false,
      authority_document: input.authorityDocument?.trim() || null,
      citizenship: input.citizenship ?? null,
      interpreter_needed: input.interpreterNeeded ?? false,
      reception_language: input.language ?? null,
      created_by: actor.id,
      created_at: now,
    });
    await appendEvent(trx, {
      appealId: input.signUpAppealId ?? null,
      organizationId: s.organization_id,
      actor,
      at: now,
      kind: 'receptionQueued',
      changes: { sessionId: s.id, entryId: id, ticket, outOfTurn: input.outOfTurn ?? null },
    });
    return store.queueOf(trx, s.id);
  });
  hall.emit(s.id);
  const entry = rows.find((r) => r.id === id)!;
  return { id, ticket: entry.ticket, position: ordered(rows).items.findIndex((r) => r.id === id) + 1 };
}

export async function queue(ctx: Context, actor: Actor, sessionId: string) {
  assertReader(actor);
  const s = await sessionInScope(ctx, actor, sessionId);
  return { session: s, ...ordered(await store.queueOf(ctx.db, s.id)) };
}

async function entryOf(ctx: Context, sessionId: string, entryId: string) {
  const e = (await store.queueOf(ctx.db, sessionId)).find((r) => r.id === entryId);
  if (!e) throw notFound();
  return e;
}

/** PR-19: identity seen (and a representative's authority). */
export async function checkIn(ctx: Context, actor: Actor, sessionId: string, entryId: string, input: CheckInInput) {
  assertStaff(actor);
  const s = await plannedSession(ctx, actor, sessionId);
  await entryOf(ctx, s.id, entryId);
  const errors = authorityErrors(input.representative, input.authorityDocument);
  if (errors.length > 0) throw invalid(errors);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateQueueEntry(trx, entryId, { identity_checked: true, representative: input.representative ?? false, authority_document: input.authorityDocument?.trim() || null });
    await appendEvent(trx, { appealId: null, organizationId: s.organization_id, actor, at: now, kind: 'receptionCheckedIn', changes: { sessionId: s.id, entryId, representative: input.representative ?? false } });
  });
  hall.emit(s.id);
}

/** Calls the next checked-in visitor in serving order; the one called before is served. */
export async function callNext(ctx: Context, actor: Actor, sessionId: string) {
  assertStaff(actor);
  const s = await plannedSession(ctx, actor, sessionId);
  const now = ctx.clock.now();
  const called = await ctx.db.transaction().execute(async (trx) => {
    await store.lockSession(trx, s.id);
    const rows = await store.queueOf(trx, s.id);
    const next = byOrder(rows.filter((r) => r.status === 'waiting' && r.identity_checked))[0];
    if (!next) throw new AppError(409, 'reception.nobodyWaiting');
    for (const r of rows.filter((x) => x.status === 'called')) await store.updateQueueEntry(trx, r.id, { status: 'served' });
    await store.updateQueueEntry(trx, next.id, { status: 'called', called_at: now });
    await appendEvent(trx, { appealId: null, organizationId: s.organization_id, actor, at: now, kind: 'receptionCalled', changes: { sessionId: s.id, entryId: next.id, ticket: next.ticket } });
    return next;
  });
  hall.emit(s.id);
  return { id: called.id, ticket: called.ticket, name: called.name };
}

export async function finishEntry(ctx: Context, actor: Actor, sessionId: string, entryId: string, outcome: 'served' | 'absent') {
  assertStaff(actor);
  const s = await plannedSession(ctx, actor, sessionId);
  const e = await entryOf(ctx, s.id, entryId);
  if (e.status === 'served' || e.status === 'absent') throw new AppError(409, 'reception.entryDone');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateQueueEntry(trx, entryId, { status: outcome });
    await appendEvent(trx, { appealId: null, organizationId: s.organization_id, actor, at: now, kind: 'receptionEntryDone', changes: { sessionId: s.id, entryId, outcome } });
  });
  hall.emit(s.id);
}

/** The hall screen (public, PR-32: tickets and the official, never a visitor's name). */
export async function hallState(ctx: Context, sessionId: string) {
  const s = await store.sessionById(ctx.db, sessionId);
  if (!s) throw notFound();
  const { items } = ordered(await store.queueOf(ctx.db, s.id));
  const slot = slotOf(ctx, s);
  return {
    sessionId: s.id,
    official: { name: s.full_name, positionKk: s.position_kk, positionRu: s.position_ru },
    date: slot.date,
    time: slot.time,
    place: s.place,
    status: s.status,
    called: items[0]?.status === 'called' ? items[0].ticket : null,
    waiting: items.filter((r) => r.status === 'waiting').map((r) => ({ ticket: r.ticket, outOfTurn: r.out_of_turn !== null })),
  };
}

/** PR-25, PR-26, PR-30: consultants, volunteers, invited employees, other bodies. */
export async function addParticipant(ctx: Context, actor: Actor, sessionId: string, input: ParticipantInput) {
  assertStaff(actor);
  const s = await plannedSession(ctx, actor, sessionId);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertParticipant(trx, { id, session_id: s.id, kind: input.kind, name: input.name.trim(), organization: input.organization?.trim() || null, added_at: now });
    await appendEvent(trx, { appealId: null, organizationId: s.organization_id, actor, at: now, kind: 'receptionParticipant', changes: { sessionId: s.id, participantId: id, kind: input.kind } });
  });
  return id;
}

export async function participants(ctx: Context, actor: Actor, sessionId: string) {
  assertReader(actor);
  await sessionInScope(ctx, actor, sessionId);
  return store.participantsOf(ctx.db, sessionId);
}

/** PR-31: a line of the protocol: the decision on a visitor's question; an instruction carries its
 *  executor organization and due date (the instruction model of issue 12 takes them over). */
export async function addProtocolLine(ctx: Context, actor: Actor, sessionId: string, input: ProtocolLineInput) {
  assertStaff(actor);
  const s = await sessionInScope(ctx, actor, sessionId);
  const errors: { path: string; code: string }[] = [];
  if (input.queueEntryId !== undefined && !(await store.queueOf(ctx.db, s.id)).some((r) => r.id === input.queueEntryId)) errors.push({ path: '/queueEntryId', code: 'reception.notInQueue' });
  if (input.instruction) {
    if (!(await store.organizationById(ctx.db, input.instruction.executorOrganizationId))) errors.push({ path: '/instruction/executorOrganizationId', code: 'organization.unknown' });
    if (input.instruction.dueDate < s.reception_date) errors.push({ path: '/instruction/dueDate', code: 'reception.dueBeforeReception' });
  }
  if (input.appealId !== undefined && !(await appealVisible(ctx.db, actor, input.appealId))) errors.push({ path: '/appealId', code: 'appeal.unknown' });
  if (errors.length > 0) throw invalid(errors);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.lockSession(trx, s.id);
    await store.insertProtocolLine(trx, {
      id,
      session_id: s.id,
      line_no: await store.nextLineNo(trx, s.id),
      queue_entry_id: input.queueEntryId ?? null,
      question: input.question.trim(),
      decision: input.decision.trim(),
      instruction: input.instruction !== undefined,
      executor_organization_id: input.instruction?.executorOrganizationId ?? null,
      due_date: input.instruction?.dueDate ?? null,
      appeal_id: input.appealId ?? null,
      recorded_by: actor.id,
      recorded_at: now,
    });
    await appendEvent(trx, {
      appealId: input.appealId ?? null,
      organizationId: s.organization_id,
      actor,
      at: now,
      kind: 'receptionProtocolLine',
      changes: { sessionId: s.id, lineId: id, instruction: input.instruction ?? null },
    });
  });
  return id;
}

export async function protocol(ctx: Context, actor: Actor, sessionId: string) {
  assertReader(actor);
  const s = await sessionInScope(ctx, actor, sessionId);
  return { session: s, lines: await store.protocolOf(ctx.db, s.id) };
}
