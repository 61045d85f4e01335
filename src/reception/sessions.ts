// Use cases of reception schedules: receiving officials (PR-02), sessions with their occasion
// (PR-14, PR-18, CD-15, CD-16), the video rules (PR-22, PR-23), the monthly schedule's approval
// (PR-15, PR-16), the public schedule (PR-17), the compliance check (PR-13, CD-17) and the
// official's cancellation (PR-24).
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { timeZoneOf, today } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { canActFor, inScope } from '../access/scope.ts';
import { appendEvent } from '../audit/log.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { localDateTime } from '../domain/calendar.ts';
import { cancellationLate, formatRefusal, monthOf, monthRange, occasionErrors, officialsWithoutSession, videoUrl, type OfficialKind } from '../domain/reception.ts';
import { appealTransaction, changeAppeal } from '../appeals/change.ts';
import { contactsOf } from '../appeals/store.ts';
import { enqueue } from '../notifications/outbox.ts';
import { signatureBy } from '../letters/signing.ts';
import { receptionMessages, type ReceptionSlot } from './messages.ts';
import { renderPoster } from './poster.ts';
import type { ApprovalInput, CancelInput, OfficialInput, PeriodQuery, RestrictionInput, SessionInput } from './schemas.ts';
import * as store from './store.ts';

/** Who keeps the schedules and the reception day (reception offices and centres). */
export const RECEPTION_STAFF = ['reception'] as const;
/** Who reads them: the staff, the heads who receive, the control department (CD-17). */
export const RECEPTION_READERS = ['reception', 'head', 'controller'] as const;

export function assertReader(actor: Actor): void {
  if (!hasRole(actor, ...RECEPTION_READERS)) throw forbidden();
}

export function assertStaff(actor: Actor): void {
  if (!hasRole(actor, ...RECEPTION_STAFF)) throw forbidden();
}

async function organizationFor(ctx: Context, actor: Actor, organizationId: number | undefined) {
  const id = organizationId ?? actor.organizationId;
  const org = await store.organizationById(ctx.db, id);
  if (!org) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);
  if (!(await canActFor(ctx.db, actor, id))) throw forbidden();
  return org;
}

export async function addOfficial(ctx: Context, actor: Actor, input: OfficialInput) {
  assertStaff(actor);
  const org = await organizationFor(ctx, actor, input.organizationId);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertOfficial(trx, {
      id,
      organization_id: org.id,
      full_name: input.fullName.trim(),
      position_kk: input.positionKk.trim(),
      position_ru: input.positionRu.trim(),
      kind: input.kind,
      phone: input.phone?.trim() || null,
      email: input.email?.trim() || null,
      created_at: now,
    });
    await appendEvent(trx, { appealId: null, organizationId: org.id, actor, at: now, kind: 'receptionOfficialAdded', changes: { officialId: id, kind: input.kind } });
  });
  return (await store.officialsWhere(ctx.db, inScope(actor, 'f.organization_id'))).find((o) => o.id === id)!;
}

export async function officials(ctx: Context, actor: Actor, organizationId?: number) {
  assertReader(actor);
  return store.officialsWhere(ctx.db, inScope(actor, 'f.organization_id'), organizationId);
}

/** A session in the actor's scope, or 404/403. */
export async function sessionInScope(ctx: Context, actor: Actor, id: string) {
  const s = await store.sessionById(ctx.db, id);
  if (!s) throw notFound();
  if (!(await canActFor(ctx.db, actor, s.organization_id))) throw forbidden();
  return s;
}

export async function createSession(ctx: Context, actor: Actor, input: SessionInput) {
  assertStaff(actor);
  const official = await store.officialById(ctx.db, input.officialId);
  if (!official?.active) throw invalid([{ path: '/officialId', code: 'reception.unknownOfficial' }]);
  if (!(await canActFor(ctx.db, actor, official.organization_id))) throw forbidden();
  const org = (await store.organizationById(ctx.db, official.organization_id))!;
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const date = localDateTime(startsAt, timeZoneOf(ctx, org)).date;
  const errors = occasionErrors(input.occasion, { issuer: input.instructionIssuer, date: input.instructionDate }, input.settlement);
  if (endsAt.getTime() <= startsAt.getTime()) errors.push({ path: '/endsAt', code: 'reception.endBeforeStart' });
  const restrictive = await store.restrictiveRegimeOn(ctx.db, org.id, date);
  const refusal = formatRefusal(input.format, official.kind as OfficialKind, restrictive);
  if (refusal) errors.push({ path: '/format', code: refusal });
  if (errors.length > 0) throw invalid(errors);
  const id = randomUUID();
  const now = ctx.clock.now();
  const url = input.format === 'video' ? videoUrl(await store.videoUrlTemplate(ctx.db), id) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertSession(trx, {
      id,
      organization_id: org.id,
      official_id: official.id,
      starts_at: startsAt,
      ends_at: endsAt,
      reception_date: date,
      place: input.place.trim(),
      format: input.format,
      occasion: input.occasion,
      instruction_issuer: input.instructionIssuer?.trim() || null,
      instruction_date: input.instructionDate ?? null,
      settlement: input.settlement?.trim() || null,
      video_url: url,
      created_by: actor.id,
      created_at: now,
    });
    await appendEvent(trx, {
      appealId: null,
      organizationId: org.id,
      actor,
      at: now,
      kind: 'receptionSessionCreated',
      changes: { sessionId: id, officialId: official.id, startsAt: input.startsAt, format: input.format, occasion: input.occasion },
    });
  });
  return (await store.sessionById(ctx.db, id))!;
}

export async function sessions(ctx: Context, actor: Actor, query: PeriodQuery) {
  assertReader(actor);
  return store.sessionsWhere(ctx.db, inScope(actor, 's.organization_id'), { organizationId: query.organization, from: query.from, to: query.to });
}

/** PR-23: a restrictive regime recorded for an organization (and those below it). */
export async function recordRestriction(ctx: Context, actor: Actor, input: RestrictionInput): Promise<string> {
  if (!hasRole(actor, 'reception', 'head')) throw forbidden();
  const org = await organizationFor(ctx, actor, input.organizationId);
  if (input.endsOn < input.startsOn) throw invalid([{ path: '/endsOn', code: 'reception.endBeforeStart' }]);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertRestriction(trx, { id, organization_id: org.id, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason, recorded_by: actor.id, recorded_at: now });
    await appendEvent(trx, { appealId: null, organizationId: org.id, actor, at: now, kind: 'receptionRestriction', changes: { restrictionId: id, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason } });
  });
  return id;
}

/** PR-15, PR-16: the head approves the organization's schedule for a month (once), with the
 *  signature given (a detached CMS, as letters are signed). */
/** PR-16: the text a head signs to approve a month's schedule: the organization, the month and
 *  every planned session as the schedule lists them, one per line, in a fixed order. */
export async function approvalText(ctx: Context, actor: Actor, asked: string | undefined, organizationId?: number): Promise<string> {
  const s = await schedule(ctx, actor, asked, organizationId);
  const lines = s.items.map((r) => [r.reception_date, new Date(r.starts_at).toISOString(), new Date(r.ends_at).toISOString(), r.full_name, r.position_kk, r.place, r.format, r.organization_kk].join(' | '));
  return [`${s.organization.code} ${s.organization.name_kk}`, s.month, ...lines].join('\n');
}

export async function approveSchedule(ctx: Context, actor: Actor, input: ApprovalInput) {
  if (!hasRole(actor, 'head')) throw forbidden();
  const org = await organizationFor(ctx, actor, input.organizationId);
  if (await store.approvalOf(ctx.db, org.id, input.month)) throw new AppError(409, 'reception.scheduleApproved', [], { month: input.month });
  const now = ctx.clock.now();
  const { month, organizationId, ...sign } = input;
  // A signature is verified over the schedule as it stands (chain, validity, the head's own
  // registered certificate), so the poster's "signed with an EDS" is never a bare claim.
  const signedText = sign.signature || sign.pkcs12 ? await approvalText(ctx, actor, month, organizationId) : null;
  const signed = signedText === null ? null : await signatureBy(ctx, actor, Buffer.from(signedText, 'utf8'), sign, now);
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertApproval(trx, {
      organization_id: org.id,
      month,
      approved_by: actor.id,
      approved_by_name: actor.fullName,
      approved_by_position: actor.position,
      approved_at: now,
      signature: signed ? Buffer.from(signed.cms).toString('base64') : null,
      signed_text: signedText,
    });
    await appendEvent(trx, {
      appealId: null,
      organizationId: org.id,
      actor,
      at: now,
      kind: 'receptionScheduleApproved',
      changes: { month, signed: signed !== null, ...(signed ? { signer: signed.signer.commonName } : {}) },
    });
  });
  return (await store.approvalOf(ctx.db, org.id, month))!;
}

/** The schedule of an organization for a month (this month unless asked): its sessions and its approval, if given. */
export async function schedule(ctx: Context, actor: Actor, asked: string | undefined, organizationId?: number) {
  assertReader(actor);
  const month = asked ?? monthOf(today(ctx));
  const org = await organizationFor(ctx, actor, organizationId);
  const [items, approval] = await Promise.all([
    store.sessionsWhere(ctx.db, inScope(actor, 's.organization_id'), { organizationId: org.id, ...monthRange(month), plannedOnly: true }),
    store.approvalOf(ctx.db, org.id, month),
  ]);
  return { organization: org, month, items, approval };
}

/** PR-17, PR-32: the public schedule: planned sessions, nothing personal but the official's name,
 *  position and the office's contacts. */
export async function publicSchedule(ctx: Context, query: PeriodQuery) {
  const from = query.from ?? today(ctx);
  const to = query.to ?? ctx.law.calendar.addCalendarDays(from, 31);
  const rows = await store.sessionsWhere(ctx.db, null, { organizationId: query.organization, from, to, plannedOnly: true });
  const approvals = await store.approvalsWhere(ctx.db, [...new Set(rows.map((r) => r.organization_id))], monthsOf(rows));
  const approved = new Set(approvals.map((a) => `${a.organization_id}/${a.month}`));
  return rows.map((r) => ({ session: r, approved: approved.has(`${r.organization_id}/${monthOf(r.reception_date)}`) }));
}

/** PR-16, PR-17: the poster of an organization's schedule for a month (public: nothing personal). */
export async function schedulePoster(ctx: Context, organizationId: number, month: string): Promise<Buffer> {
  const org = await store.organizationById(ctx.db, organizationId);
  if (!org) throw notFound();
  const [rows, approval] = await Promise.all([store.sessionsWhere(ctx.db, null, { organizationId: org.id, ...monthRange(month), plannedOnly: true }), store.approvalOf(ctx.db, org.id, month)]);
  const zone = timeZoneOf(ctx, org);
  const local = (d: Date | string) => localDateTime(new Date(d), zone);
  return renderPoster({
    month,
    organization: { kk: org.name_kk, ru: org.name_ru },
    approval: approval ? { name: approval.approved_by_name, position: approval.approved_by_position, date: local(approval.approved_at).date, signed: approval.signature !== null } : null,
    rows: rows.map((r) => ({
      organization: { kk: r.organization_kk, ru: r.organization_ru },
      official: r.full_name,
      position: { kk: r.position_kk, ru: r.position_ru },
      date: r.reception_date,
      from: local(r.starts_at).time.slice(0, 5),
      to: local(r.ends_at).time.slice(0, 5),
      place: r.place,
      contacts: [r.phone ?? r.organization_phone, r.email ?? r.organization_email].filter(Boolean).join(', '),
    })),
  });
}

/** PR-13, PR-15, CD-17: the officials in the actor's scope with no session in the month, by organization. */
export async function compliance(ctx: Context, actor: Actor, asked: string | undefined, organizationId?: number) {
  assertReader(actor);
  const month = asked ?? monthOf(today(ctx));
  const [list, held] = await Promise.all([store.officialsWhere(ctx.db, inScope(actor, 'f.organization_id'), organizationId), store.sessionsInMonth(ctx.db, inScope(actor, 's.organization_id'), month, organizationId)]);
  const missing = officialsWithoutSession(
    list,
    held.map((s) => ({ officialId: s.official_id, date: s.reception_date, cancelled: s.status === 'cancelled' })),
    month,
  );
  const byOrg = new Map<number, { organizationId: number; kk: string; ru: string; officials: number; withoutSession: number }>();
  for (const o of list) {
    const e = byOrg.get(o.organization_id) ?? { organizationId: o.organization_id, kk: o.organization_kk, ru: o.organization_ru, officials: 0, withoutSession: 0 };
    e.officials += 1;
    byOrg.set(o.organization_id, e);
  }
  for (const o of missing) byOrg.get(o.organization_id)!.withoutSession += 1;
  return { month, missing, organizations: [...byOrg.values()] };
}

/** The slot of a session as the applicant's messages give it (local date and time). */
export function slotOf(ctx: Context, s: store.SessionRow): ReceptionSlot {
  const local = localDateTime(new Date(s.starts_at), timeZoneOf(ctx, { time_zone: s.time_zone }));
  return { date: local.date, time: local.time.slice(0, 5), place: s.place, official: s.full_name, videoUrl: s.format === 'video' ? s.video_url : null };
}

/** PR-24: the official cannot hold the reception. The notice is late when given after the reception
 *  date − 2 WD and before its day. Every signed-up applicant is told, with the official's next
 *  session offered, and the sign-up goes back to the list without a session. */
export async function cancelSession(ctx: Context, actor: Actor, sessionId: string, input: CancelInput) {
  assertStaff(actor);
  const s = await sessionInScope(ctx, actor, sessionId);
  if (s.status === 'cancelled') throw new AppError(409, 'reception.sessionCancelled');
  const noticeOn = input.noticeOn ?? today(ctx);
  if (noticeOn > s.reception_date) throw invalid([{ path: '/noticeOn', code: 'reception.noticeAfterReception' }]);
  const late = cancellationLate(ctx.law.calendar, s.reception_date, noticeOn);
  const next = await store.nextSessionOf(ctx.db, s.official_id, new Date(s.starts_at), s.id);
  const slot = slotOf(ctx, s);
  const nextSlot = next ? slotOf(ctx, next) : null;
  const now = ctx.clock.now();
  const signUps = await appealTransaction(ctx, async (tctx) => {
    const trx = tctx.db;
    // under the lock: a second cancellation, or a sign-up given this session meanwhile, is seen
    if ((await store.lockSession(trx, s.id)) === 'cancelled') throw new AppError(409, 'reception.sessionCancelled');
    const signUps = await store.signUpsOfSession(trx, s.id);
    await store.updateSession(trx, s.id, { status: 'cancelled', cancel_reason: input.reason, cancel_note: input.note ?? null, cancel_notice_on: noticeOn, cancel_late: late, cancelled_at: now });
    await appendEvent(trx, {
      appealId: null,
      organizationId: s.organization_id,
      actor,
      at: now,
      kind: 'receptionSessionCancelled',
      changes: { sessionId: s.id, reason: input.reason, noticeOn, late, signUps: signUps.length },
    });
    for (const u of signUps) {
      await changeAppeal(tctx, actor, u.appeal_id, async ({ trx: t, appeal }) => {
        await store.updateSignUp(t, appeal.id, { session_id: null, scheduled_at: null });
        const rows = (await contactsOf(t, appeal.id)).flatMap((c) => receptionMessages('receptionCancelled', appeal, { slot, next: nextSlot }, c));
        if (rows.length > 0) await enqueue(t, rows, now);
        return { change: { event: { kind: 'receptionCancelled', changes: { sessionId: s.id, nextSessionId: next?.id ?? null } }, drop: ['receptionReferenceNote'] } };
      });
    }
    return signUps;
  });
  return { late, notified: signUps.length, nextSessionId: next?.id ?? null };
}

/** The months a period touches ('YYYY-MM'), for the approvals of the public schedule. */
function monthsOf(rows: readonly { reception_date: string }[]): string[] {
  return [...new Set(rows.map((r) => monthOf(r.reception_date)))];
}
