// Use cases of sign-up appeals (PR-04…PR-12, PR-33…PR-38): a sign-up is registered as an appeal
// by the registration use case, under its own term entry (15 WD, PR-36), on the day it is
// received (PR-06); its terms are obligations of the appeal: the answer with the date and time
// (PR-36), the reference note 5 WD before the reception (PR-33). Giving it a session tells the
// applicant; extensions follow PR-37/PR-38.
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { timeZoneOf } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { canActFor, inScope } from '../access/scope.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { applyTerm } from '../domain/terms.ts';
import { extensionLimit, RECEPTION_TERMS, referenceNoteDue, sameDayAllowedFor, SIGN_UP_CHANNELS, SIGN_UP_SUB_KIND, videoConsentMissing, type OfficialKind } from '../domain/reception.ts';
import { localDateTime, zonedInstant } from '../domain/calendar.ts';
import type { OpenedObligation } from '../domain/obligations.ts';
import { registerAppeal } from '../intake/register.ts';
import { appealTransaction, changeAppeal, type Work } from '../appeals/change.ts';
import { contactsOf } from '../appeals/store.ts';
import { enqueue } from '../notifications/outbox.ts';
import { receptionMessages } from './messages.ts';
import { assertReader, assertStaff, sessionInScope, slotOf } from './sessions.ts';
import type { ExtensionInput, ReferenceNoteInput, SignUpInput } from './schemas.ts';
import * as store from './store.ts';

/** Registers a sign-up appeal (any registering role: a registrar, the contact centre's operator,
 *  reception staff — every channel of PR-05) and records what it is for. */
export async function registerSignUp(ctx: Context, actor: Actor, input: SignUpInput): Promise<string> {
  const r = input.reception;
  // PR-05: the portals, paper by post or by hand, orally at the office, the call centre
  if (!(SIGN_UP_CHANNELS as readonly string[]).includes(input.registration.channel)) throw invalid([{ path: '/registration/channel', code: 'reception.signUpChannel' }]);
  if (input.registration.documentType !== 'application') throw invalid([{ path: '/registration/documentType', code: 'reception.signUpIsApplication' }]);
  if (r.officialId !== undefined) {
    const official = await store.officialById(ctx.db, r.officialId);
    if (!official?.active || !(await canActFor(ctx.db, actor, official.organization_id))) throw invalid([{ path: '/reception/officialId', code: 'reception.unknownOfficial' }]);
  }
  const sameDay = r.sameDay ? await sameDayOfficial(ctx, actor, r.sameDay.officialId) : null;
  const registration = { ...input.registration, subKind: SIGN_UP_SUB_KIND };
  return appealTransaction(ctx, async (tctx) => {
    const appealId = await registerAppeal(tctx, actor, registration);
    await changeAppeal(tctx, actor, appealId, async (w) => {
      const { trx, appeal } = w;
      await store.insertSignUp(trx, {
        appeal_id: appeal.id,
        organization_id: appeal.organization_id,
        official_id: sameDay?.id ?? r.officialId ?? null,
        question: r.question.trim(),
        video_consent: r.videoConsent ?? false,
        reception_language: r.language ?? (appeal.language === 'kk' ? 'kk' : 'ru'),
      });
      const answered = sameDay ? await receiveToday(ctx, actor, w, sameDay, r.sameDay!.place) : null;
      const answer = RECEPTION_TERMS.receptionAnswer;
      const open: OpenedObligation[] = [{ kind: 'receptionAnswer', dueDate: applyTerm(ctx.law.calendar, appeal.registration_date, answer.term, ctx.law.count), basis: answer.basis, metOn: answered ? w.today : null }];
      const changes = { officialId: sameDay?.id ?? r.officialId ?? null, videoConsent: r.videoConsent ?? false, sameDaySessionId: answered };
      return { change: { event: { kind: 'receptionSignUp', changes }, open } };
    });
    return appealId;
  });
}

/** PR-04: the official who receives today must be a unit head (or a head of an akim's apparatus). */
async function sameDayOfficial(ctx: Context, actor: Actor, officialId: string) {
  const official = await store.officialById(ctx.db, officialId);
  if (!official?.active || !(await canActFor(ctx.db, actor, official.organization_id))) throw invalid([{ path: '/reception/sameDay/officialId', code: 'reception.unknownOfficial' }]);
  if (!sameDayAllowedFor(official.kind as OfficialKind)) throw invalid([{ path: '/reception/sameDay/officialId', code: 'reception.sameDayKind' }]);
  return official;
}

/** PR-04: a session of the official from now to the end of today's working hours, given to the
 *  sign-up at once and told to the applicant; refused when the appeal is registered on another
 *  day (received after hours or on a day off) or the working day is over. Returns the session. */
async function receiveToday(ctx: Context, actor: Actor, w: Work, official: { id: string; organization_id: number; full_name: string }, place: string): Promise<string> {
  const org = (await store.organizationById(w.trx, official.organization_id))!;
  const ends = zonedInstant(w.today, org.work_end, timeZoneOf(ctx, org));
  if (w.appeal.registration_date !== w.today || w.now.getTime() >= ends.getTime()) throw invalid([{ path: '/reception/sameDay', code: 'reception.sameDayOver' }]);
  const id = randomUUID();
  await store.insertSession(w.trx, {
    id,
    organization_id: org.id,
    official_id: official.id,
    starts_at: w.now,
    ends_at: ends,
    reception_date: w.today,
    place,
    format: 'inPerson',
    occasion: 'sameDay',
    created_by: actor.id,
    created_at: w.now,
  });
  await store.updateSignUp(w.trx, w.appeal.id, { session_id: id, scheduled_at: w.now });
  const slot = { date: w.today, time: localDateTime(w.now, timeZoneOf(ctx, org)).time.slice(0, 5), place, official: official.full_name, videoUrl: null };
  const rows = (await contactsOf(w.trx, w.appeal.id)).flatMap((c) => receptionMessages('receptionScheduled', w.appeal, { slot }, c));
  if (rows.length > 0) await enqueue(w.trx, rows, w.now);
  return id;
}

async function signUpInScope(ctx: Context, actor: Actor, appealId: string) {
  const u = await store.signUpOf(ctx.db, appealId);
  if (!u) throw notFound();
  if (!(await canActFor(ctx.db, actor, u.organization_id))) throw forbidden();
  return u;
}

/** PR-34…PR-36, PR-22, PR-33: gives a sign-up a session: the applicant is told the date, time and
 *  place (or the meeting link), which meets the 15-WD answer; the reference note falls due 5 WD
 *  before the reception. */
export async function scheduleSignUp(ctx: Context, actor: Actor, appealId: string, sessionId: string) {
  assertStaff(actor);
  const u = await signUpInScope(ctx, actor, appealId);
  const s = await sessionInScope(ctx, actor, sessionId);
  if (s.status !== 'planned') throw new AppError(409, 'reception.sessionCancelled');
  if (new Date(s.starts_at).getTime() <= ctx.clock.now().getTime()) throw invalid([{ path: '/sessionId', code: 'reception.sessionPast' }]);
  const restrictive = await store.restrictiveRegimeOn(ctx.db, s.organization_id, s.reception_date);
  if (videoConsentMissing(s.format as 'inPerson' | 'video', u.video_consent, restrictive)) throw invalid([{ path: '/sessionId', code: 'reception.videoConsentMissing' }]);
  const slot = slotOf(ctx, s);
  const note = RECEPTION_TERMS.receptionReferenceNote;
  return changeAppeal(ctx, actor, appealId, async ({ trx, appeal, now }) => {
    if ((await store.lockSession(trx, s.id)) !== 'planned') throw new AppError(409, 'reception.sessionCancelled');
    await store.updateSignUp(trx, appeal.id, { session_id: s.id, scheduled_at: now });
    const rows = (await contactsOf(trx, appeal.id)).flatMap((c) => receptionMessages('receptionScheduled', appeal, { slot }, c));
    if (rows.length > 0) await enqueue(trx, rows, now);
    const open: OpenedObligation[] = u.reference_at ? [] : [{ kind: 'receptionReferenceNote', dueDate: referenceNoteDue(ctx.law.calendar, s.reception_date), basis: note.basis, metOn: null }];
    return {
      change: { event: { kind: 'receptionScheduled', changes: { sessionId: s.id, date: slot.date, time: slot.time, format: s.format } }, meet: ['receptionAnswer'], drop: ['receptionReferenceNote'], open },
      result: { slot },
    };
  });
}

/** PR-33: the reference note to the head, proposing a date or a refusal. */
export async function recordReferenceNote(ctx: Context, actor: Actor, appealId: string, input: ReferenceNoteInput) {
  assertStaff(actor);
  await signUpInScope(ctx, actor, appealId);
  return changeAppeal(ctx, actor, appealId, async ({ trx, appeal, now }) => {
    await store.updateSignUp(trx, appeal.id, { reference_proposal: input.proposal, reference_note: input.text, reference_at: now });
    return { change: { event: { kind: 'receptionReferenceNote', changes: { proposal: input.proposal } }, meet: ['receptionReferenceNote'] } };
  });
}

/** PR-37, PR-38: extends the review of a sign-up — by letter to 30 CD from registration, by the
 *  head's reasoned decision to 2 months (from registration unless the setting says from the due
 *  date) — and tells the applicant at once (within the 3 WD of p.30 ¶2). */
export async function extendSignUp(ctx: Context, actor: Actor, appealId: string, input: ExtensionInput) {
  if (input.by === 'decision' ? !hasRole(actor, 'head') : !hasRole(actor, 'reception', 'head')) throw forbidden();
  const u = await signUpInScope(ctx, actor, appealId);
  const base = await store.extensionBase(ctx.db);
  return changeAppeal(ctx, actor, appealId, async ({ appeal }) => {
    const limit = extensionLimit(ctx.law.calendar, input.by, appeal.registration_date, appeal.due_date, base);
    if (input.until <= appeal.due_date) throw invalid([{ path: '/until', code: 'reception.extensionNotLater' }]);
    if (input.until > limit) throw new AppError(422, 'validation', [{ path: '/until', code: 'reception.extensionBeyondLimit', params: { limit } }]);
    const answer = RECEPTION_TERMS.receptionAnswer;
    // the answer's term moves with the review's, unless the answer was given already
    const moved = u.session_id === null;
    return {
      change: {
        event: { kind: 'receptionExtended', changes: { by: input.by, from: appeal.due_date, until: input.until, reason: input.reason } },
        set: { due_date: input.until },
        drop: moved ? ['receptionAnswer'] : [],
        open: moved ? [{ kind: 'receptionAnswer' as const, dueDate: input.until, basis: answer.basis, metOn: null }] : [],
        notify: [{ kind: 'extended', data: { dueDate: input.until, reason: input.reason } }],
      },
    };
  });
}

/** PR-34: the list of persons of a session, in queue order. */
export async function signUpsOfSession(ctx: Context, actor: Actor, sessionId: string) {
  assertReader(actor);
  await sessionInScope(ctx, actor, sessionId);
  return store.signUpsOfSession(ctx.db, sessionId);
}

/** The sign-ups of the actor's organizations that wait for a session. */
export async function unscheduledSignUps(ctx: Context, actor: Actor) {
  assertReader(actor);
  return store.unscheduledSignUps(ctx.db, inScope(actor, 'u.organization_id'));
}
